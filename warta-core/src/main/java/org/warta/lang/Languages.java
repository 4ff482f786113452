package org.warta.lang;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The language packs this build knows, by ISO 639-1 code. Immutable once built. */
public final class Languages {
    /** Packs shipped with Warta, in order of preference for detection ties. */
    public static final List<String> BUILT_IN = List.of("id", "en");

    private final Map<String, LanguagePack> packs = new LinkedHashMap<>();

    public Languages(List<Path> userDirs) {
        for (String code : BUILT_IN) packs.put(code, new LanguagePack(code, userDirs));
    }

    public LanguagePack get(String code) {
        LanguagePack p = packs.get(code);
        if (p == null) throw new IllegalArgumentException("no language pack '" + code + "' (have " + packs.keySet() + ")");
        return p;
    }

    public Set<String> codes() { return packs.keySet(); }
}
