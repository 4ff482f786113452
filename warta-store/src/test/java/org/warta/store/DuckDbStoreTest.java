package org.warta.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.warta.store.StoreFixtures.fixture;

import java.nio.file.Path;
import java.util.List;
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

    @Test
    void aStoreLeftWithItsWriteAheadLogByAKilledOwnerKeepsWholeIndexes() throws Exception {
        // the files a killed owner leaves: the database file and its log (copied while the store is open, before
        // any checkpoint), then opened (the log is replayed), closed, and written to again
        StoreFixtures.ingest(store, fixture("batch1.jsonl").toString());
        Path crashed = dataDir.resolve("crashed");
        java.nio.file.Files.createDirectories(crashed);
        for (String f : List.of("warta.duckdb", "warta.duckdb.wal")) {
            assertThat(dataDir.resolve(f)).as("the open store's " + f).exists();
            java.nio.file.Files.copy(dataDir.resolve(f), crashed.resolve(f));
        }
        try (Store s = Store.open(StoreConfig.embedded(crashed, "after the crash"))) {
            assertThat(StoreFixtures.count(s, "SELECT count(*) FROM articles")).isEqualTo(3);
        }
        assertThat(crashed.resolve("warta.duckdb.wal")).doesNotExist();
        try (Store s = Store.open(StoreConfig.embedded(crashed, "resumed"))) {
            // the copy shares LSH bands with its original: the band index must still find the original's rows
            IngestReport r = StoreFixtures.ingest(s, fixture("syndicated.jsonl").toString());
            assertThat(r.nearDuplicate).isEqualTo(1);
            String original = StoreFixtures.strings(s, "SELECT id FROM articles WHERE url LIKE '%korut-kerahkan-pasukan'").get(0);
            assertThat(StoreFixtures.count(s, "SELECT count(*) FROM article_bands WHERE band IN "
                    + "(SELECT band FROM article_bands WHERE article_id = '" + original + "')"))
                    .as("band rows found through the index").isEqualTo(StoreFixtures.count(s, "SELECT count(*) FROM article_bands WHERE band || '' IN "
                            + "(SELECT band FROM article_bands WHERE article_id = '" + original + "')"));
        }
    }
}
