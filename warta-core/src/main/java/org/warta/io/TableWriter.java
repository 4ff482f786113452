package org.warta.io;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain table for a terminal: the rows are buffered, then printed with columns padded to the widest
 * cell (in code points), each cell cut at a maximum width with an ellipsis, two spaces between columns.
 */
public final class TableWriter {
    private final List<String> header;
    private final int maxWidth;
    private final List<List<String>> rows = new ArrayList<>();

    public TableWriter(List<String> header, int maxWidth) {
        this.header = List.copyOf(header);
        this.maxWidth = Math.max(4, maxWidth);
    }

    public void row(List<String> fields) {
        List<String> r = new ArrayList<>(header.size());
        for (int i = 0; i < header.size(); i++) r.add(cell(i < fields.size() ? fields.get(i) : ""));
        rows.add(r);
    }

    public int size() {
        return rows.size();
    }

    public void print(PrintStream out) {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) w[i] = width(header.get(i));
        for (List<String> r : rows) for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], width(r.get(i)));
        out.print(format(header, w));
        out.print('\n');
        for (List<String> r : rows) {
            out.print(format(r, w));
            out.print('\n');
        }
        out.flush();
    }

    private String cell(String s) {
        if (s == null) return "";
        s = Rows.oneLine(s);
        if (width(s) <= maxWidth) return s;
        return s.substring(0, s.offsetByCodePoints(0, maxWidth - 1)) + "…";
    }

    private static String format(List<String> cells, int[] w) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            String c = cells.get(i);
            b.append(c);
            if (i < w.length - 1) b.append(" ".repeat(w[i] - width(c) + 2));
        }
        return b.toString().stripTrailing();
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
