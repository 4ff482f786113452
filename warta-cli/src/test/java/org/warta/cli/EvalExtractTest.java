package org.warta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warta.io.Json;
import org.warta.read.Inputs;

/** {@code eval extract} and its floors on a two-page data set made here, in the benchmark's layout. */
class EvalExtractTest {
    @TempDir
    Path root;

    Path data;

    record Run(int code, String out, String err) {}

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Env env = new Env(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), FakePipeline.factory(), Inputs::read, false);
        return new Run(Main.run(args, env), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void page(String id, String html) throws Exception {
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(data.resolve("html").resolve(id + ".html.gz")))) {
            o.write(html.getBytes(StandardCharsets.UTF_8));
        }
    }

    @BeforeEach
    void dataSet() throws Exception {
        data = Files.createDirectories(root.resolve("bench/article-extraction"));
        Files.createDirectories(data.resolve("html"));
        page("a", "<html><head><title>Kapal Tiba</title><meta property=\"article:published_time\" content=\"2024-10-30T09:00:00+07:00\"></head>"
                + "<body><nav><a href=\"/\">Beranda</a></nav><article><h1>Kapal Tiba</h1>"
                + "<p>Kapal pengangkut beras tiba di pelabuhan pada Rabu pagi setelah tertunda cuaca buruk.</p>"
                + "<p>Muatan akan dibagikan ke gudang di tiga kabupaten mulai pekan depan, kata petugas.</p></article></body></html>");
        page("b", "<html><head><title>Kosong</title></head><body><script>1</script></body></html>");
        Files.writeString(data.resolve("ground-truth.json"), """
                {"a": {"articleBody": "Kapal pengangkut beras tiba di pelabuhan pada Rabu pagi setelah tertunda cuaca buruk.\\nMuatan akan dibagikan ke gudang di tiga kabupaten mulai pekan depan, kata petugas.", "url": "https://kabar.example/kapal"},
                 "b": {"articleBody": "Teks yang tidak ada di halaman sama sekali di mana pun juga.", "url": "https://kabar.example/kosong"}}
                """);
    }

    @Test
    void scoresPagesWritesPredictionsAndReportsDateSources() throws Exception {
        Path preds = root.resolve("out/pred.json");
        Run r = run("eval", "extract", "--data", data.toString(), "--json", "--predictions", preds.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = Json.MAPPER.readTree(r.out());
        // page a exact; page b has no output: it leaves the precision mean and scores recall 0
        assertThat(j.path("precision").asDouble()).isEqualTo(1.0);
        assertThat(j.path("recall").asDouble()).isEqualTo(0.5);
        assertThat(j.path("f1").asDouble()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(j.path("accuracy").asDouble()).isEqualTo(0.5);
        assertThat(j.path("coverage").asDouble()).isEqualTo(0.5);
        assertThat(j.path("pages_per_second").asDouble()).isPositive();
        assertThat(j.path("pages").asInt()).isEqualTo(2);
        assertThat(j.path("published").path("sources").path("opengraph").asInt()).isEqualTo(1);
        JsonNode p = Json.MAPPER.readTree(Files.readString(preds));
        assertThat(p.path("a").path("articleBody").asText()).startsWith("Kapal pengangkut beras");
        assertThat(p.path("b").path("articleBody").asText()).isEmpty();
    }

    @Test
    void checkFloorsRunsTheExtractionEval() throws Exception {
        Path evalDir = Files.createDirectories(root.resolve("project/eval"));
        Path floors = evalDir.resolve("floors.json");
        Files.writeString(floors, "{\"extract\": {\"data\": \"../bench/article-extraction\", \"floors\": {\"precision\": 0.9, \"coverage\": 0.5}}}");
        Run ok = run("eval", "check-floors", "--floors", floors.toString());
        assertThat(ok.code()).as(ok.out() + ok.err()).isEqualTo(0);
        assertThat(ok.out()).contains("extract precision = 1.0000");
        Files.writeString(floors, "{\"extract\": {\"data\": \"../bench/article-extraction\", \"floors\": {\"f1\": 0.9}}}");
        assertThat(run("eval", "check-floors", "--floors", floors.toString()).code()).isEqualTo(1);
    }

    /** The acceptance figures on the shared benchmark (read at run time, never copied). */
    @Test
    void theSharedBenchmarkMeetsTheAcceptanceFigures() throws Exception {
        Path shared = Path.of(System.getProperty("warta.shared", "../../shared"), "bench/article-extraction");
        boolean present = Files.isRegularFile(shared.resolve("ground-truth.json"));
        if (!present && Boolean.getBoolean("warta.ci"))
            throw new AssertionError("CI: " + shared.toAbsolutePath() + " is missing (warta.ci=true turns this skip into a failure)");
        org.junit.jupiter.api.Assumptions.assumeTrue(present, "skipped: " + shared.toAbsolutePath() + " is absent");
        JsonNode j = org.warta.cli.eval.ExtractCommand.evaluate(shared, java.util.List.of(), null);
        assertThat(j.path("pages").asInt()).isEqualTo(181);
        assertThat(j.path("f1").asDouble()).isGreaterThanOrEqualTo(0.96);
        assertThat(j.path("precision").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(j.path("coverage").asDouble()).isGreaterThanOrEqualTo(0.99);
        assertThat(j.path("published").path("share").asDouble()).isGreaterThan(0.9);
    }

    @Test
    void missingDataIsAClearError() {
        Run r = run("eval", "extract", "--data", root.resolve("nowhere").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("article-extraction data not found");
    }
}
