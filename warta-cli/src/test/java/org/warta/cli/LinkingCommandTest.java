package org.warta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warta.io.Json;

/**
 * {@code eval linking} and its floors on a small hand-made data set, with the fake pipeline (one REQUEST
 * by the same parties on the same day in every article, so the article texts decide).
 */
class LinkingCommandTest {
    @TempDir
    Path root;

    Path data;

    static EvalCommandsTest.Run run(String... args) {
        return EvalCommandsTest.run(args);
    }

    /** a and b tell one flood, c an unrelated election; gold: only a-b report a same event. */
    @BeforeEach
    void dataSet() throws Exception {
        data = Files.createDirectories(root.resolve("bench/linking"));
        Files.createDirectories(data.resolve("texts"));
        Files.writeString(data.resolve("texts/a.txt"), "Banjir besar rendam ribuan rumah warga Kampung Melayu\n\n"
                + "Banjir besar merendam ribuan rumah warga di Kampung Melayu setelah hujan deras semalaman.\n");
        Files.writeString(data.resolve("texts/b.txt"), "Ribuan rumah di Kampung Melayu terendam banjir besar\n\n"
                + "Hujan deras semalaman membuat ribuan rumah warga Kampung Melayu terendam banjir besar.\n");
        Files.writeString(data.resolve("texts/c.txt"), "Pilkada serentak digelar di tiga provinsi\n\n"
                + "Pemungutan suara pilkada serentak berlangsung tertib menurut pengawas pemilu setempat.\n");
        Files.writeString(data.resolve("gold.json"), """
                {"articles": [
                  {"row_id": "a", "date": "2024-10-30", "url": "https://contoh.id/a", "story": "S1", "text_file": "texts/a.txt"},
                  {"row_id": "b", "date": "2024-10-30", "url": "https://lain.id/b", "story": "S1", "text_file": "texts/b.txt"},
                  {"row_id": "c", "date": "2024-10-30", "url": "https://contoh.id/c", "story": null, "text_file": "texts/c.txt"}],
                 "pairs": [{"a": "a", "b": "b", "same_event": true}, {"a": "a", "b": "c", "same_event": false},
                           {"a": "b", "b": "c", "same_event": false}]}
                """);
    }

    @Test
    void evalLinkingScoresPairsAndWritesStoryIds() throws Exception {
        Path preds = root.resolve("out/links.json");
        EvalCommandsTest.Run r = run("eval", "linking", "--data", data.toString(), "--json", "--predictions", preds.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertThat(j.path("pair_precision").asDouble()).isEqualTo(1.0);
        assertThat(j.path("pair_recall").asDouble()).isEqualTo(1.0);
        assertThat(j.path("pair_f1").asDouble()).isEqualTo(1.0);
        assertThat(j.path("stories").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(j.path("counts").path("true_positive").asInt()).isEqualTo(1);
        assertThat(j.path("counts").path("false_positive").asInt()).isEqualTo(0);
        assertThat(j.path("counts").path("articles").asInt()).isEqualTo(3);
        JsonNode p = Json.MAPPER.readTree(Files.readString(preds));
        assertThat(p.path("a").asText()).matches("[0-9a-f]{16}").isEqualTo(p.path("b").asText());
        assertThat(p.get("c").isNull()).isTrue();

        EvalCommandsTest.Run table = run("eval", "linking", "--data", data.toString(), "--debug");
        assertThat(table.code()).isEqualTo(0);
        assertThat(table.out()).contains("pair_precision").contains("stories");
        assertThat(table.err()).contains("article a").contains("REQUEST");
    }

    @Test
    void withoutTheTextSignalTheSharedEventLinksEverything() throws Exception {
        // every fake article has the same REQUEST: with the event texts' gate at 0 and article-level links
        // off, the unrelated article joins too (the text signal is what keeps it out)
        EvalCommandsTest.Run r = run("eval", "linking", "--data", data.toString(), "--json", "--event-similarity", "0",
                "--article-similarity", "1.01");
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertThat(j.path("pair_recall").asDouble()).isEqualTo(1.0);
        assertThat(j.path("pair_precision").asDouble()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void missingDataIsAClearError() {
        EvalCommandsTest.Run r = run("eval", "linking", "--data", root.resolve("nowhere").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("linking data not found").contains("nowhere");
    }

    @Test
    void checkFloorsRunsTheLinkingEval() throws Exception {
        Path floors = Files.createDirectories(root.resolve("eval")).resolve("floors.json");
        Files.writeString(floors, "{\"linking\": {\"data\": \"bench/linking\", \"floors\": {\"pair_precision\": 1.0, \"pair_recall\": 0.9}}}");
        EvalCommandsTest.Run ok = run("eval", "check-floors", "--floors", floors.toString());
        assertThat(ok.code()).as(ok.out() + ok.err()).isEqualTo(0);
        assertThat(ok.out()).contains("linking pair_recall = 1.0000 (floor 0.9000)");
        Files.writeString(floors, "{\"linking\": {\"data\": \"bench/missing\", \"floors\": {\"pair_f1\": 0.0}}}");
        assertThat(run("eval", "check-floors", "--floors", floors.toString()).code()).isEqualTo(1);
    }
}
