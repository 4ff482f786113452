package org.warta.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.warta.cli.Env;
import org.warta.io.Json;
import org.warta.read.Inputs;

/** {@code eval linking} with the real pipeline on ../shared/bench/linking meets the floors of eval/floors.json. */
class LinkingBenchmarkTest {
    @Test
    void pairPrecisionAndRecallMeetTheFloors() throws Exception {
        Path shared = Path.of(System.getProperty("warta.shared", "../../shared"), "bench/linking");
        boolean present = Files.isRegularFile(shared.resolve("gold.json"));
        if (!present && Boolean.getBoolean("warta.ci")) {
            throw new AssertionError("CI: " + shared.toAbsolutePath() + " is missing (warta.ci=true turns this skip into a failure)");
        }
        assumeTrue(present, "skipped: " + shared.toAbsolutePath() + " is absent (../shared not beside the clone)");
        Path floorsFile = Path.of(System.getProperty("warta.root", ".."), "eval/floors.json");
        JsonNode floors = Json.MAPPER.readTree(Files.readString(floorsFile)).path("linking").path("floors");
        assertThat(floors.path("pair_precision").asDouble()).isGreaterThanOrEqualTo(0.8);
        assertThat(floors.path("pair_recall").asDouble()).isGreaterThanOrEqualTo(0.8);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Env env = new Env(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                Env::defaultPipeline, Inputs::read, false);
        LinkingEval.Outcome o = LinkingCommand.evaluate(env, shared);
        JsonNode r = o.result();
        assertThat(r.path("failed_articles").size()).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(r.path("pair_precision").asDouble()).isGreaterThanOrEqualTo(floors.path("pair_precision").asDouble());
        assertThat(r.path("pair_recall").asDouble()).isGreaterThanOrEqualTo(floors.path("pair_recall").asDouble());
        assertThat(r.path("pair_f1").asDouble()).isGreaterThanOrEqualTo(floors.path("pair_f1").asDouble());
        // every article has a prediction entry, a 16-hex story id or null
        assertThat(o.predictions()).hasSize(r.path("counts").path("articles").asInt());
        assertThat(o.predictions().values()).allSatisfy(id -> assertThat(id == null || id.matches("[0-9a-f]{16}")).isTrue());
        assertThat(o.predictions().values().stream().filter(id -> id != null).count())
                .isEqualTo(r.path("counts").path("articles_in_stories").asLong()).isPositive();
    }
}
