package org.warta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warta.io.Json;

import org.warta.read.Inputs;

/** The store commands end to end, in-process, on an embedded store in a temporary folder. */
class StoreCommandsTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Env env = new Env(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), Env::defaultPipeline, Inputs::read, false);
        int code = Main.run(args, env);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void ingestQueryExportAndReIngest() throws Exception {
        Path root = Path.of(System.getProperty("warta.root", ".."));
        String data = dir.resolve("data").toString();
        String examples = root.resolve("examples").toString();
        Run first = run("ingest", "--data-dir", data, "--as-of", "2026-11-27", examples);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).contains("1 read, 1 new, 0 updated, 0 duplicate");
        Run again = run("ingest", "--data-dir", data, "--as-of", "2026-11-27", examples);
        assertThat(again.err()).contains("1 read, 0 new, 0 updated, 1 duplicate");

        Run events = run("events", "--data-dir", data, "--actor", "PRK", "--type", "MOBILIZE", "--from", "2024-10-01",
                "--to", "2024-11-30", "--format", "jsonl");
        assertThat(events.code()).as(events.err()).isZero();
        assertThat(events.lines()).isNotEmpty();
        for (String l : events.lines()) {
            JsonNode e = Json.MAPPER.readTree(l);
            assertThat(e.get("event").asText()).isEqualTo("MOBILIZE");
            assertThat(MainTest.Schemas.event().validate(e)).isEmpty();
        }
        Run csv = run("events", "--data-dir", data, "--format", "csv", "--modality", "all");
        assertThat(csv.lines().get(0)).startsWith("id,day,event");
        Run table = run("stories", "--data-dir", data);
        assertThat(table.out()).contains("story_id").contains("REQUEST");
        Run search = run("search", "--data-dir", data, "pasukan Korut");
        assertThat(search.out()).contains("MedanPunya");

        Path out = dir.resolve("out.jsonl");
        Run export = run("export", "--data-dir", data, "--format", "jsonl", out.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(Files.readAllLines(out)).isNotEmpty().allSatisfy(l -> assertThat(Json.MAPPER.readTree(l).get("modality").asText()).isEqualTo("asserted"));

        Run recode = run("recode", "--data-dir", data);
        assertThat(recode.code()).as(recode.err()).isZero();
        assertThat(recode.err()).contains("1 re-coded");

        Run none = run("events", "--data-dir", dir.resolve("nothing").toString());
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("no store in").contains("warta ingest");
        assertThat(dir.resolve("nothing")).doesNotExist();

        Run bad = run("events", "--data-dir", data, "--modality", "maybe");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown modality 'maybe'");
    }
}
