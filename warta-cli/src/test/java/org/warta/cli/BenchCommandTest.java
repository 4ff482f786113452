package org.warta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warta.io.Json;
import org.warta.read.Inputs;

/** {@code warta bench --json} on a tiny corpus built from a small hand-written bench folder: shape and sanity. */
class BenchCommandTest {
    @TempDir
    Path root;

    /** A bench folder with two made-up Indonesian texts and one TimeML document in a zip. */
    Path benchFolder() throws Exception {
        Path bench = Files.createDirectories(root.resolve("bench"));
        Path texts = Files.createDirectories(bench.resolve("events-id/texts"));
        Files.writeString(texts.resolve("a.txt"), """
                Menteri Luar Negeri Jepang Mengunjungi Jakarta

                Jakarta - Menteri Luar Negeri Jepang tiba di Jakarta pada Senin (12/5) untuk membahas kerja sama perdagangan. Ia bertemu Presiden Indonesia di Istana Merdeka.

                "Kami ingin memperluas kerja sama," kata menteri itu kepada wartawan. Kedua negara menandatangani 3 nota kesepahaman.
                """);
        Files.writeString(texts.resolve("b.txt"), """
                Polisi Menangkap 12 Tersangka Penyelundupan

                Surabaya - Polisi menangkap 12 tersangka penyelundupan narkoba pada Selasa (4/3). Kepala polisi daerah mengatakan para tersangka akan diadili bulan depan.

                Pemerintah Malaysia menyatakan siap membantu penyelidikan.
                """);
        Path tml = Files.createDirectories(bench.resolve("indotimex"));
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(tml.resolve("kompas_development.zip")))) {
            z.putNextEntry(new ZipEntry("doc-1.tml"));
            z.write("""
                    <?xml version="1.0" ?>
                    <TimeML><TITLE>Banjir Melanda Kota Medan</TITLE>
                    <TEXT>
                    MEDAN, KOMPAS.com - Banjir melanda Medan pada <TIMEX3 tid="t1" type="DATE" value="2013-12-04">Rabu (4/12/2013)</TIMEX3>. Warga &amp; relawan mengungsi.
                    </TEXT></TimeML>
                    """.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return bench;
    }

    @Test
    void benchJsonHasEveryFigureAndSaneValues() throws Exception {
        Path bench = benchFolder();
        Path corpus = root.resolve("corpus");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Env env = new Env(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), Env::defaultPipeline, Inputs::read, false);
        int code = Main.run(new String[] {"bench", "--json", "--size-mb", "0.05", "--data", bench.toString(),
                "--corpus", corpus.toString()}, env);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode r = Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));

        JsonNode c = r.get("corpus");
        int articles = c.get("articles").asInt();
        assertThat(c.get("source_texts").asInt()).isEqualTo(3);
        assertThat(c.get("bytes").asLong()).isGreaterThanOrEqualTo(50_000);
        assertThat(articles).isGreaterThan(3);

        assertThat(r.get("articles_per_second_per_core").asDouble()).isPositive();
        assertThat(r.get("floor_ratio").asDouble()).isPositive();
        for (String pass : new String[] {"floor", "full", "full_2_threads"}) {
            JsonNode p = r.get(pass);
            assertThat(p.get("articles").asInt()).as(pass).isEqualTo(articles);
            assertThat(p.get("failed").asInt()).as(pass).isZero();
            assertThat(p.get("seconds").asDouble()).as(pass).isPositive();
            assertThat(p.get("articles_per_second").asDouble()).as(pass).isPositive();
            assertThat(p.get("mb_per_second").asDouble()).as(pass).isPositive();
        }
        assertThat(r.get("full").get("events").asLong()).as("events of the full pipeline").isPositive();
        assertThat(r.get("full_2_threads").get("threads").asInt()).isEqualTo(2);
        assertThat(r.get("articles_per_second_per_core").asDouble()).isEqualTo(r.get("full").get("articles_per_second").asDouble());

        JsonNode stages = r.get("stages");
        double share = 0;
        for (String group : new String[] {"read", "extraction", "analysis", "coding", "output"}) {
            assertThat(stages.has(group)).as(group).isTrue();
            assertThat(stages.get(group).get("seconds").asDouble()).as(group).isGreaterThanOrEqualTo(0);
            share += stages.get(group).get("share").asDouble();
        }
        assertThat(share).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.02));
        assertThat(stages.get("detail").has("text.Segmenter")).isTrue();
        assertThat(stages.get("detail").get("event.EventCoder").get("group").asText()).isEqualTo("coding");
        assertThat(stages.get("detail").get("time.TimeTagger").get("group").asText()).isEqualTo("analysis");

        JsonNode m = r.get("memory");
        assertThat(m.get("heap_peak_mb").asDouble()).isPositive();
        assertThat(m.get("heap_max_mb").asDouble()).isGreaterThanOrEqualTo(m.get("heap_live_peak_mb").asDouble());
        if (Files.exists(Path.of("/proc/self/status"))) assertThat(m.get("rss_peak_mb").asDouble()).isPositive();

        // the corpus is smaller than --store-mb's default: all of it was ingested into a DuckDB store
        JsonNode store = r.get("store");
        assertThat(store.get("measured").asBoolean()).isTrue();
        assertThat(store.get("engine").asText()).isEqualTo("duckdb");
        assertThat(store.get("articles").asInt()).isEqualTo(articles);
        assertThat(store.get("failed").asInt()).isZero();
        assertThat(store.get("new").asInt() + store.get("near_duplicate").asInt() + store.get("duplicate").asInt()).isEqualTo(articles);
        assertThat(store.get("events").asLong()).isPositive().isLessThanOrEqualTo(r.get("full").get("events").asLong());
        assertThat(store.get("seconds").asDouble()).isPositive();
        assertThat(store.get("articles_per_second").asDouble()).isPositive();
        assertThat(store.get("mb_per_second").asDouble()).isPositive();
        assertThat(store.get("db_mb").asDouble()).isPositive();
        assertThat(store.get("ingest").get("seconds").asDouble()).isGreaterThanOrEqualTo(store.get("seconds").asDouble());
        assertThat(store.get("first_batches").get("articles").asInt()).isPositive();
    }

    @Test
    void theTableNamesEveryPass() throws Exception {
        Path bench = benchFolder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Env env = new Env(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), Env::defaultPipeline, Inputs::read, false);
        assertThat(Main.run(new String[] {"bench", "--size-mb", "0.02", "--store-mb", "0", "--data", bench.toString(),
                "--corpus", root.resolve("corpus").toString()}, env)).isZero();
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("floor (read+decode+tokenize)", "full pipeline, 1 thread", "full pipeline, 2 threads",
                "articles_per_second_per_core", "floor_ratio", "store: not measured (--store-mb 0)");
    }

    @Test
    void aMissingDataFolderIsAClearError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Env env = new Env(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), Env::defaultPipeline, Inputs::read, false);
        assertThat(Main.run(new String[] {"bench", "--data", root.resolve("nowhere").toString(),
                "--corpus", root.resolve("c").toString()}, env)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no benchmark texts found under").contains("nowhere");
    }
}
