package org.warta.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warta.kb.KnowledgeBase.Person;
import org.warta.lang.DataFileException;

/** Checks of the built-in knowledge base's data: sources, dates, terms that cannot overlap, coverage. */
class KnowledgeBaseDataTest {
    private static final KnowledgeBase KB = KnowledgeBase.load(List.of());

    /** Offices that several people hold at once for one country and body (every other office has one holder). */
    private static final Set<String> SHARED_OFFICES = Set.of("minister", "deputy_speaker", "legislator", "ambassador",
            "rebel_leader", "deputy_head_of_government", "former_official", "party_leader", "judge", "commissioner",
            "academic", "activist", "journalist", "doctor", "religious_leader", "business_executive", "union_leader",
            "military_rank", "police_rank", "spokesperson", "opposition_leader");

    private static List<Person> allTerms() {
        List<Person> out = new ArrayList<>();
        KB.people().forEach(out::addAll);
        return out;
    }

    @Test
    void everyPersonRowNamesWhereAndWhenItWasCheckedOrIsUnverifiedWithADate() {
        List<Person> terms = allTerms();
        assertThat(terms).hasSizeGreaterThan(450);
        int sourced = 0;
        for (Person p : terms) {
            assertThat(p.source()).as(p.id()).matches(KnowledgeBase.SOURCE);
            assertThat(p.checked()).as(p.id()).isNotNull().isBeforeOrEqualTo(LocalDate.now());
            if (!p.source().equals("unverified")) sourced++;
        }
        // at least a third of the rows were checked against a page
        assertThat(sourced * 3).as("rows with a source").isGreaterThan(terms.size());
    }

    @Test
    void termsDoNotOverlapForAnOfficeOnlyOnePersonHolds() {
        Map<String, List<Person>> byPost = new HashMap<>();
        for (Person p : allTerms()) {
            if (SHARED_OFFICES.contains(p.office())) continue;
            byPost.computeIfAbsent(p.office() + "|" + p.country() + "|" + Objects.toString(p.body(), ""), k -> new ArrayList<>()).add(p);
        }
        List<String> clashes = new ArrayList<>();
        for (Map.Entry<String, List<Person>> e : byPost.entrySet()) {
            List<Person> ts = e.getValue();
            for (int i = 0; i < ts.size(); i++)
                for (int j = i + 1; j < ts.size(); j++)
                    if (overlap(ts.get(i), ts.get(j)))
                        clashes.add(e.getKey() + ": " + describe(ts.get(i)) + " and " + describe(ts.get(j)));
        }
        assertThat(clashes).isEmpty();
    }

    /** Two terms overlap when each starts before the other ends; a handover on the same day is not an overlap. */
    private static boolean overlap(Person a, Person b) {
        LocalDate min = LocalDate.MIN, max = LocalDate.MAX;
        LocalDate as = a.start() == null ? min : a.start(), ae = a.end() == null ? max : a.end();
        LocalDate bs = b.start() == null ? min : b.start(), be = b.end() == null ? max : b.end();
        return as.isBefore(be) && bs.isBefore(ae);
    }

    private static String describe(Person p) {
        return p.name() + " " + p.start() + ".." + p.end();
    }

    @Test
    void everyProvinceOfIndonesiaHasAGovernmentAndOneGovernorAtTheEndOfTheCheckedPeriod() {
        List<KnowledgeBase.Organisation> provinces = new ArrayList<>();
        for (KnowledgeBase.Name n : KB.names())
            if (n.kind() == KnowledgeBase.NameKind.ORGANISATION && n.ref().startsWith("idn_pemprov_")) {
                KnowledgeBase.Organisation o = KB.organisation(n.ref()).orElseThrow();
                if (!provinces.contains(o)) provinces.add(o);
            }
        assertThat(provinces).hasSize(38);
        LocalDate lastChecked = LocalDate.of(2025, 11, 1);
        for (KnowledgeBase.Organisation o : provinces) {
            assertThat(o.code()).isEqualTo("IDN");
            assertThat(o.sector()).isEqualTo("GOV");
            assertThat(KB.holders("governor", "IDN", o.id(), lastChecked)).as(o.id()).hasSize(1);
        }
        assertThat(KB.names()).anyMatch(n -> n.text().equals("Pemprov Jabar") && n.ref().equals("idn_pemprov_jabar"));
    }

    @Test
    void indonesiasCabinetPostsHaveOneHolderUnderEachPresident() {
        List<String> posts = List.of("foreign_minister", "defence_minister", "interior_minister", "finance_minister",
                "agriculture_minister", "religious_affairs_minister", "health_minister", "trade_minister",
                "social_affairs_minister", "youth_sports_minister", "head_of_state", "vice_president");
        for (LocalDate d : List.of(LocalDate.of(2023, 6, 1), LocalDate.of(2025, 6, 1), LocalDate.of(2025, 11, 1)))
            for (String post : posts)
                assertThat(KB.holders(post, "IDN", d)).as(post + " on " + d).hasSize(1);
        assertThat(KB.holders("youth_sports_minister", "IDN", LocalDate.of(2025, 10, 1)))
                .extracting(Person::name).containsExactly("Erick Thohir");
        assertThat(KB.holders("coordinating_minister", "IDN", "idn_kemenko_polkam", LocalDate.of(2025, 10, 1)))
                .extracting(Person::name).containsExactly("Djamari Chaniago");
        assertThat(KB.holders("service_chief", "IDN", "idn_tni_au", LocalDate.of(2025, 1, 1)))
                .extracting(Person::name).containsExactly("Mohamad Tonny Harjono");
        assertThat(KB.holders("deputy_speaker", "IDN", "idn_dpr", LocalDate.of(2025, 1, 1))).hasSize(4);
    }

    @Test
    void theG20AndAseanHaveTheirHeadsForeignAndDefenceMinistersOnRecord() {
        List<String> states = List.of("ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR",
                "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA", "BRN", "KHM", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM");
        // 2025-08-01: after South Korea's June 2025 election (between April and June its posts were held by acting officials)
        LocalDate d = LocalDate.of(2025, 8, 1);
        for (String c : states) {
            boolean head = !KB.holders("head_of_state", c, d).isEmpty() || !KB.holders("head_of_government", c, d).isEmpty();
            assertThat(head).as("head of state or government of " + c).isTrue();
            assertThat(KB.holders("foreign_minister", c, d)).as("foreign minister of " + c).isNotEmpty();
        }
    }

    @Test
    void everyCountryHasAWikidataIdAndBothNames() {
        for (KnowledgeBase.Country c : KB.countries()) {
            assertThat(c.wikidata()).as(c.code()).matches("Q\\d+");
            assertThat(c.nameEn()).as(c.code()).isNotBlank();
            assertThat(c.nameId()).as(c.code()).isNotBlank();
        }
    }

    @Test
    void seatsOfGovernmentAreMetonymsOfTheirState() {
        Map<String, String> seats = Map.of("Pentagon", "USA", "Kremlin", "RUS", "Gedung Putih", "USA",
                "Downing Street", "GBR", "Zhongnanhai", "CHN", "Blue House", "KOR", "Istana Merdeka", "IDN");
        for (Map.Entry<String, String> e : seats.entrySet())
            assertThat(KB.names()).as(e.getKey())
                    .anyMatch(n -> n.text().equals(e.getKey()) && n.kind() == KnowledgeBase.NameKind.SEAT && n.ref().equals(e.getValue()));
    }

    @Test
    void aUserPeopleFileInTheOldShapeWithoutBodyStillLoads(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("kb"));
        Files.writeString(dir.resolve("kb/people.tsv"), "id\tname\taliases\tcountry\tsector\toffice\tstart\tend\twikidata\tsource\tchecked\n"
                + "budi_contoh\tBudi Contoh\t\tIDN\tGOV\tregent\t2025-02-20\t\t\tunverified\t2026-01-05\n");
        KnowledgeBase kb = KnowledgeBase.load(List.of(dir));
        assertThat(kb.person("budi_contoh")).singleElement().satisfies(p -> assertThat(p.body()).isNull());
    }

    @Test
    void aPersonWithAnUnknownBodyOrNoSourceFailsNamingFileAndLine(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("kb"));
        String header = "id\tname\taliases\tcountry\tsector\toffice\tbody\tstart\tend\twikidata\tsource\tchecked\n";
        Files.writeString(dir.resolve("kb/people.tsv"), header
                + "x_contoh\tX Contoh\t\tIDN\tGOV\tgovernor\tidn_pemprov_atlantis\t2025-02-20\t\t\tunverified\t2026-01-05\n");
        assertThatThrownBy(() -> KnowledgeBase.load(List.of(dir))).isInstanceOf(DataFileException.class)
                .hasMessageContaining("people.tsv:2").hasMessageContaining("idn_pemprov_atlantis");
        Files.writeString(dir.resolve("kb/people.tsv"), header + "\n"
                + "x_contoh\tX Contoh\t\tIDN\tGOV\tgovernor\t\t2025-02-20\t\t\tsomewhere\t2026-01-05\n");
        assertThatThrownBy(() -> KnowledgeBase.load(List.of(dir))).isInstanceOf(DataFileException.class)
                .hasMessageContaining("people.tsv:3").hasMessageContaining("somewhere");
        Files.writeString(dir.resolve("kb/people.tsv"), header
                + "x_contoh\tX Contoh\t\tIDN\tGOV\tgovernor\t\t2025-02-30\t\t\tunverified\t2026-01-05\n");
        assertThatThrownBy(() -> KnowledgeBase.load(List.of(dir))).isInstanceOf(DataFileException.class)
                .hasMessageContaining("people.tsv:2").hasMessageContaining("2025-02-30");
    }

    @Test
    void commonNameWordsDoNotPickOutAPersonButDistinctiveSurnamesDo(@TempDir Path dir) throws Exception {
        LocalDate d = LocalDate.of(2025, 6, 1);
        Map<String, Set<String>> tokens = KB.nameTokens(d);
        assertThat(tokens).doesNotContainKeys("lalu", "putri", "raja", "muhammad", "ahmad", "jr.");
        assertThat(tokens.get("lavrov")).containsExactly("sergey_lavrov");
        assertThat(tokens.get("bahlil")).containsExactly("bahlil_lahadalia");
        Files.createDirectories(dir.resolve("kb"));
        Files.writeString(dir.resolve("kb/common-name-words.txt"), "# mine\nBahlil\n");
        assertThat(KnowledgeBase.load(List.of(dir)).nameTokens(d)).doesNotContainKey("bahlil").containsKey("lavrov");
    }
}
