package org.warta.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

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
                for (String stmt : dialect.sql(JdbcStore.resource(name)).split("(?m)^;\\s*$")) {
                    String sql = stmt.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
                    if (sql.isEmpty()) continue;
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

}
