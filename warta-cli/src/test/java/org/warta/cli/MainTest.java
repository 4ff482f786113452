package org.warta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warta.io.Json;
import org.warta.read.Inputs;

class MainTest {
    @TempDir
    Path dir;

    Path good, good2, broken, missing;

    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    @BeforeEach
    void files() throws Exception {
        good = Files.writeString(dir.resolve("good.txt"), "Negara A minta Negara B mundur\n\nIsi berita, dengan koma.\n");
        good2 = Files.writeString(dir.resolve("good2.txt"), "Judul kedua\n\nIsi kedua.\n");
        broken = Files.writeString(dir.resolve("broken.txt"), "[unextractable]\n");
        missing = dir.resolve("missing.txt");
    }

    Run run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), args);
    }

    Run run(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Env env = new Env(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                stdin, FakePipeline.factory(), Inputs::read, false);
        int code = Main.run(args, env);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBadInputIsReportedAndTheBatchGoesOn() throws Exception {
        Run r = run("code", "--as-of", "2026-11-27", missing.toString(), good.toString(), broken.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("warta: " + missing + ": ");
        assertThat(r.err()).contains("warta: " + broken + ": no article text found");
        assertThat(r.err().strip().lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("warta: 3 read, 1 coded, 2 failed, 1 events");
        assertThat(r.lines()).hasSize(1);
        JsonNode e = Json.MAPPER.readTree(r.lines().get(0));
        assertThat(e.get("event").asText()).isEqualTo("REQUEST");
        assertThat(Schemas.event().validate(e)).isEmpty();
    }

    @Test
    void allGoodExitsZeroAndEveryLineIsAValidEvent() throws Exception {
        Run r = run("code", "--as-of", "2026-11-27", dir.resolve("good.txt").toString(), good2.toString());
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.lines()).hasSize(2);
        for (String line : r.lines()) assertThat(Schemas.event().validate(Json.MAPPER.readTree(line))).isEmpty();
        assertThat(r.err()).contains("2 read, 2 coded, 0 failed, 2 events");
    }

    @Test
    void csvHasAHeaderAndOneParseableRowPerEvent() {
        Run r = run("code", "--format", "csv", "--as-of", "2026-11-27", good.toString(), good2.toString());
        assertThat(r.code()).isEqualTo(0);
        List<List<String>> rows = Csv.parse(r.out());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).contains("id", "event", "actor_codes", "recipient_codes", "trigger", "confidence");
        for (List<String> row : rows) assertThat(row).hasSize(rows.get(0).size());
        int ev = rows.get(0).indexOf("event");
        int summary = rows.get(0).indexOf("sentence_text");
        assertThat(rows.get(1).get(ev)).isEqualTo("REQUEST");
        assertThat(rows.get(1).get(summary)).isEqualTo("Negara A minta Negara B mundur");
        assertThat(rows.get(1).get(rows.get(0).indexOf("actor_codes"))).isEqualTo("USA");
    }

    @Test
    void tableIsAlignedWithAHeader() {
        Run r = run("code", "--format", "table", "--as-of", "2026-11-27", good.toString(), good2.toString());
        assertThat(r.code()).isEqualTo(0);
        List<String> lines = r.lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("date").contains("event").contains("actor_codes");
        int col = lines.get(0).indexOf("event");
        assertThat(lines.get(1).substring(col)).startsWith("REQUEST");
        assertThat(lines.get(2).substring(col)).startsWith("REQUEST");
    }

    @Test
    void jsonIsOneArray() throws Exception {
        Run r = run("code", "--format", "json", "--as-of", "2026-11-27", good.toString(), good2.toString());
        assertThat(r.code()).isEqualTo(0);
        JsonNode arr = Json.MAPPER.readTree(r.out());
        assertThat(arr.isArray()).isTrue();
        assertThat(arr).hasSize(2);
        for (JsonNode e : arr) assertThat(Schemas.event().validate(e)).isEmpty();
        Run none = run("code", "--format", "json", broken.toString());
        assertThat(Json.MAPPER.readTree(none.out()).isArray()).isTrue();
        assertThat(Json.MAPPER.readTree(none.out())).isEmpty();
    }

    @Test
    void articleRecordsValidateAgainstTheArticleSchema() throws Exception {
        Run r = run("article", "--as-of", "2026-11-27", good.toString(), good2.toString());
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.lines()).hasSize(2);
        JsonNode a = Json.MAPPER.readTree(r.lines().get(0));
        assertThat(a.get("title").asText()).isEqualTo("Negara A minta Negara B mundur");
        for (String line : r.lines()) assertThat(Schemas.article().validate(Json.MAPPER.readTree(line))).isEmpty();

        Run csv = run("article", "--format", "csv", good.toString());
        List<List<String>> rows = Csv.parse(csv.out());
        assertThat(rows.get(0)).containsExactly("id", "url", "outlet", "title", "published", "language");
        assertThat(rows.get(1).get(3)).isEqualTo("Negara A minta Negara B mundur");
    }

    @Test
    void annotatePrintsTheDocumentAndRefusesFlatFormats() throws Exception {
        Run r = run("annotate", "--as-of", "2026-11-27", good.toString());
        assertThat(r.code()).isEqualTo(0);
        JsonNode d = Json.MAPPER.readTree(r.lines().get(0));
        assertThat(d.get("sentences")).hasSize(2);
        assertThat(d.get("events")).hasSize(1);
        assertThat(Schemas.article().validate(d.get("article"))).isEmpty();
        Run bad = run("annotate", "--format", "csv", good.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--format");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("code").code()).isEqualTo(2);
        assertThat(run("code", "--as-of", "30/10/2024", good.toString()).code()).isEqualTo(2);
        assertThat(run("code", "--format", "xml", good.toString()).code()).isEqualTo(2);
        assertThat(run("frobnicate").code()).isEqualTo(2);
        assertThat(run().code()).isEqualTo(2);
        assertThat(run("code", "--kb", dir.resolve("nope").toString(), good.toString()).code()).isEqualTo(2);
    }

    @Test
    void standardInputAndForcedLanguage() throws Exception {
        Run r = run(new ByteArrayInputStream("Judul dari stdin\n\nIsi.\n".getBytes(StandardCharsets.UTF_8)),
                "article", "--lang", "en", "-");
        assertThat(r.code()).isEqualTo(0);
        JsonNode a = Json.MAPPER.readTree(r.lines().get(0));
        assertThat(a.get("title").asText()).isEqualTo("Judul dari stdin");
        assertThat(a.get("language").asText()).isEqualTo("en");
    }

    @Test
    void outputIsUtf8() throws Exception {
        Path f = Files.writeString(dir.resolve("utf.txt"), "Menlu “RI” — Pernyataan ñ\n\nIsi.\n");
        Run r = run("article", f.toString());
        assertThat(Json.MAPPER.readTree(r.lines().get(0)).get("title").asText()).isEqualTo("Menlu “RI” — Pernyataan ñ");
    }

    /** The schemas from the classpath (warta-core ships ../schema as resources). */
    static final class Schemas {
        static JsonSchema event() { return load("event"); }

        static JsonSchema article() { return load("article"); }

        static JsonSchema load(String name) {
            InputStream in = Schemas.class.getResourceAsStream("/schema/" + name + ".schema.json");
            assertThat(in).as("schema/" + name + ".schema.json on the classpath").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    /** A small RFC 4180 reader, to check that the CSV parses. */
    static final class Csv {
        static List<List<String>> parse(String s) {
            List<List<String>> rows = new java.util.ArrayList<>();
            List<String> row = new java.util.ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean q = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (q) {
                    if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') { f.append('"'); i++; }
                    else if (c == '"') q = false;
                    else f.append(c);
                } else if (c == '"') q = true;
                else if (c == ',') { row.add(f.toString()); f.setLength(0); }
                else if (c == '\n') { row.add(f.toString()); f.setLength(0); rows.add(row); row = new java.util.ArrayList<>(); }
                else f.append(c);
            }
            assertThat(q).as("unterminated quote").isFalse();
            if (f.length() > 0 || !row.isEmpty()) { row.add(f.toString()); rows.add(row); }
            return rows;
        }
    }
}
