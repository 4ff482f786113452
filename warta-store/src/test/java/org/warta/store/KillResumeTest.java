package org.warta.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: a child JVM ingesting is killed (SIGKILL) mid-run, twice, then the same command runs to
 * the end; the database and the full-text index must equal those of one clean run. Subclasses name the
 * engine.
 */
abstract class KillResumeTest {
    static final int KILLS = 2;

    @TempDir
    Path dir;

    abstract String url(String name) throws Exception;

    static List<String> inputs() {
        List<String> paths = new ArrayList<>(List.of(StoreFixtures.fixture("batch1.jsonl").toString(),
                StoreFixtures.root().resolve("examples").toString()));
        Path shared = Path.of(System.getProperty("warta.shared", "../../shared"));
        for (String d : List.of("bench/events-id/texts", "bench/linking/texts")) {
            if (Files.isDirectory(shared.resolve(d))) paths.add(shared.resolve(d).toString());
        }
        return paths;
    }

    @Test
    void killedMidIngestAndRerunGivesTheSameDatabaseAndIndexAsOneCleanRun() throws Exception {
        List<String> paths = inputs();
        // one clean run
        Path cleanDir = dir.resolve("clean");
        String cleanUrl = url("clean");
        Process clean = IngestChild.start(cleanDir, cleanUrl, 3, paths);
        assertThat(clean.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(clean.exitValue()).isZero();

        // killed twice after some batches, then run to the end
        Path killedDir = dir.resolve("killed");
        String killedUrl = url("killed");
        int killedAfter = 0;
        for (int k = 0; k < KILLS; k++) {
            Process p = IngestChild.start(killedDir, killedUrl, 3, paths);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                int commits = 0;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("committed")) commits++;
                    if (commits == 2 || line.startsWith("done")) break;
                }
                killedAfter += commits;
                p.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
            }
            p.waitFor(1, TimeUnit.MINUTES);
        }
        assertThat(killedAfter).as("the child committed batches before it was killed").isPositive();
        Process last = IngestChild.start(killedDir, killedUrl, 3, paths);
        String out = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(last.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(last.exitValue()).as(out).isZero();
        assertThat(out).contains("duplicate");

        try (Store a = Store.open(new StoreConfig(cleanDir, cleanUrl, "compare"))) {
            List<String> dumpA = StoreFixtures.dump(a);
            List<String> searchA = searches(a);
            int sizeA = a.index().size();
            try (Store b = Store.open(new StoreConfig(killedDir, killedUrl, "compare"))) {
                assertThat(StoreFixtures.dump(b)).isEqualTo(dumpA);
                assertThat(b.index().size()).isEqualTo(sizeA).isEqualTo((int) StoreFixtures.count(b, "SELECT count(*) FROM articles"));
                assertThat(searches(b)).isEqualTo(searchA);
            }
        }
    }

    private static List<String> searches(Store s) {
        List<String> out = new ArrayList<>();
        for (String q : List.of("pasukan Korut", "convoy", "menteri", "Jakarta", "presiden")) {
            out.add(q + " -> " + s.index().search(q, 50).stream().map(ArticleIndex.Hit::articleId).sorted().toList());
        }
        return out;
    }
}
