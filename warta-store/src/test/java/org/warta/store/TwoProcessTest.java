package org.warta.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes at once: a child JVM ingests while this one queries. PostgreSQL serves both; the embedded
 * DuckDB store has one owner, and the second process is told which (PID and command).
 */
class TwoProcessTest {
    @TempDir
    Path dir;

    @Test
    void onPostgresQueriesRunWhileAnotherProcessIngests() throws Exception {
        String url = PostgresSupport.freshSchema(PostgresSupport.url());
        Process child = IngestChild.start(dir.resolve("child"), url, 2, KillResumeTest.inputs());
        List<Long> seen = new ArrayList<>();
        int queries = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(r.readLine()).isEqualTo("start");
            assertThat(r.readLine()).isEqualTo("opened");
            try (Store store = Store.open(new StoreConfig(dir.resolve("parent"), url, "query while ingesting"))) {
                while (child.isAlive()) {
                    seen.add(StoreFixtures.count(store, "SELECT count(*) FROM articles"));
                    List<Queries.Row> rows = new ArrayList<>();
                    try (Connection c = store.read()) {
                        Queries.events(c, EventFilter.everything(), rows::add);
                    }
                    queries++;
                    Thread.sleep(100);
                }
                assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
                assertThat(child.exitValue()).isZero();
                long fin = StoreFixtures.count(store, "SELECT count(*) FROM articles");
                seen.add(fin);
                assertThat(queries).isGreaterThan(3);
                // each reader sees whole batches only, and the store grows monotonically
                for (int i = 1; i < seen.size(); i++) assertThat(seen.get(i)).isGreaterThanOrEqualTo(seen.get(i - 1));
                assertThat(seen).anySatisfy(n -> assertThat(n).isGreaterThan(0).isLessThan(fin));
                assertThat(StoreFixtures.count(store, "SELECT count(*) FROM events e WHERE mentions <> "
                        + "(SELECT count(*) FROM mentions m WHERE m.event_id = e.id)")).isZero();
            }
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void onDuckDbASecondProcessIsToldWhichProcessHoldsTheStore() throws Exception {
        Path data = dir.resolve("duck");
        Process child = IngestChild.start(data, null, 2, KillResumeTest.inputs());
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(r.readLine()).isEqualTo("start");
            assertThat(r.readLine()).isEqualTo("opened");
            assertThatThrownBy(() -> Store.open(StoreConfig.embedded(data, "warta events")))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("pid " + child.pid())
                    .hasMessageContaining("IngestChild");
        } finally {
            child.destroyForcibly();
            child.waitFor(1, TimeUnit.MINUTES);
        }
        // once the holder is gone (even killed), the store opens
        try (Store s = Store.open(StoreConfig.embedded(data, "after"))) {
            assertThat(s.schemaVersion()).isEqualTo(JdbcStore.MIGRATIONS.size());
        }
    }
}
