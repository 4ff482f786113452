package org.warta.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a store lives. The data directory always exists: it holds the DuckDB file ({@code warta.duckdb}),
 * the lock file of the embedded engine and the full-text index, which is derived data. With a JDBC URL
 * ({@code jdbc:postgresql://host/db}) the tables live in PostgreSQL instead; user and password come from
 * the URL or from the environment variables {@code WARTA_DB_USER} and {@code WARTA_DB_PASSWORD}
 * ({@code PGUSER}/{@code PGPASSWORD} also work).
 *
 * @param command the command line of this process, recorded in the lock file so that a second process can
 *     say who holds the embedded store
 */
public record StoreConfig(Path dataDir, String jdbcUrl, String command) {
    public static final Path DEFAULT_DATA_DIR = Path.of("warta-data");

    public StoreConfig {
        dataDir = dataDir == null ? DEFAULT_DATA_DIR : dataDir;
        command = command == null ? "warta" : command;
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db " + jdbcUrl + ": only jdbc:postgresql://… URLs are supported "
                    + "(leave --db out for the embedded DuckDB store)");
        }
    }

    public static StoreConfig embedded(Path dataDir, String command) {
        return new StoreConfig(dataDir, null, command);
    }

    public Dialect dialect() {
        return jdbcUrl == null ? Dialect.DUCKDB : Dialect.POSTGRESQL;
    }

    public Path duckdbFile() {
        return dataDir.resolve("warta.duckdb");
    }

    public Path indexDir() {
        // one index per database: PostgreSQL stores get their own folder named after the URL
        if (jdbcUrl == null) return dataDir.resolve("index");
        String key = jdbcUrl.replaceAll("(?i)([?&])(user|password)=[^&]*", "$1");
        return dataDir.resolve("index-pg-" + Integer.toHexString(Objects.hash(key)));
    }
}
