package org.warta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warta.cli.eval.EventsData;
import org.warta.io.Json;
import org.warta.read.Inputs;

/** {@code eval events} and {@code eval check-floors} on a small hand-made data set, with the fake pipeline. */
class EvalCommandsTest {
    @TempDir
    Path root;

    Path data;

    record Run(int code, String out, String err) {}

    /** Runs the CLI with the fake pipeline (also used by {@link LinkingCommandTest}). */
    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Env env = new Env(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), FakePipeline.factory(), Inputs::read, false);
        return new Run(Main.run(args, env), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Two docs: the fake pipeline finds a REQUEST by USA in each title; the gold has 1 + 2 mentions. */
    @BeforeEach
    void dataSet() throws Exception {
        data = Files.createDirectories(root.resolve("bench/events-id"));
        Files.createDirectories(data.resolve("texts"));
        Files.createDirectories(root.resolve("seed"));
        String a = "Negara A minta Negara B mundur\n\nNegara B menolak.\n";
        String s = "Judul benih\n\nIsi benih.\n";
        Files.writeString(data.resolve("texts/a.txt"), a);
        Files.writeString(root.resolve("seed/s.txt"), s);
        Files.writeString(data.resolve("docs.json"), """
                {"docs": [{"doc": "a", "text_file": "texts/a.txt", "article_date": "2025-10-22",
                           "excluded_spans": []}],
                 "seed_docs": [{"doc": "s", "text_file": "../../seed/s.txt", "article_date": "2024-10-30",
                                "excluded_spans": [{"start": 0, "end": 11}]}]}
                """);
        Files.writeString(data.resolve("gold.jsonl"),
                "{\"doc\": \"a\", \"sentence_index\": 0, \"sentence_start\": 0, \"sentence_end\": 30, \"events\": ["
                        + "{\"event\": \"REQUEST\", \"actor\": [{\"country\": \"USA\"}], \"recipient\": [{\"country\": \"PRK\"}],"
                        + " \"modality\": \"asserted\", \"attributed_to\": null, \"date\": \"2025-10\", \"location\": null}]}\n"
                        + "{\"doc\": \"a\", \"sentence_index\": 1, \"sentence_start\": 32, \"sentence_end\": 48, \"events\": ["
                        + "{\"event\": \"REJECT\", \"actor\": [{\"country\": \"PRK\"}], \"recipient\": [],"
                        + " \"modality\": \"asserted\", \"attributed_to\": null, \"date\": null, \"location\": null}]}\n");
        Files.writeString(data.resolve("seed-gold.jsonl"),
                "{\"doc\": \"s\", \"sentence_index\": 0, \"sentence_start\": 13, \"sentence_end\": 23, \"events\": []}\n");
    }

    @Test
    void evalEventsScoresDevAndSeedAndWritesPredictions() throws Exception {
        Path preds = root.resolve("out/preds.jsonl");
        Run r = run("eval", "events", "--data", data.toString(), "--json", "--predictions", preds.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = Json.MAPPER.readTree(r.out());
        // dev: 1 predicted, 1 matched, 2 gold; the prediction's date 2024-10-30 is not 2025-10
        assertThat(j.path("precision").asDouble()).isEqualTo(1.0);
        assertThat(j.path("recall").asDouble()).isEqualTo(0.5);
        assertThat(j.path("event_f1").asDouble()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(j.path("date_accuracy").asDouble()).isEqualTo(0.0);
        assertThat(j.path("recipient_f1").asDouble()).isEqualTo(1.0);
        // seed: the only prediction lies in the excluded span (the title here): a false positive
        assertThat(j.path("seed").path("counts").path("excluded_span_fp").asInt()).isEqualTo(1);
        assertThat(j.path("seed").path("precision").asDouble()).isEqualTo(0.0);
        List<String> lines = Files.readAllLines(preds);
        assertThat(lines).hasSize(2);
        JsonNode first = Json.MAPPER.readTree(lines.get(0));
        assertThat(first.path("doc").asText()).isEqualTo("a");
        assertThat(first.path("event").asText()).isEqualTo("REQUEST");
        assertThat(Json.MAPPER.readTree(lines.get(1)).path("doc").asText()).isEqualTo("s");

        Run table = run("eval", "events", "--data", data.toString());
        assertThat(table.code()).isEqualTo(0);
        assertThat(table.out()).contains("event_f1").contains("REQUEST");
    }

    @Test
    void missingDataIsAClearError() {
        Run r = run("eval", "events", "--data", root.resolve("nowhere").toString(), "--json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(root.resolve("nowhere").toString());
    }

    @Test
    void checkFloorsPassesAtOrAboveAndFailsBelowOrWithoutData() throws Exception {
        Path evalDir = Files.createDirectories(root.resolve("project/eval"));
        Path floors = evalDir.resolve("floors.json");
        Files.writeString(floors, "{\"events\": {\"data\": \"../bench/events-id\", \"as_of\": null, \"floors\": "
                + "{\"event_f1\": 0.6, \"recall\": 0.5, \"seed.event_f1\": 0.0}}}");
        Run ok = run("eval", "check-floors", "--floors", floors.toString());
        assertThat(ok.code()).as(ok.out() + ok.err()).isEqualTo(0);
        assertThat(ok.out()).contains("events event_f1 = 0.6667 (floor 0.6000)").contains("seed.event_f1");

        Files.writeString(floors, "{\"events\": {\"data\": \"../bench/events-id\", \"floors\": {\"event_f1\": 0.7}}}");
        Run low = run("eval", "check-floors", "--floors", floors.toString());
        assertThat(low.code()).isEqualTo(1);
        assertThat(low.out()).contains("FAIL").contains("event_f1");

        Files.writeString(floors, "{\"events\": {\"data\": \"../bench/missing\", \"floors\": {\"event_f1\": 0.0}}}");
        Run missing = run("eval", "check-floors", "--floors", floors.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("missing");

        Files.writeString(floors, "{\"events\": {\"data\": \"../bench/events-id\", \"floors\": {\"no_such_score\": 0.0}}}");
        assertThat(run("eval", "check-floors", "--floors", floors.toString()).code()).isEqualTo(1);
    }

    /** The shared development data loads, and every gold sentence matches its text (sha1). */
    @Test
    void theSharedDevelopmentDataLoads() throws Exception {
        Path shared = Path.of(System.getProperty("warta.shared", "../../shared"), "bench/events-id");
        boolean present = Files.isDirectory(shared);
        if (!present && Boolean.getBoolean("warta.ci")) {
            throw new AssertionError("CI: " + shared.toAbsolutePath() + " is missing (warta.ci=true turns this skip into a failure)");
        }
        assumeTrue(present, "skipped: " + shared.toAbsolutePath() + " is absent (../shared not beside the clone)");
        StringBuilder warnings = new StringBuilder();
        EventsData d = EventsData.load(shared, w -> warnings.append(w).append('\n'));
        assertThat(d.docs).hasSize(10);
        assertThat(d.seed).hasSize(1);
        assertThat(warnings.toString()).isEmpty();
        assertThat(d.docs).allSatisfy(i -> assertThat(i.gold().sentences()).isNotEmpty());
    }
}
