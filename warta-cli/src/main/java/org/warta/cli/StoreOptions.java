package org.warta.cli;

import java.nio.file.Path;
import org.warta.store.Store;
import org.warta.store.StoreConfig;
import picocli.CommandLine.Option;

/** Where the store is: {@code --data-dir DIR} (default ./warta-data) and optionally {@code --db jdbc:postgresql://…}. */
final class StoreOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", description = "Store folder: the DuckDB file, its lock and the search index (default: ./warta-data).")
    Path dataDir = StoreConfig.DEFAULT_DATA_DIR;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "Use PostgreSQL instead of the embedded DuckDB file: jdbc:postgresql://host/db "
            + "(user and password in the URL, or WARTA_DB_USER / WARTA_DB_PASSWORD).")
    String db;

    /** Opens the store to write to (created when missing). */
    Store open(String command) {
        return Store.open(new StoreConfig(dataDir, db, command));
    }

    /** Opens an existing store to query; an embedded store that does not exist yet is an error saying so. */
    Store openExisting(String command) {
        StoreConfig config = new StoreConfig(dataDir, db, command);
        if (db == null && !java.nio.file.Files.exists(config.duckdbFile())) {
            throw new org.warta.store.StoreException("no store in " + dataDir + " (" + config.duckdbFile() + " does not exist): "
                    + "run warta ingest first, or give --data-dir or --db");
        }
        return Store.open(config);
    }
}
