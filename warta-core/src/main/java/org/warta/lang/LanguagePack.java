package org.warta.lang;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A language's data files: {@code warta/lang/<code>/<file>} on the classpath, plus the same file under
 * each user directory given with {@code --kb DIR} ({@code DIR/lang/<code>/<file>}), whose rows are
 * appended. Stages ask for the files they need when they are built; the pack itself only finds and
 * parses them, so a new language is a new folder of files, not new code.
 */
public final class LanguagePack {
    private final String code;
    private final List<Path> userDirs;

    public LanguagePack(String code, List<Path> userDirs) {
        this.code = Objects.requireNonNull(code);
        this.userDirs = List.copyOf(userDirs);
    }

    public String code() { return code; }

    /** Classpath resource path of a file of this pack. */
    public String resourcePath(String file) {
        return "warta/lang/" + code + "/" + file;
    }

    /** True if the built-in pack or one of the user directories has the file. */
    public boolean has(String file) {
        return TsvTable.readResourceOrNull(resourcePath(file)) != null || !userFiles(file).isEmpty();
    }

    private List<Path> userFiles(String file) {
        List<Path> out = new ArrayList<>();
        for (Path dir : userDirs) {
            Path p = dir.resolve("lang").resolve(code).resolve(file);
            if (Files.isRegularFile(p)) out.add(p);
        }
        return out;
    }

    /**
     * The built-in table followed by the user's tables of the same name; a user table must have the
     * built-in table's columns. Missing built-in file: an error naming it.
     */
    public List<TsvTable> tables(String file) {
        List<TsvTable> out = new ArrayList<>();
        List<Path> user = userFiles(file);
        TsvTable base;
        if (TsvTable.readResourceOrNull(resourcePath(file)) != null || user.isEmpty()) {
            base = TsvTable.resource(resourcePath(file)); // a missing file of a built-in pack: an error naming it
        } else {
            // a pack that exists only in a user directory: its first file sets the columns
            base = TsvTable.file(user.get(0));
            user = user.subList(1, user.size());
        }
        out.add(base);
        for (Path p : user) out.add(TsvTable.file(p).require(base.columns().toArray(String[]::new)));
        return out;
    }

    /** All rows of the built-in and user tables of that name, in order. */
    public List<TsvTable.Row> rows(String file) {
        List<TsvTable.Row> rows = new ArrayList<>();
        for (TsvTable t : tables(file)) rows.addAll(t.rows());
        return rows;
    }

    /** A one-item-per-line word list (built-in plus user files). */
    public List<String> words(String file) {
        String builtIn = TsvTable.readResourceOrNull(resourcePath(file));
        if (builtIn == null && userFiles(file).isEmpty()) builtIn = TsvTable.readResource(resourcePath(file)); // error naming it
        List<String> out = new ArrayList<>(builtIn == null ? List.of() : TsvTable.wordList(resourcePath(file), builtIn));
        for (Path dir : userDirs) {
            Path p = dir.resolve("lang").resolve(code).resolve(file);
            if (Files.isRegularFile(p)) {
                try {
                    out.addAll(TsvTable.wordList(p.toString(), TsvTable.decodeStrict(p.toString(), Files.readAllBytes(p))));
                } catch (java.io.IOException e) {
                    throw new DataFileException(p.toString(), 0, "cannot read: " + e.getMessage());
                }
            }
        }
        return out;
    }
}
