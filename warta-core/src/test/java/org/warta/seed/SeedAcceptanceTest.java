package org.warta.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warta.seed.SeedSupport.charToCp;
import static org.warta.seed.SeedSupport.codeText;
import static org.warta.seed.SeedSupport.cpSubstring;
import static org.warta.seed.SeedSupport.normalizeSpace;
import static org.warta.seed.SeedSupport.signature;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warta.model.Actor;
import org.warta.model.Article;
import org.warta.model.Event;
import org.warta.model.EventMention;
import org.warta.model.Modality;
import org.warta.model.Page;
import org.warta.model.Sentence;
import org.warta.pipeline.Pipeline;

/**
 * The acceptance points of issue 2 on the seed article ({@code ../shared/seed/000_19298bd37c9aef41.txt},
 * read at run time, processing date 2026-11-27), one test method each. Events are looked for by their
 * properties, never by position, so unrelated extra events do not break these tests.
 */
class SeedAcceptanceTest {
    private String source;
    private Pipeline.Result result;

    @BeforeEach
    void code() {
        source = SeedSupport.seedSource();
        result = codeText("000_19298bd37c9aef41.txt", source);
    }

    // ------------------------------------------------------------------ helpers

    private static Set<String> codes(Collection<Actor> actors) {
        return actors.stream().map(Actor::code).collect(Collectors.toCollection(HashSet::new));
    }

    private List<Event> events(String type, Predicate<Event> p) {
        return result.events().stream().filter(e -> type.equals(e.type())).filter(p).toList();
    }

    private String all() {
        return result.events().stream().map(SeedSupport::signature).collect(Collectors.joining("\n  ", "events:\n  ", ""));
    }

    private static boolean attributedToName(Event e, String name) {
        return e.mentions().stream().anyMatch(m -> m.attribution() != null && name.equals(m.attribution().name()));
    }

    private static boolean attributedToCode(Event e, String code) {
        return e.mentions().stream().anyMatch(m -> m.attribution() != null && code.equals(m.attribution().code()));
    }

    // ------------------------------------------------------------------ events

    /**
     * REQUEST, actor ⊇ {USA, KOR}, recipient ⊇ {PRK}, 2024-10-30, asserted: one event with mentions in the
     * title, the lead and Austin's quoted call.
     */
    @Test
    void usAndSouthKoreaAskNorthKoreaToWithdraw() {
        String text = result.article().text();
        int cue = text.indexOf("Lloyd Austin");
        assertThat(cue).as("'Lloyd Austin' in the article text").isGreaterThan(0);
        Sentence quoteSentence = result.doc().sentenceAt(cue);
        assertThat(quoteSentence).as("sentence of 'Lloyd Austin'").isNotNull();
        // the quote is the text before the closing quotation mark that precedes "kata Menteri Pertahanan AS Lloyd Austin"
        int kata = text.lastIndexOf("kata", cue);
        int close = Math.max(text.lastIndexOf('”', kata), text.lastIndexOf('"', kata));
        assertThat(close).as("closing quotation mark before the speech cue").isGreaterThanOrEqualTo(quoteSentence.start());
        int open = Math.max(quoteSentence.start(), Math.max(text.lastIndexOf('“', close - 1) + 1, text.lastIndexOf('"', close - 1) + 1));
        int quoteStart = open, quoteEnd = close;

        List<Event> found = events("REQUEST", e -> codes(e.actor()).containsAll(Set.of("USA", "KOR"))
                && codes(e.recipient()).contains("PRK"));
        assertThat(found).as(all()).hasSize(1);
        Event e = found.get(0);
        assertThat(e.date()).isEqualTo("2024-10-30");
        assertThat(e.modality()).isEqualTo(Modality.ASSERTED);
        assertThat(e.mentions()).extracting(EventMention::modality).containsOnly(Modality.ASSERTED);
        assertThat(e.mentions()).as("a mention in the title").anyMatch(m -> m.sentence() == 0);
        assertThat(e.mentions()).as("a mention in the lead").anyMatch(m -> m.sentence() == 1);
        assertThat(e.mentions()).as("a mention inside Austin's quote [%d, %d) of sentence %d", quoteStart, quoteEnd,
                        quoteSentence.index())
                .anyMatch(m -> m.sentence() == quoteSentence.index()
                        && m.triggerStart() >= quoteStart && m.triggerEnd() <= quoteEnd
                        && m.attribution() != null && "Lloyd Austin".equals(m.attribution().name()));
    }

    /** MOBILIZE, actor PRK (MIL), location RUS, size 10,000 troops, a mention attributed to the USA. */
    @Test
    void northKoreanTroopsDeployedToRussia() {
        List<Event> found = events("MOBILIZE", e -> codes(e.actor()).equals(Set.of("PRK"))
                && e.actor().stream().anyMatch(a -> "MIL".equals(a.sector())));
        assertThat(found).as(all()).isNotEmpty();
        assertThat(found).as(all()).anySatisfy(e -> {
            assertThat(e.location()).isNotNull();
            assertThat(e.location().country()).isEqualTo("RUS");
            assertThat(e.size()).containsEntry("troops", 10000L);
            assertThat(attributedToCode(e, "USA")).as("a mention attributed to USA").isTrue();
        });
    }

    /** AID, actor RUS, recipient PRK, attributed to Lloyd Austin. */
    @Test
    void russiaEquipsNorthKoreanTroops() {
        List<Event> found = events("AID", e -> codes(e.actor()).equals(Set.of("RUS"))
                && codes(e.recipient()).equals(Set.of("PRK")) && attributedToName(e, "Lloyd Austin"));
        assertThat(found).as(all()).isNotEmpty();
    }

    /** ASSAULT, actor ⊇ {PRK}, recipient ⊇ {UKR}, future or hypothetical, never asserted, one mention by Kyslytsya. */
    @Test
    void expectedFightingAgainstUkraineIsNotAsserted() {
        List<Event> found = events("ASSAULT", e -> codes(e.actor()).contains("PRK") && codes(e.recipient()).contains("UKR"));
        assertThat(found).as(all()).isNotEmpty();
        for (Event e : found) {
            assertThat(e.modality()).as(signature(e)).isIn(Modality.FUTURE, Modality.HYPOTHETICAL);
            assertThat(e.mentions()).as(signature(e)).extracting(EventMention::modality)
                    .doesNotContain(Modality.ASSERTED);
        }
        assertThat(found).as("a mention attributed to Sergiy Kyslytsya; " + all())
                .anyMatch(e -> attributedToName(e, "Sergiy Kyslytsya"));
    }

    /** REQUEST, actor PRK, recipient RUS, hypothetical, attributed to Kim Yong-hyun. */
    @Test
    void northKoreaMayAskRussiaForTechnology() {
        List<Event> found = events("REQUEST", e -> codes(e.actor()).equals(Set.of("PRK"))
                && codes(e.recipient()).equals(Set.of("RUS")));
        assertThat(found).as(all()).isNotEmpty();
        assertThat(found).as(all()).anyMatch(e -> e.modality() == Modality.HYPOTHETICAL
                && attributedToName(e, "Kim Yong-hyun"));
    }

    /** REQUEST, actor ⊇ {USA, UKR}, recipient ⊇ {KOR}: Washington and Kyiv ask Seoul to reconsider. */
    @Test
    void washingtonAndKyivAskSeoul() {
        List<Event> found = events("REQUEST", e -> codes(e.actor()).containsAll(Set.of("USA", "UKR"))
                && codes(e.recipient()).contains("KOR"));
        assertThat(found).as(all()).isNotEmpty();
    }

    // ------------------------------------------------------------------ page and offsets

    /** No mention's source range overlaps the page footer (from "Berikan Komentar:" to the end). */
    @Test
    void noMentionInThePageFooter() {
        int footer = SeedSupport.footerStart(source);
        assertThat(footer).as("footer line in the seed").isPositive();
        assertThat(source.indexOf("Exit mobile version")).isGreaterThan(footer);
        int footerCp = charToCp(source, footer);
        int endCp = charToCp(source, source.length());
        assertThat(result.events()).isNotEmpty();
        for (Event e : result.events()) {
            for (EventMention m : e.mentions()) {
                assertThat(m.sourceStart()).as("source start of %s in %s", m.trigger(), e.type()).isBetween(0, footerCp);
                assertThat(m.sourceEnd()).as("source end of %s in %s (footer is [%d, %d))", m.trigger(), e.type(),
                        footerCp, endCp).isBetween(m.sourceStart(), footerCp);
            }
        }
    }

    /** Nor does any mention reach into the trailing editor initials ("***kps/mpc/bs" after the last sentence). */
    @Test
    void noMentionInTheEditorInitials() {
        int initials = source.indexOf("kps/mpc/bs");
        assertThat(initials).as("editor initials in the seed").isPositive();
        while (initials > 0 && source.charAt(initials - 1) == '*') initials--;
        int fromCp = charToCp(source, initials);
        int toCp = charToCp(source, source.indexOf("kps/mpc/bs") + "kps/mpc/bs".length());
        for (Event e : result.events()) {
            for (EventMention m : e.mentions()) {
                assertThat(m.sourceEnd() <= fromCp || m.sourceStart() >= toCp)
                        .as("mention %s [%d, %d) of %s overlaps the editor initials [%d, %d)", m.trigger(),
                                m.sourceStart(), m.sourceEnd(), e.type(), fromCp, toCp)
                        .isTrue();
            }
        }
    }

    @Test
    void articleRecord() {
        Article a = result.article();
        assertThat(a.title()).isEqualTo("AS-Korsel Minta Korut agar Tarik Pasukannya dari Rusia");
        assertThat(a.outlet()).isEqualTo("MedanPunya");
        assertThat(a.dateline()).isEqualTo("Washington DC");
        assertThat(a.published()).isEqualTo("2024-10-30");
        assertThat(a.publishedInferred()).as("the year is inferred").isTrue();
        assertThat(a.text()).doesNotContain("Berikan Komentar").doesNotContain("Exit mobile version")
                .doesNotContain("kps/mpc/bs");
        assertThat(a.editors()).contains("kps");
    }

    /** Two independent pipelines give the same event ids, and the ids are distinct. */
    @Test
    void eventIdsAreStable() throws Exception {
        List<String> first = result.events().stream().map(Event::id).toList();
        List<String> second = SeedSupport.freshPipeline().code(Page.text("000_19298bd37c9aef41.txt", source), SeedSupport.AS_OF)
                .events().stream().map(Event::id).toList();
        assertThat(first).isNotEmpty().doesNotContainNull().doesNotHaveDuplicates();
        assertThat(second).containsExactlyElementsOf(first);
    }

    /**
     * Every mention's source range maps back onto the source file: whitespace-normalised, the source text of
     * the range equals the article text of the mention's span, the trigger lies inside it, and the trigger
     * span maps onto the same words in the source.
     */
    @Test
    void mentionOffsetsMapBackToTheSource() {
        Article a = result.article();
        String text = a.text();
        assertThat(result.events()).isNotEmpty();
        for (Event e : result.events()) {
            for (EventMention m : e.mentions()) {
                String where = e.type() + " / " + m.trigger() + " in sentence " + m.sentence();
                String src = normalizeSpace(cpSubstring(source, m.sourceStart(), m.sourceEnd()));
                String art = normalizeSpace(text.substring(m.start(), m.end()));
                assertThat(src).as("source range of %s", where).isEqualTo(art);
                String trig = normalizeSpace(text.substring(m.triggerStart(), m.triggerEnd()));
                assertThat(m.triggerStart()).as(where).isBetween(m.start(), m.end());
                assertThat(m.triggerEnd()).as(where).isBetween(m.triggerStart(), m.end());
                assertThat(src).as("trigger of %s inside its source range", where).contains(trig);
                String srcTrig = normalizeSpace(cpSubstring(source, a.sourceOffset(m.triggerStart()),
                        a.sourceEndOffset(m.triggerEnd())));
                assertThat(srcTrig).as("trigger span of %s in the source", where).isEqualTo(trig);
                assertThat(normalizeSpace(m.trigger()).toLowerCase()).as("trigger word of %s", where)
                        .startsWith(trig.toLowerCase().split(" ")[0]);
            }
        }
    }
}
