package org.warta.store;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on a real PostgreSQL server, named by {@code -Dwarta.pg.url=jdbc:postgresql://…}
 * (with user and password in the URL; {@code .ci/run} starts one). Each test gets its own schema. Without
 * the property or a reachable server the tests skip, but under {@code -Dwarta.ci=true} they fail.
 */
class PostgresStoreTest extends StoreContractTest {
    static String url;

    @BeforeAll
    static void server() {
        url = PostgresSupport.url();
    }

    @Override
    StoreConfig freshConfig(Path dataDir) throws Exception {
        return new StoreConfig(dataDir, PostgresSupport.freshSchema(url), "warta test");
    }
}
