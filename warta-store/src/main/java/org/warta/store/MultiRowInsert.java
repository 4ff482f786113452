package org.warta.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows for one table written as multi-row {@code INSERT … VALUES (…), (…)} statements. DuckDB runs a JDBC
 * batch one statement per row, and each statement has a fixed cost far above the cost of a row, so a batch of
 * small rows (an article's LSH bands, its events' mentions and actors, a story's links) is written here in a
 * few statements instead. Values are bound as parameters (never spliced into the SQL), typed by the column
 * method that added them, and rows go out in chunks that keep each statement under
 * {@value #MAX_PARAMETERS} parameters.
 */
final class MultiRowInsert {
    static final int MAX_PARAMETERS = 4000;

    private final Connection conn;
    private final String head;
    private final int columns;
    private final List<Object[]> rows = new ArrayList<>();
    private Object[] row;
    private int at;

    /** @param table the table; @param columns its columns, in the order each row gives them */
    MultiRowInsert(Connection conn, String table, String... columns) {
        this.conn = conn;
        this.head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        this.columns = columns.length;
    }

    /** Starts a row; its values follow in column order. */
    MultiRowInsert row() {
        finishRow();
        row = new Object[columns];
        at = 0;
        return this;
    }

    MultiRowInsert str(String v) { return put(v == null ? new Null(Types.VARCHAR) : v); }

    MultiRowInsert integer(Integer v) { return put(v == null ? new Null(Types.INTEGER) : v); }

    MultiRowInsert dbl(Double v) { return put(v == null ? new Null(Types.DOUBLE) : v); }

    MultiRowInsert bool(boolean v) { return put(v); }

    MultiRowInsert date(LocalDate v) { return put(v == null ? new Null(Types.DATE) : v); }

    MultiRowInsert timestamp(Timestamp v) { return put(v == null ? new Null(Types.TIMESTAMP) : v); }

    /** Rows added and not yet written. */
    int pending() {
        return rows.size() + (row != null ? 1 : 0);
    }

    /** Writes the rows added so far; returns how many. */
    int flush() throws SQLException {
        finishRow();
        int written = 0;
        int perStatement = Math.max(1, MAX_PARAMETERS / columns);
        String tuple = "(" + "?, ".repeat(columns - 1) + "?)";
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
            StringBuilder sql = new StringBuilder(head.length() + chunk.size() * (columns * 2 + 3)).append(head);
            for (int r = 0; r < chunk.size(); r++) sql.append(r == 0 ? "" : ", ").append(tuple);
            try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
                int i = 1;
                for (Object[] values : chunk) for (Object v : values) bind(ps, i++, v);
                ps.executeUpdate();
            }
            written += chunk.size();
        }
        rows.clear();
        return written;
    }

    private MultiRowInsert put(Object v) {
        if (row == null) throw new IllegalStateException("row() first");
        if (at >= columns) throw new IllegalStateException("a row of " + head + "has " + columns + " columns, not more");
        row[at++] = v;
        return this;
    }

    private void finishRow() {
        if (row == null) return;
        if (at != columns) throw new IllegalStateException("a row of " + head + "has " + columns + " columns, not " + at);
        rows.add(row);
        row = null;
    }

    private static void bind(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v instanceof Null n) ps.setNull(i, n.type());
        else if (v instanceof String s) ps.setString(i, s);
        else if (v instanceof Integer n) ps.setInt(i, n);
        else if (v instanceof Double d) ps.setDouble(i, d);
        else if (v instanceof Boolean b) ps.setBoolean(i, b);
        else if (v instanceof LocalDate d) ps.setObject(i, d);
        else if (v instanceof Timestamp t) ps.setTimestamp(i, t);
        else throw new IllegalStateException("no binding for " + v.getClass().getName());
    }

    private record Null(int type) {}
}
