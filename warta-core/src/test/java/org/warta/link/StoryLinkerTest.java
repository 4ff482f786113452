package org.warta.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.warta.model.Actor;
import org.warta.model.Event;
import org.warta.model.Location;
import org.warta.model.Modality;

class StoryLinkerTest {
    static final Actor RUS = new Actor("Rusia", "RUS", "GOV", null, null);
    static final Actor UKR = new Actor("Ukraina", "UKR", "GOV", null, null);
    static final Actor PRK_MIL = new Actor("tentara Korut", "PRK", "MIL", null, null);
    static final Actor FRA = new Actor("Prancis", "FRA", "GOV", null, null);

    static final String STRIKE = "Rusia menyerang kota Kharkiv dengan rudal balistik pada Senin malam, "
            + "menewaskan tujuh warga sipil dan merusak gedung apartemen serta jaringan listrik kota.";
    static final String STRIKE_2 = "Serangan rudal balistik Rusia menghantam Kharkiv Senin malam; tujuh warga sipil "
            + "tewas, gedung apartemen rusak dan jaringan listrik kota padam.";
    static final String TALKS = "Menteri luar negeri Prancis bertemu mitranya di Paris membahas anggaran pertanian "
            + "dan kerja sama pendidikan tinggi untuk tahun depan.";

    static Event event(String id, String type, int quad, String date, List<Actor> actor, List<Actor> recipient,
                       Modality modality, String country) {
        return new Event(id, "a-" + id, type, null, List.of(), null, quad, quad, null, date, date == null ? null : "day",
                false, actor, recipient, country == null ? null : new Location(country, country, "country"), Map.of(),
                modality, List.of(), List.of(), 0.5, type);
    }

    static Report report(String article, String outlet, String published, Event e, String text) {
        return new Report(article, "https://" + outlet + "/" + article, outlet, LocalDate.parse(published), e, text);
    }

    static Event assault(String id, String date) {
        return event(id, "ASSAULT", 4, date, List.of(RUS), List.of(UKR), Modality.ASSERTED, "UKR");
    }

    static Set<Set<String>> articleGroups(List<Story> stories) {
        return stories.stream().map(s -> s.reports().stream().map(Report::articleId).collect(Collectors.toSet()))
                .collect(Collectors.toSet());
    }

    @Test
    void theSameEventFromTwoOutletsIsOneStoryWithItsCountsAndEarliestReport() {
        Report a = report("A", "kompas.com", "2024-11-05", assault("e1", "2024-11-04"), STRIKE);
        Report b = report("B", "detik.com", "2024-11-04", assault("e2", "2024-11-04"), STRIKE_2);
        Report c = report("C", "kompas.com", "2024-11-04", event("e3", "CONSULT", 1, "2024-11-04", List.of(FRA),
                List.of(), Modality.ASSERTED, "FRA"), TALKS);
        List<Story> stories = StoryLinker.defaults().link(List.of(a, b, c));
        assertThat(stories).hasSize(2);
        Story s = stories.stream().filter(x -> x.reports().size() == 2).findFirst().orElseThrow();
        assertThat(s.reports()).containsExactly(b, a);
        assertThat(s.articles()).isEqualTo(2);
        assertThat(s.sources()).isEqualTo(2);
        assertThat(s.earliest()).isEqualTo(b);
        assertThat(stories).anySatisfy(x -> assertThat(x.reports()).containsExactly(c));
    }

    @Test
    void theSameActorsOnAnotherDayDoNotLink() {
        Report a = report("A", "kompas.com", "2024-11-05", assault("e1", "2024-11-04"), STRIKE);
        Report b = report("B", "detik.com", "2024-11-12", assault("e2", "2024-11-11"), STRIKE_2);
        assertThat(StoryLinker.defaults().link(List.of(a, b))).hasSize(2);
        assertThat(StoryLinker.defaults().check(a, b, null)).isEqualTo(StoryLinker.Verdict.DATE);
        // a wider window links them
        assertThat(StoryLinker.builder().windowDays(7).spanDays(7).build().link(List.of(a, b))).hasSize(1);
    }

    @Test
    void theSameActorsInAnotherActDoNotLink() {
        Report a = report("A", "kompas.com", "2024-11-04", assault("e1", "2024-11-04"), STRIKE);
        Report b = report("B", "detik.com", "2024-11-04",
                event("e2", "CONSULT", 1, "2024-11-04", List.of(RUS), List.of(UKR), Modality.ASSERTED, null), STRIKE_2);
        assertThat(StoryLinker.defaults().link(List.of(a, b))).hasSize(2);
        assertThat(StoryLinker.defaults().check(a, b, null)).isEqualTo(StoryLinker.Verdict.TYPE);
    }

    @Test
    void neighbouringTypesOfOneQuadLinkOnlyWhenTheTextsAgree() {
        Event coerce = event("e2", "COERCE", 4, "2024-11-04", List.of(RUS), List.of(UKR), Modality.ASSERTED, "UKR");
        Report a = report("A", "kompas.com", "2024-11-04", assault("e1", "2024-11-04"), STRIKE);
        Report similar = report("B", "detik.com", "2024-11-04", coerce, STRIKE_2);
        Report unlike = report("C", "detik.com", "2024-11-04", coerce, TALKS);
        StoryLinker linker = StoryLinker.defaults();
        assertThat(articleGroups(linker.link(List.of(a, similar)))).containsExactly(Set.of("A", "B"));
        assertThat(linker.link(List.of(a, unlike))).hasSize(2);
        assertThat(StoryLinker.builder().sameQuad(false).build().link(List.of(a, similar))).hasSize(2);
    }

    @Test
    void futureHypotheticalNegatedAndParticipantlessEventsDoNotLink() {
        Report a = report("A", "kompas.com", "2024-11-04", assault("e1", "2024-11-04"), STRIKE);
        StoryLinker linker = StoryLinker.defaults();
        for (Modality m : List.of(Modality.FUTURE, Modality.HYPOTHETICAL, Modality.NEGATED)) {
            Report b = report("B", "detik.com", "2024-11-04",
                    event("e2", "ASSAULT", 4, "2024-11-04", List.of(RUS), List.of(UKR), m, "UKR"), STRIKE_2);
            assertThat(linker.check(a, b, null)).as(m.label()).isEqualTo(StoryLinker.Verdict.INELIGIBLE);
        }
        Report nobody = report("B", "detik.com", "2024-11-04", event("e2", "ASSAULT", 4, "2024-11-04",
                List.of(new Actor("seseorang", null, null, null, null)), List.of(), Modality.ASSERTED, "UKR"), STRIKE_2);
        assertThat(linker.check(a, nobody, null)).isEqualTo(StoryLinker.Verdict.INELIGIBLE);
        Report historical = report("B", "detik.com", "2024-11-04", event("e2", "ASSAULT", 4, "2024-11-04",
                List.of(RUS), List.of(UKR), Modality.HISTORICAL, "UKR"), STRIKE_2);
        assertThat(linker.check(a, historical, null)).isEqualTo(StoryLinker.Verdict.LINK);
    }

    @Test
    void participantsLocationAndTextMustAgree() {
        StoryLinker linker = StoryLinker.defaults();
        Report a = report("A", "kompas.com", "2024-11-04", assault("e1", "2024-11-04"), STRIKE);
        Report others = report("B", "detik.com", "2024-11-04", event("e2", "ASSAULT", 4, "2024-11-04",
                List.of(PRK_MIL), List.of(FRA), Modality.ASSERTED, "UKR"), STRIKE_2);
        assertThat(linker.check(a, others, null)).isEqualTo(StoryLinker.Verdict.PARTICIPANTS);
        // roles are pooled: the same two parties with actor and recipient swapped still overlap
        Report swapped = report("B", "detik.com", "2024-11-04", event("e2", "ASSAULT", 4, "2024-11-04",
                List.of(UKR), List.of(RUS), Modality.ASSERTED, "UKR"), STRIKE_2);
        assertThat(linker.check(a, swapped, null)).isEqualTo(StoryLinker.Verdict.LINK);
        Report elsewhere = report("B", "detik.com", "2024-11-04", event("e2", "ASSAULT", 4, "2024-11-04",
                List.of(RUS), List.of(UKR), Modality.ASSERTED, "FRA"), STRIKE_2);
        assertThat(linker.check(a, elsewhere, null)).isEqualTo(StoryLinker.Verdict.LOCATION);
        Report otherText = report("B", "detik.com", "2024-11-04", assault("e2", "2024-11-04"), TALKS);
        assertThat(linker.check(a, otherText, linker.textSimilarity(List.of(a, otherText)))).isEqualTo(StoryLinker.Verdict.TEXT);
        // the same sector of another country is not an overlap; another sector of the same country is,
        // unless countryOverlap is off
        Report rusMil = report("B", "detik.com", "2024-11-04", event("e2", "ASSAULT", 4, "2024-11-04",
                List.of(new Actor("tentara Rusia", "RUS", "MIL", null, null)), List.of(), Modality.ASSERTED, "UKR"), STRIKE_2);
        assertThat(linker.check(a, rusMil, null)).isEqualTo(StoryLinker.Verdict.LINK);
        assertThat(StoryLinker.builder().countryOverlap(false).build().check(a, rusMil, null))
                .isEqualTo(StoryLinker.Verdict.PARTICIPANTS);
    }

    @Test
    void reportsOfOneArticleAreNeverLinkedDirectly() {
        Report a1 = report("A", "kompas.com", "2024-11-04", assault("e1", "2024-11-04"), STRIKE);
        Report a2 = report("A", "kompas.com", "2024-11-04", assault("e2", "2024-11-04"), STRIKE);
        assertThat(StoryLinker.defaults().check(a1, a2, null)).isEqualTo(StoryLinker.Verdict.SAME_ARTICLE);
        assertThat(StoryLinker.defaults().link(List.of(a1, a2))).hasSize(2);
    }

    @Test
    void theResultDoesNotDependOnTheInputOrder() {
        List<Report> reports = new ArrayList<>();
        String[] outlets = {"kompas.com", "detik.com", "tempo.co", "antaranews.com"};
        for (int i = 0; i < 12; i++) {
            String day = "2024-11-0" + (1 + i % 3 * 3);
            Event e = i % 2 == 0 ? assault("e" + i, day)
                    : event("e" + i, "CONSULT", 1, day, List.of(FRA), List.of(UKR), Modality.ASSERTED, null);
            reports.add(report("A" + i, outlets[i % 4], day, e, i % 2 == 0 ? STRIKE : TALKS));
            reports.add(Report.ofArticle("A" + i, null, outlets[i % 4], LocalDate.parse(day), i % 2 == 0 ? STRIKE : TALKS));
        }
        StoryLinker linker = StoryLinker.defaults();
        List<Story> expected = linker.link(reports);
        assertThat(expected.size()).isLessThan(reports.size()).isGreaterThan(2);
        Random random = new Random(7);
        for (int k = 0; k < 5; k++) {
            List<Report> shuffled = new ArrayList<>(reports);
            Collections.shuffle(shuffled, random);
            assertThat(linker.link(shuffled)).isEqualTo(expected);
        }
    }

    @Test
    void theStoryIdIsTheHashOfTheSmallestMemberKey() throws Exception {
        Report a = report("A", "kompas.com", "2024-11-05", assault("e9", "2024-11-04"), STRIKE);
        Report b = report("B", "detik.com", "2024-11-04", assault("e1", "2024-11-04"), STRIKE_2);
        Story s = StoryLinker.defaults().link(List.of(b, a)).get(0);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("A/e9".getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        assertThat(s.id()).isEqualTo(expected).hasSize(16);
        assertThat(StoryLinker.defaults().link(List.of(a, b)).get(0).id()).isEqualTo(expected);
        // a singleton's id is its own key's hash
        assertThat(StoryLinker.defaults().link(List.of(b)).get(0).id()).isNotEqualTo(expected);
    }

    @Test
    void articleLevelReportsLinkByTextAndDayOnlyAndOnlyToEachOther() {
        LocalDate d = LocalDate.parse("2024-11-04");
        Report a = Report.ofArticle("A", null, "kompas.com", d, STRIKE);
        Report b = Report.ofArticle("B", null, "detik.com", d.plusDays(1), STRIKE_2);
        Report late = Report.ofArticle("C", null, "tempo.co", d.plusDays(9), STRIKE_2);
        Report other = Report.ofArticle("D", null, "tempo.co", d, TALKS);
        Report event = report("E", "antaranews.com", "2024-11-04", assault("e1", "2024-11-04"), STRIKE);
        List<Story> stories = StoryLinker.defaults().link(List.of(a, b, late, other, event));
        assertThat(articleGroups(stories)).containsExactlyInAnyOrder(Set.of("A", "B"), Set.of("C"), Set.of("D"), Set.of("E"));
        assertThat(StoryLinker.defaults().check(a, event, null)).isEqualTo(StoryLinker.Verdict.KIND);
        assertThatThrownBy(() -> Report.ofArticle("X", null, null, d, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRunOfDailySimilarArticlesDoesNotChainIntoOneLongStory() {
        List<Report> reports = new ArrayList<>();
        LocalDate d = LocalDate.parse("2024-11-01");
        for (int i = 0; i < 8; i++) reports.add(Report.ofArticle("A" + i, null, "o" + i, d.plusDays(i), i % 2 == 0 ? STRIKE : STRIKE_2));
        List<Story> stories = StoryLinker.defaults().link(reports);
        assertThat(stories.size()).isGreaterThan(1);
        for (Story s : stories) {
            LocalDate first = s.reports().get(0).published(), last = s.reports().get(s.reports().size() - 1).published();
            assertThat(java.time.temporal.ChronoUnit.DAYS.between(first, last)).isLessThanOrEqualTo(StoryLinker.Builder.DEFAULT_SPAN_DAYS);
        }
    }

    @Test
    void badSettingsAreRejected() {
        assertThatThrownBy(() -> StoryLinker.builder().windowDays(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoryLinker.builder().minTextSimilarity(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoryLinker.builder().modalities(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsOfACodedArticleAreItsEventsAndTheArticleItself() {
        org.warta.model.Article article = new org.warta.model.Article("art1", "a.txt", "https://contoh.id/a", null,
                "contoh.id", "Judul", "Judul\n\n" + STRIKE, "id", "2024-11-04", "day", false, null, List.of(), List.of(), null);
        List<Report> reports = Report.of(article, List.of(assault("e1", "2024-11-04"), assault("e2", "2024-11-03")));
        assertThat(reports).hasSize(3);
        assertThat(reports.get(0).event().id()).isEqualTo("e1");
        assertThat(reports.get(2).articleLevel()).isTrue();
        assertThat(reports).allSatisfy(r -> {
            assertThat(r.published()).isEqualTo(LocalDate.parse("2024-11-04"));
            assertThat(r.outlet()).isEqualTo("contoh.id");
            assertThat(r.articleId()).isEqualTo("art1");
        });
    }

    @Test
    void participantsKnownOnlyByNameStillLink() {
        Actor dkpp = new Actor("DKPP", null, null, "Dewan Kehormatan", null);
        Event a = event("e1", "SANCTION", 4, "2024-11-04", List.of(dkpp), List.of(), Modality.ASSERTED, null);
        Event b = event("e2", "SANCTION", 4, "2024-11-05", List.of(), List.of(dkpp), Modality.ASSERTED, null);
        List<Story> stories = StoryLinker.defaults().link(List.of(report("A", "x.id", "2024-11-04", a, STRIKE),
                report("B", "y.id", "2024-11-05", b, STRIKE_2)));
        assertThat(articleGroups(stories)).containsExactly(Set.of("A", "B"));
    }
}
