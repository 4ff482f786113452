package org.warta.store;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/** Finds the test PostgreSQL server and makes a fresh schema on it for each test. */
final class PostgresSupport {
    private PostgresSupport() {}

    /** The server URL, or a skip (a failure under -Dwarta.ci=true) saying what is missing. */
    static String url() {
        String url = System.getProperty("warta.pg.url", System.getenv("WARTA_PG_URL"));
        boolean ci = Boolean.getBoolean("warta.ci");
        String problem = null;
        if (url == null || url.isBlank()) {
            problem = "no PostgreSQL for the store tests: set -Dwarta.pg.url=jdbc:postgresql://localhost/DB?user=U&password=P "
                    + "(.ci/run installs and starts one)";
        } else {
            try (Connection c = DriverManager.getConnection(url)) {
                c.isValid(5);
            } catch (Exception e) {
                problem = "PostgreSQL at " + url.replaceAll("password=[^&]*", "password=…") + " is not reachable: " + e.getMessage();
            }
        }
        if (problem != null) {
            if (ci) fail(problem + " (required under -Dwarta.ci=true)");
            Assumptions.abort(problem);
        }
        return url;
    }

    /** A URL of the same server whose current schema is a new, empty one. */
    static String freshSchema(String url) throws Exception {
        String schema = "wt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
