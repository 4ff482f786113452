package org.warta.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tab-separated data file as language packs and the knowledge base write them: UTF-8, {@code #} comment
 * lines and blank lines ignored, the first other line names the columns, every row has exactly that many
 * fields. List fields separate items with {@code |}. Every problem is a {@link DataFileException} naming the
 * file and line, so a typo never turns into silently empty output.
 */
public final class TsvTable {
    private final String name;
    private final List<String> columns;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Row> rows;

    private TsvTable(String name, List<String> columns, List<Row> rows) {
        this.name = name;
        this.columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) index.put(columns.get(i), i);
        this.rows = Collections.unmodifiableList(rows);
    }

    /** One data row, with its line number for error messages. */
    public final class Row {
        private final int line;
        private final String[] fields;

        Row(int line, String[] fields) {
            this.line = line;
            this.fields = fields;
        }

        public int line() { return line; }

        /** The field, or "" when empty. */
        public String get(String column) {
            Integer i = index.get(column);
            if (i == null) throw new DataFileException(name, 0, "no column '" + column + "' (columns: " + columns + ")");
            return fields[i];
        }

        /** The field, failing with file and line when it is empty. */
        public String required(String column) {
            String v = get(column);
            if (v.isEmpty()) throw error("empty required field '" + column + "'");
            return v;
        }

        /** The field, or null when empty. */
        public String optional(String column) {
            String v = get(column);
            return v.isEmpty() ? null : v;
        }

        /** A {@code |}-separated list field; empty field gives an empty list. */
        public List<String> list(String column) {
            String v = get(column);
            if (v.isEmpty()) return List.of();
            List<String> out = new ArrayList<>();
            for (String s : v.split("\\|")) {
                String t = s.strip();
                if (t.isEmpty()) throw error("empty item in list field '" + column + "'");
                out.add(t);
            }
            return out;
        }

        public DataFileException error(String message) {
            return new DataFileException(name, line, message);
        }
    }

    public String name() { return name; }

    public List<String> columns() { return columns; }

    public List<Row> rows() { return rows; }

    /** Fails naming the file unless every given column is present. */
    public TsvTable require(String... needed) {
        for (String c : needed)
            if (!index.containsKey(c))
                throw new DataFileException(name, 0, "missing column '" + c + "' (has " + columns + ")");
        return this;
    }

    /** Parses text; {@code name} is what errors call the file. */
    public static TsvTable parse(String name, String text) {
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        TsvTable table = null;
        // lines cut by hand (no regex): the place gazetteer parses some 27,000 rows at start-up
        int lineNo = 0;
        for (int pos = 0, n = text.length(); pos <= n; ) {
            int nl = text.indexOf('\n', pos);
            int stop = nl < 0 ? n : nl;
            String line = text.substring(pos, stop > pos && text.charAt(stop - 1) == '\r' ? stop - 1 : stop);
            int i = lineNo++;
            pos = nl < 0 ? n + 1 : nl + 1;
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] fields = line.split("\t", -1);
            if (header == null) {
                header = Arrays.asList(fields);
                for (String h : header)
                    if (h.isBlank()) throw new DataFileException(name, lineNo, "empty column name in header");
                table = new TsvTable(name, header, rows);
                continue;
            }
            if (fields.length != header.size())
                throw new DataFileException(name, lineNo, "expected " + header.size() + " tab-separated fields "
                        + header + " but found " + fields.length);
            for (int f = 0; f < fields.length; f++) fields[f] = fields[f].strip();
            rows.add(table.new Row(lineNo, fields));
        }
        if (table == null) throw new DataFileException(name, 0, "no header line");
        return table;
    }

    /** Loads a classpath resource; a missing resource is an error naming it. */
    public static TsvTable resource(String path) {
        return parse(path, readResource(path));
    }

    /** Loads a file from disk (user data under {@code --kb DIR}). */
    public static TsvTable file(Path path) {
        try {
            return parse(path.toString(), decodeStrict(path.toString(), Files.readAllBytes(path)));
        } catch (IOException e) {
            throw new DataFileException(path.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    /** A classpath resource's text, or null if absent. */
    public static String readResourceOrNull(String path) {
        try (InputStream in = TsvTable.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) return null;
            return decodeStrict(path, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String readResource(String path) {
        String s = readResourceOrNull(path);
        if (s == null) throw new DataFileException(path, 0, "data file not found on the classpath");
        return s;
    }

    static String decodeStrict(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DataFileException(name, 0, "not valid UTF-8");
        }
    }

    /** Reads a one-item-per-line word list (comments and blanks ignored). */
    public static List<String> wordList(String name, String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            out.add(t);
        }
        return out;
    }

}
