package org.warta.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark corpus: reproducible, every copy different, the title kept first, sizes as asked. */
class BenchCorpusTest {
    @TempDir
    Path root;

    static final String TEXT = "Judul Berita Tentang Bandung\n\nBandung - Wali kota Bandung bertemu 25 warga. "
            + "Mereka membahas jalan baru. Rapat berlangsung 3 jam.\n\nWarga Sumedang juga hadir.";

    @Test
    void aCopyKeepsTheTitleAndTheSentencesButVariesNamesDigitsAndOrder() {
        List<String> pool = BenchCorpus.namePool(List.of(TEXT, "Cirebon Garut Tasikmalaya"));
        assertThat(pool).contains("Bandung", "Cirebon", "Garut").doesNotContain("bertemu");
        Set<String> copies = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String copy = BenchCorpus.perturb(TEXT, pool, new Random(i));
            assertThat(copy.split("\n", -1)).hasSize(TEXT.split("\n", -1).length);
            String title = copy.substring(0, copy.indexOf('\n'));
            assertThat(title.split(" ")).as("the title stays the first line").hasSize(4);
            assertThat(copy).contains("membahas jalan baru.", "juga hadir.");
            assertThat(copy.replaceAll("\\D", "")).hasSameSizeAs(TEXT.replaceAll("\\D", ""));
            copies.add(copy);
            assertThat(BenchCorpus.perturb(TEXT, pool, new Random(i))).as("same seed, same copy").isEqualTo(copy);
        }
        assertThat(copies).hasSizeGreaterThan(15);
    }

    @Test
    void theCorpusReachesTheSizeAndIsReused() throws Exception {
        Path bench = Files.createDirectories(root.resolve("bench/events-id/texts"));
        Files.writeString(bench.resolve("a.txt"), TEXT);
        BenchCorpus.Corpus c = BenchCorpus.build(root.resolve("bench"), root.resolve("corpus"), 20_000);
        assertThat(c.bytes()).isGreaterThanOrEqualTo(20_000);
        assertThat(c.files()).hasSizeGreaterThan(50);
        assertThat(c.files().get(0).getFileName().toString()).isEqualTo("000000.txt");
        String first = Files.readString(c.files().get(0));
        BenchCorpus.Corpus again = BenchCorpus.build(root.resolve("bench"), root.resolve("corpus"), 20_000);
        assertThat(again.files()).isEqualTo(c.files());
        assertThat(Files.readString(again.files().get(0))).isEqualTo(first);
    }

    @Test
    void theSharedBenchTextsAreFound() throws Exception {
        Path bench = Path.of(System.getProperty("warta.shared", "../../shared"), "bench");
        boolean present = Files.isDirectory(bench.resolve("events-id/texts"));
        if (!present && Boolean.getBoolean("warta.ci")) throw new AssertionError("CI: " + bench.toAbsolutePath() + " is missing");
        assumeTrue(present, "skipped: " + bench.toAbsolutePath() + " is absent (../shared not beside the clone)");
        List<String> sources = BenchCorpus.sources(bench);
        // events-id texts, the seed and the IndoTimex development documents
        assertThat(sources.size()).isGreaterThan(50);
        assertThat(sources).allSatisfy(s -> assertThat(s).isNotBlank().doesNotContain("<TIMEX3"));
    }
}
