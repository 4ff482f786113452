package org.warta.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.warta.lang.Languages;
import org.warta.model.Article;
import org.warta.model.Doc;
import org.warta.model.Page;
import org.warta.model.Sentence;
import org.warta.read.Extractors;

/**
 * Runs extraction and segmentation on the seed and the events-id development texts from the shared
 * directory (system property {@code warta.shared}): no excluded boilerplate may reach the article text,
 * and at least 90% of the gold sentence starts must be predicted sentence starts (mapped back into the
 * source file through the article's source offsets).
 */
class SharedTextsSegmentationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path shared() {
        String prop = System.getProperty("warta.shared");
        Path dir = prop == null ? null : Path.of(prop);
        boolean ok = dir != null && Files.isRegularFile(dir.resolve("bench/events-id/docs.json"));
        if (!ok) {
            String msg = "shared data not found (system property warta.shared=" + prop + ")";
            if ("true".equals(System.getProperty("warta.ci"))) fail(msg);
            Assumptions.assumeTrue(false, msg + "; skipping");
        }
        return dir;
    }

    private record Input(String file, Path path, List<int[]> excluded) {}

    @Test
    void boilerplateIsRemovedAndGoldSentenceStartsAreFound() throws Exception {
        Path shared = shared();
        Path bench = shared.resolve("bench/events-id");
        JsonNode docs = JSON.readTree(bench.resolve("docs.json").toFile());
        Map<String, Input> inputs = new LinkedHashMap<>();
        for (String key : new String[] {"docs", "seed_docs"}) {
            for (JsonNode d : docs.get(key)) {
                List<int[]> ex = new ArrayList<>();
                for (JsonNode s : d.get("excluded_spans")) ex.add(new int[] {s.get("start").asInt(), s.get("end").asInt()});
                String file = d.get("text_file").asText();
                inputs.put(file, new Input(file, bench.resolve(file).normalize(), ex));
            }
        }
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(11);

        Languages langs = new Languages(List.of());
        Extractors extractors = new Extractors(langs);
        LanguageIdentifier lid = new LanguageIdentifier(langs);
        Segmenter segmenter = new Segmenter(langs);
        Map<String, Set<Integer>> predictedStarts = new LinkedHashMap<>();
        for (Input in : inputs.values()) {
            String source = Files.readString(in.path(), StandardCharsets.UTF_8);
            Article a = extractors.extract(Page.text(in.file(), source));
            for (int[] span : in.excluded()) {
                String chrome = cpSubstring(source, span[0], span[1]).strip();
                assertThat(a.text()).as("boilerplate of %s", in.file()).doesNotContain(chrome);
            }
            Doc doc = new Doc(a, LocalDate.of(2025, 1, 1));
            lid.process(doc);
            assertThat(doc.article().language()).isEqualTo("id");
            segmenter.process(doc);
            Set<Integer> starts = new HashSet<>();
            for (Sentence s : doc.sentences()) starts.add(a.sourceOffset(s.start()));
            predictedStarts.put(in.file(), starts);
        }

        int gold = 0, found = 0;
        List<String> missed = new ArrayList<>();
        for (String goldFile : new String[] {"gold.jsonl", "seed-gold.jsonl"}) {
            for (String line : Files.readAllLines(bench.resolve(goldFile), StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                JsonNode g = JSON.readTree(line);
                Set<Integer> starts = predictedStarts.get(g.get("text_file").asText());
                assertThat(starts).as("gold file %s names a known text", g.get("text_file").asText()).isNotNull();
                gold++;
                if (starts.contains(g.get("sentence_start").asInt())) found++;
                else missed.add(g.get("text_file").asText() + "@" + g.get("sentence_start").asInt());
            }
        }
        double agreement = (double) found / gold;
        System.out.printf("sentence-start agreement with gold: %d/%d = %.1f%% (missed: %s)%n", found, gold,
                100 * agreement, missed);
        assertThat(gold).isGreaterThan(100);
        assertThat(agreement).isGreaterThanOrEqualTo(0.90);
    }

    private static String cpSubstring(String s, int cpStart, int cpEnd) {
        return s.substring(s.offsetByCodePoints(0, cpStart), s.offsetByCodePoints(0, cpEnd));
    }
}
