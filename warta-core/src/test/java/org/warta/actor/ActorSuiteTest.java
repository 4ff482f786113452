package org.warta.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.warta.Warta;
import org.warta.io.Json;
import org.warta.model.Article;
import org.warta.model.Doc;
import org.warta.model.EntityMention;
import org.warta.model.Page;
import org.warta.pipeline.Pipeline;

/**
 * Actor codes and sectors on real sentences, read at test time from the development files in the shared
 * directory (never copied here, never test splits): English sentences of the PLOVER gold standard's dev
 * file (by record index) and Indonesian sentences of the events-id development texts (by text file and
 * gold sentence index, whose offsets come from {@code gold.jsonl}). Each case lists what the sentence's
 * mentions must include: {@code CODE/SECTOR} pairs, or a bare {@code CODE} where the hand coding's sector
 * is a judgement the recogniser does not make from the sentence alone. The expectations are the hand
 * coding's actors (GSR: {@code source}/{@code target}; events-id: {@code actor}/{@code recipient}), with
 * the GSR's CAMEO-era codes compared as {@code codes.tsv} says (any IGO as IGO).
 */
class ActorSuiteTest {
    private static Path shared;

    record Case(String lang, String file, int index, String expected) {}

    private static Case en(int record, String expected) {
        return new Case("en", "plover-gsr/PLOVER_GSR_CAMEO.dev.json", record, expected);
    }

    private static Case id(String textFile, int sentence, String expected) {
        return new Case("id", "events-id/texts/" + textFile, sentence, expected);
    }

    private static final List<Case> CASES = List.of(
            en(0, "HUN/GOV ROU/GOV"),
            en(2, "GBR LBY"),
            en(4, "HUN IGO"),
            en(6, "GBR MOZ"),
            en(8, "IGO LBN"),
            en(9, "VNM/GOV"),
            en(10, "SRB/GOV"),
            en(12, "FJI"),
            en(14, "ETH IGO"),
            en(16, "LBN SYR"),
            en(17, "ARM/GOV RUS/GOV"),
            en(18, "AFG IGO"),
            en(20, "IRQ USA"),
            en(24, "PAN PER"),
            en(26, "ISR PSE"),
            en(28, "GBR"),
            en(29, "IRQ/CVL"),
            en(31, "LBN/REB"),
            en(33, "TUR/COP TUR/EDU"),
            en(34, "AFG"),
            en(35, "ISR/MIL PSE/CVL"),
            en(38, "ISR PSE"),
            en(40, "AFG RUS"),
            en(43, "LVA/JUD"),
            en(44, "MNE SRB"),
            en(46, "NGA/EDU NGA/GOV"),
            en(47, "SRB/LEG SRB/OPP"),
            en(50, "JPN/GOV RUS/GOV"),
            en(51, "RUS/GOV USA/GOV"),
            en(53, "FRA/GOV ROU/GOV"),
            en(56, "POL RUS"),
            en(58, "CHN USA"),
            en(62, "DEU IRQ"),
            en(65, "ZWE/GOV ZWE/OPP"),
            en(66, "RWA"),
            en(68, "IGO ISR"),
            en(70, "PSE/REB USA/GOV"),
            en(72, "GBR SDN"),
            en(74, "USA ZWE"),
            en(76, "ISR PSE"),
            en(78, "ISR SYR"),
            en(80, "SAU USA"),
            en(82, "MNE SRB"),
            en(83, "MMR/MIL MMR/REB"),
            en(84, "SDN/CVL SDN/REB"),
            en(88, "GBR IRQ"),
            en(90, "IGO IRN"),
            en(91, "CHL/GOV CHL/JUD"),
            en(98, "LTU"),
            en(102, "SYR/GOV SYR/LEG"),
            en(104, "ISR PSE"),
            en(106, "DZA"),
            en(109, "EGY/CVL EGY/GOV"),
            en(110, "ISR PSE"),
            en(112, "ISR PSE"),
            en(114, "AUS SRB"),
            en(116, "SYR"),
            en(118, "KEN/GOV"),
            en(119, "ZMB/CVL ZMB/GOV"),
            en(120, "ISR PSE"),
            en(122, "IGO LBN"),
            en(123, "CIV/GOV CIV/REB"),
            en(124, "PSE"),
            en(126, "CIV SEN"),
            en(128, "BEN GHA"),
            en(130, "SDN"),
            en(131, "LBN/REB"),
            en(132, "MKD"),
            en(136, "ITA SRB"),
            en(140, "AFG/REB USA/GOV"),
            en(142, "IDN IGO"),
            en(144, "DEU/GOV USA/GOV"),
            en(148, "BGR/GOV LBY/GOV"),
            en(150, "NGA TCD"),
            en(152, "PSE USA"),
            en(154, "UGA/GOV UGA/OPP"),
            en(156, "FRA"),
            en(158, "IGO IRQ"),
            en(160, "MKD"),
            en(162, "GBR TTO USA"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_552.txt", 0, "IDN/GOV USA/GOV"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_552.txt", 2, "PSE"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_552.txt", 3, "PSE/REB USA/GOV"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_552.txt", 6, "IDN/GOV USA/GOV"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_552.txt", 7, "IDN/GOV"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_552.txt", 8, "PSE/REB"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_552.txt", 9, "ISR/GOV USA/GOV"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_552.txt", 10, "PSE/REB"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_552.txt", 11, "ISR PSE"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_854.txt", 0, "USA/CVL"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_854.txt", 3, "USA"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_854.txt", 4, "USA/CVL"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_854.txt", 5, "USA/CVL USA/GOV"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_854.txt", 6, "USA/CVL USA/GOV"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_854.txt", 7, "USA/CVL"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_854.txt", 11, "USA/COP USA/CVL"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_854.txt", 12, "USA"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_854.txt", 13, "USA/CVL"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_966.txt", 0, "SAU/CVL"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_966.txt", 1, "SAU/CVL"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_966.txt", 4, "SAU"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_966.txt", 5, "SAU/CVL"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_966.txt", 8, "UNO/IGO"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_966.txt", 10, "SAU/GOV"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_966.txt", 11, "SAU/GOV"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_966.txt", 15, "SAU"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_289.txt", 0, "USA/GOV USA/JUD"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_289.txt", 1, "USA"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_289.txt", 2, "USA/GOV"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_289.txt", 6, "USA"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_289.txt", 10, "USA"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_289.txt", 11, "USA"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_289.txt", 12, "USA"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_289.txt", 13, "USA"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_289.txt", 14, "USA"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_180.txt", 0, "AUS/GOV USA/GOV"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_180.txt", 1, "AUS/GOV USA/GOV"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_180.txt", 2, "CHN/GOV USA/GOV"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_180.txt", 5, "AUS/GOV USA/GOV"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_180.txt", 7, "AUS/GOV USA/GOV"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_180.txt", 8, "AUS/GOV GBR/GOV USA/GOV"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_180.txt", 11, "AUS/GOV USA/GOV"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_428.txt", 0, "IDN"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_428.txt", 1, "IDN"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_428.txt", 4, "IDN/COP IDN/CVL"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_428.txt", 7, "IDN/GOV"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_428.txt", 8, "IDN/CVL"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_428.txt", 9, "IDN/COP"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_428.txt", 10, "IDN"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_213.txt", 0, "IDN"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_213.txt", 1, "IDN"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_213.txt", 17, "IDN"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_213.txt", 20, "IDN/JUD"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_432.txt", 0, "IDN/LEG IDN/PTY"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_432.txt", 1, "IDN/LEG IDN/PTY"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_432.txt", 2, "IDN/LEG"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_432.txt", 3, "IDN"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_432.txt", 7, "IDN"),
            id("gabriellaclairine_indonesian-news-summarization-dataset_data_berita.csv_432.txt", 9, "IDN/LEG IDN/PTY"),
            id("paramitamirza_IndoTimex_dataset_kompas_development.zip_20141128-080819926.tml.txt", 7, "IGO/IGO IRN/GOV VEN/GOV"),
            id("paramitamirza_IndoTimex_dataset_kompas_development.zip_20141128-080819926.tml.txt", 15, "IGO"),
            id("paramitamirza_IndoTimex_dataset_kompas_development.zip_20141128-080819926.tml.txt", 17, "IGO/IGO VEN/GOV"),
            id("paramitamirza_IndoTimex_dataset_kompas_development.zip_20141128-080819926.tml.txt", 19, "VEN/GOV"));

    @BeforeAll
    static void findShared() {
        String prop = System.getProperty("warta.shared");
        Path p = prop == null || prop.isBlank() ? null : Path.of(prop).resolve("bench");
        if (p == null || !Files.isDirectory(p.resolve("events-id")) || !Files.isDirectory(p.resolve("plover-gsr"))) {
            String msg = "shared bench data not found (system property warta.shared=" + prop + ")";
            if ("true".equals(System.getProperty("warta.ci"))) fail(msg + "; under warta.ci=true this is a failure");
            Assumptions.assumeTrue(false, msg + "; skipping the actor suite");
        }
        shared = p;
    }

    @Test
    void suiteHasSixtySentencesInEachLanguage() {
        assertThat(CASES.stream().filter(c -> c.lang().equals("id")).count()).isGreaterThanOrEqualTo(60);
        assertThat(CASES.stream().filter(c -> c.lang().equals("en")).count()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void englishSentencesGetTheHandCodedActors() throws Exception {
        JsonNode records = Json.MAPPER.readTree(Files.readString(shared.resolve("plover-gsr/PLOVER_GSR_CAMEO.dev.json"), StandardCharsets.UTF_8));
        Pipeline pipeline = Warta.builder().asOf(LocalDate.of(2000, 1, 1)).build();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Case c : CASES) {
            if (!c.lang().equals("en")) continue;
            JsonNode r = records.get(c.index());
            String text = r.path("text").asText();
            Page page = new Page("gsr-" + c.index(), null, Page.MediaType.TEXT, text.getBytes(StandardCharsets.UTF_8),
                    Map.of("language", "en"));
            Doc doc = pipeline.code(page, LocalDate.of(2000, 1, 1)).doc();
            check(c, found(doc.entities(), 0, Integer.MAX_VALUE), failures);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(60);
        assertThat(failures).isEmpty();
    }

    @Test
    void indonesianSentencesGetTheHandCodedActors() throws IOException {
        Map<String, JsonNode> gold = new HashMap<>();
        for (String line : Files.readAllLines(shared.resolve("events-id/gold.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode n = Json.MAPPER.readTree(line);
            gold.put(n.path("text_file").asText() + "#" + n.path("sentence_index").asInt(), n);
        }
        Map<String, String> dates = new HashMap<>();
        for (JsonNode d : Json.MAPPER.readTree(Files.readString(shared.resolve("events-id/docs.json"), StandardCharsets.UTF_8)).path("docs"))
            dates.put(d.path("doc").asText(), d.path("article_date").asText());
        Map<String, Doc> docs = new HashMap<>();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Case c : CASES) {
            if (!c.lang().equals("id")) continue;
            String textFile = c.file().substring("events-id/".length());
            JsonNode g = gold.get(textFile + "#" + c.index());
            assertThat(g).as("gold sentence %s #%d", textFile, c.index()).isNotNull();
            LocalDate date = LocalDate.parse(dates.get(g.path("doc").asText()));
            Doc doc = docs.computeIfAbsent(textFile, f -> {
                try {
                    String text = Files.readString(shared.resolve("events-id").resolve(f), StandardCharsets.UTF_8);
                    return Warta.builder().asOf(date).build().code(Page.text(f, text), date).doc();
                } catch (Exception e) {
                    throw new AssertionError("coding " + f + " failed", e);
                }
            });
            int start = g.path("sentence_start").asInt();
            int end = g.path("sentence_end").asInt();
            Article a = doc.article();
            List<EntityMention> inSentence = new ArrayList<>();
            for (EntityMention m : doc.entities()) {
                int s = a.sourceOffset(m.start());
                if (s >= start && s < end) inSentence.add(m);
            }
            check(c, found(inSentence, 0, Integer.MAX_VALUE), failures);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(60);
        assertThat(failures).isEmpty();
    }

    /** "CODE/SECTOR" and "CODE" of every coded mention (IGO-like codes also as IGO). */
    private static Set<String> found(List<EntityMention> ms, int from, int to) {
        Set<String> out = new HashSet<>();
        for (EntityMention m : ms) {
            if (m.actor() == null || m.actor().code() == null || m.start() < from || m.start() >= to) continue;
            String code = m.actor().code();
            for (String c : new HashSet<>(List.of(code, Set.of("UNO", "EUR", "IGO").contains(code) ? "IGO" : code))) {
                out.add(c);
                out.add(c + "/" + m.actor().sector());
            }
        }
        return out;
    }

    private static void check(Case c, Set<String> found, List<String> failures) {
        for (String want : c.expected().split(" "))
            if (!found.contains(want)) failures.add(c.file() + " #" + c.index() + ": want " + want + ", found " + found);
    }
}
