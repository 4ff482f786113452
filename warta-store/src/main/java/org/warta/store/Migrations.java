package org.warta.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versioned schema migrations: {@code schema_version} records each applied file; on open, the files
 * after the highest applied version run in order, each in its own transaction. One dialect-aware set of
 * files serves both engines ({@link Dialect#sql}). A database newer than this build is refused.
 */
final class Migrations {
    private Migrations() {}

    static int apply(Connection conn, Dialect dialect, List<String> files) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
                    + "applied_at TIMESTAMP NOT NULL)");
        }
        int current = 0;
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            if (rs.next()) current = rs.getInt(1);
        }
        if (current > files.size()) {
            throw new StoreException("the store's schema is version " + current + ", newer than this Warta ("
                    + files.size() + "): use a newer Warta");
        }
        for (int v = current + 1; v <= files.size(); v++) {
            String name = files.get(v - 1);
            conn.setAutoCommit(false);
            try {
                if (dialect == Dialect.POSTGRESQL) {
                    // two processes opening a fresh database at once: one migrates, the other waits and re-checks
                    try (Statement st = conn.createStatement()) {
                        st.execute("LOCK TABLE schema_version IN EXCLUSIVE MODE");
                    }
                    try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM schema_version WHERE version = ?")) {
                        ps.setInt(1, v);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                conn.commit();
                                continue;
                            }
                        }
                    }
                }
                for (String sql : statements(dialect, name)) {
                    try (Statement st = conn.createStatement()) {
                        st.execute(sql);
                    }
                }
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, v);
                    ps.setString(2, name);
                    ps.setTimestamp(3, Timestamp.from(Instant.now()));
                    ps.executeUpdate();
                }
                conn.commit();
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw new StoreException("schema migration " + name + " failed: " + e.getMessage(), e);
            } finally {
                conn.setAutoCommit(true);
            }
        }
        return files.size();
    }

    /** The SQL statements of a migration file (comment lines dropped), in order. */
    static List<String> statements(Dialect dialect, String file) {
        List<String> out = new ArrayList<>();
        for (String stmt : dialect.sql(JdbcStore.resource(file)).split("(?m)^;\\s*$")) {
            String sql = stmt.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
            if (!sql.isEmpty()) out.add(sql);
        }
        return out;
    }

    private static final Pattern CREATE_INDEX = Pattern.compile("(?is)^CREATE\\s+INDEX\\s+(\\w+)\\s+ON\\b.*");
    private static final Pattern DROP_INDEX = Pattern.compile("(?is)^DROP\\s+INDEX\\s+(?:IF\\s+EXISTS\\s+)?(\\w+).*");

    /** The secondary indexes the migrations leave: name to its CREATE INDEX statement. */
    static Map<String, String> indexes(Dialect dialect, List<String> files) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String file : files) {
            for (String sql : statements(dialect, file)) {
                Matcher c = CREATE_INDEX.matcher(sql), d = DROP_INDEX.matcher(sql);
                if (c.matches()) out.put(c.group(1), sql);
                else if (d.matches()) out.remove(d.group(1));
            }
        }
        return out;
    }

}
