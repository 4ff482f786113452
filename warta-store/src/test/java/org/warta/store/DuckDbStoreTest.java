package org.warta.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The store contract on the embedded DuckDB engine, plus its single-owner rule. */
class DuckDbStoreTest extends StoreContractTest {
    @Override
    StoreConfig freshConfig(Path dataDir) {
        return StoreConfig.embedded(dataDir, "warta test");
    }

    @Test
    void aSecondOwnerIsRefusedWithTheHoldersPidAndCommand() {
        assertThatThrownBy(() -> Store.open(StoreConfig.embedded(dataDir, "another")))
                .isInstanceOf(StoreLockedException.class)
                .hasMessageContaining("pid " + ProcessHandle.current().pid())
                .hasMessageContaining("warta test")
                .hasMessageContaining("--db jdbc:postgresql");
        assertThat(dataDir.resolve("warta.duckdb")).exists();
    }
}
