package org.warta.lang;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The language packs this build knows, by ISO 639-1 (or any short) code. Immutable once built. The
 * built-in packs are listed in {@code warta/lang/languages.txt}; a user directory given with
 * {@code --kb DIR} adds a pack for every folder {@code DIR/lang/<code>/} that has a {@code stopwords.txt},
 * so a new language is a folder of data files, not code.
 */
public final class Languages {
    /** Packs shipped with Warta, in order of preference for detection ties. */
    public static final List<String> BUILT_IN = List.copyOf(
            TsvTable.wordList("warta/lang/languages.txt", TsvTable.readResource("warta/lang/languages.txt")));

    private final Map<String, LanguagePack> packs = new LinkedHashMap<>();

    public Languages(List<Path> userDirs) {
        List<String> codes = new ArrayList<>(BUILT_IN);
        for (Path dir : userDirs) {
            Path lang = dir.resolve("lang");
            if (!Files.isDirectory(lang)) continue;
            try (Stream<Path> s = Files.list(lang)) {
                s.filter(p -> Files.isRegularFile(p.resolve("stopwords.txt"))).map(p -> p.getFileName().toString())
                        .sorted().filter(c -> !codes.contains(c)).forEach(codes::add);
            } catch (IOException e) {
                throw new DataFileException(lang.toString(), 0, "cannot list language packs: " + e.getMessage());
            }
        }
        for (String code : codes) packs.put(code, new LanguagePack(code, userDirs));
    }

    public LanguagePack get(String code) {
        LanguagePack p = packs.get(code);
        if (p == null) throw new IllegalArgumentException("no language pack '" + code + "' (have " + packs.keySet() + ")");
        return p;
    }

    public Set<String> codes() { return packs.keySet(); }
}
