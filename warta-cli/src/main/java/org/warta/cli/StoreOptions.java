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

    Store open(String command) {
        return Store.open(new StoreConfig(dataDir, db, command));
    }
}
