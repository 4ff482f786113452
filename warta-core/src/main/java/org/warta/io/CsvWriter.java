package org.warta.io;

import java.io.PrintStream;
import java.util.List;

/** RFC 4180 CSV: a header line, then one line per row; fields quoted when they need it; CRLF-free (LF). */
public final class CsvWriter {
    private final PrintStream out;
    private boolean headerDone;
    private final List<String> header;

    public CsvWriter(PrintStream out, List<String> header) {
        this.out = out;
        this.header = List.copyOf(header);
    }

    public void row(List<String> fields) {
        if (!headerDone) {
            out.print(line(header));
            out.print('\n');
            headerDone = true;
        }
        out.print(line(fields));
        out.print('\n');
    }

    /** Writes the header even when no row came. */
    public void finish() {
        if (!headerDone) {
            out.print(line(header));
            out.print('\n');
            headerDone = true;
        }
        out.flush();
    }

    public static String line(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) b.append(',');
            b.append(quote(fields.get(i)));
        }
        return b.toString();
    }

    public static String quote(String f) {
        if (f == null) return "";
        boolean needs = f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0
                || (!f.isEmpty() && (Character.isWhitespace(f.charAt(0)) || Character.isWhitespace(f.charAt(f.length() - 1))));
        return needs ? '"' + f.replace("\"", "\"\"") + '"' : f;
    }
}
