package org.warta.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.warta.cli.eval.EventsScorer.GoldDoc;
import org.warta.cli.eval.EventsScorer.GoldEvent;
import org.warta.cli.eval.EventsScorer.GoldSentence;
import org.warta.cli.eval.EventsScorer.PredictedEvent;
import org.warta.cli.eval.EventsScorer.PredictedMention;
import org.warta.cli.eval.EventsScorer.Range;

/** Hand-made gold and predictions, one rule of the events-id scoring per test. */
class EventsScorerTest {
    // sentences [0,50) [51,120) [121,200); chrome [200,240)
    static GoldDoc doc(List<GoldEvent> s0, List<GoldEvent> s1, List<GoldEvent> s2) {
        return new GoldDoc("d", List.of(new GoldSentence(0, 0, 50, s0), new GoldSentence(1, 51, 120, s1),
                new GoldSentence(2, 121, 200, s2)), List.of(new Range(200, 240)));
    }

    static GoldEvent gold(String type, String... actors) {
        return new GoldEvent(type, Arrays.asList(actors), List.of(), "asserted", false, null, null, null, false, null);
    }

    static PredictedMention at(int start, int end) {
        return new PredictedMention(start, end, -1, "asserted", false, null, null);
    }

    static PredictedEvent pred(String type, List<String> actors, PredictedMention... ms) {
        return new PredictedEvent(type, new LinkedHashSet<>(actors), Set.of(), null, null, List.of(ms));
    }

    static ObjectNode score(GoldDoc d, PredictedEvent... ps) {
        EventsScorer s = new EventsScorer();
        s.add(d, List.of(ps));
        return s.result();
    }

    @Test
    void anEventCountsOncePerGoldSentenceItsMentionsOverlap() {
        GoldDoc d = doc(List.of(gold("REQUEST", "USA")), List.of(gold("REQUEST", "USA")), List.of());
        // three mentions: two in sentence 0, one straddling into sentence 1
        ObjectNode r = score(d, pred("REQUEST", List.of("USA"), at(0, 10), at(20, 30), at(45, 60)));
        assertThat(r.path("counts").path("predicted").asInt()).isEqualTo(2);
        assertThat(r.path("counts").path("matched").asInt()).isEqualTo(2);
        assertThat(r.path("event_f1").asDouble()).isEqualTo(1.0);
        assertThat(r.path("precision").asDouble()).isEqualTo(1.0);
        assertThat(r.path("recall").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aMentionInsideAnExcludedSpanIsAFalsePositive() {
        GoldDoc d = doc(List.of(gold("PROTEST", "IDN")), List.of(), List.of());
        ObjectNode r = score(d,
                pred("PROTEST", List.of("IDN"), at(5, 40)),
                pred("PROTEST", List.of("IDN"), at(205, 230)),
                pred("ACCUSE", List.of("IDN"), new PredictedMention(190, 235, 210, "asserted", false, null, null)));
        assertThat(r.path("counts").path("excluded_span_fp").asInt()).isEqualTo(2);
        assertThat(r.path("counts").path("predicted").asInt()).isEqualTo(3);
        assertThat(r.path("counts").path("matched").asInt()).isEqualTo(1);
        assertThat(r.path("precision").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(r.path("recall").asDouble()).isEqualTo(1.0);
        assertThat(r.path("event_f1").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(r.path("confusion").path("NONE").path("ACCUSE").asInt()).isEqualTo(1);
        assertThat(r.path("per_type").path("PROTEST").path("precision").asDouble()).isEqualTo(0.5);
    }

    @Test
    void aMentionOverlappingNoSentenceIsAFalsePositive() {
        GoldDoc d = doc(List.of(), List.of(), List.of());
        ObjectNode r = score(d, pred("AID", List.of(), at(50, 51)));
        assertThat(r.path("counts").path("unaligned_fp").asInt()).isEqualTo(1);
        assertThat(r.path("counts").path("predicted").asInt()).isEqualTo(1);
        assertThat(r.path("event_f1").asDouble()).isEqualTo(0.0);
    }

    @Test
    void matchingIsOneToOneWithinASentence() {
        GoldDoc d = doc(List.of(gold("ACCUSE", "USA")), List.of(), List.of());
        ObjectNode r = score(d, pred("ACCUSE", List.of("USA"), at(0, 10)), pred("ACCUSE", List.of("USA"), at(11, 20)));
        assertThat(r.path("counts").path("matched").asInt()).isEqualTo(1);
        assertThat(r.path("counts").path("predicted").asInt()).isEqualTo(2);
        assertThat(r.path("precision").asDouble()).isEqualTo(0.5);

        // and across sentences nothing matches: a prediction in sentence 1 cannot take sentence 0's gold
        ObjectNode other = score(d, pred("ACCUSE", List.of("USA"), at(60, 70)));
        assertThat(other.path("counts").path("matched").asInt()).isZero();
    }

    @Test
    void greedyMatchingPrefersThePairWhoseActorsAgree() {
        // two golds of one type; the first prediction fits both but the second fits only the first gold
        GoldDoc d = doc(List.of(gold("REQUEST", "USA"), gold("REQUEST", "KOR")), List.of(), List.of());
        ObjectNode r = score(d, pred("REQUEST", List.of("KOR", "USA"), at(0, 10)), pred("REQUEST", List.of("USA"), at(0, 10)));
        assertThat(r.path("counts").path("matched").asInt()).isEqualTo(2);
    }

    @Test
    void actorsMustShareACountryUnlessTheGoldHasNone() {
        GoldDoc d = doc(List.of(gold("ASSAULT", "PRK")), List.of(gold("ASSAULT", (String) null)), List.of(gold("ASSAULT")));
        ObjectNode r = score(d,
                pred("ASSAULT", List.of("RUS"), at(0, 10)),      // wrong country: type only
                pred("ASSAULT", List.of("RUS"), at(60, 70)),     // gold actor without country: any actor
                pred("ASSAULT", List.of(), at(130, 140)));       // gold with no actor at all
        assertThat(r.path("counts").path("matched").asInt()).isEqualTo(2);
        assertThat(r.path("counts").path("type_matched").asInt()).isEqualTo(3);
        assertThat(r.path("type_f1").asDouble()).isEqualTo(1.0);
        assertThat(r.path("event_f1").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(r.path("per_type").path("ASSAULT").path("recall").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void typesMustBeEqualAndTheConfusionTableSaysWhatWasPredicted() {
        GoldDoc d = doc(List.of(gold("REQUEST", "USA")), List.of(gold("SANCTION", "USA")), List.of());
        ObjectNode r = score(d, pred("ACCUSE", List.of("USA"), at(0, 10)));
        assertThat(r.path("counts").path("matched").asInt()).isZero();
        assertThat(r.path("counts").path("type_matched").asInt()).isZero();
        assertThat(r.path("confusion").path("REQUEST").path("ACCUSE").asInt()).isEqualTo(1);
        assertThat(r.path("confusion").path("SANCTION").path("NONE").asInt()).isEqualTo(1);
    }

    @Test
    void actorAndRecipientCountrySetF1IsMicroOverMatchedPairs() {
        GoldEvent g1 = new GoldEvent("REQUEST", Arrays.asList("USA", "KOR"), Arrays.asList("PRK"), "asserted", false, null, null, null, false, null);
        GoldEvent g2 = new GoldEvent("AID", Arrays.asList("RUS"), Arrays.asList("PRK", null), "asserted", false, null, null, null, false, null);
        GoldDoc d = doc(List.of(g1), List.of(g2), List.of());
        PredictedEvent p1 = new PredictedEvent("REQUEST", Set.of("USA"), Set.of("PRK", "RUS"), null, null, List.of(at(0, 10)));
        PredictedEvent p2 = new PredictedEvent("AID", Set.of("RUS"), Set.of("PRK"), null, null, List.of(at(60, 70)));
        ObjectNode r = score(d, p1, p2);
        // actors: tp 2 (USA, RUS), fp 0, fn 1 (KOR) -> 4/5; recipients: tp 2, fp 1 (RUS), fn 0 -> 4/5
        assertThat(r.path("actor_f1").asDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(r.path("recipient_f1").asDouble()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void modalityAttributionDateAndLocationAccuracies() {
        GoldEvent byName = new GoldEvent("ASSAULT", List.of("PRK"), List.of("UKR"), "future", true, "Sergiy Kyslytsya", "UKR", "2024-11", true, "RUS");
        GoldEvent byCountry = new GoldEvent("MOBILIZE", List.of("PRK"), List.of(), "asserted", true, null, "USA", "2024", true, null);
        GoldEvent plain = new GoldEvent("AID", List.of("RUS"), List.of(), "asserted", false, null, null, "2024-10-30", false, null);
        GoldDoc d = doc(List.of(byName), List.of(byCountry), List.of(plain));
        PredictedEvent p1 = new PredictedEvent("ASSAULT", Set.of("PRK"), Set.of("UKR"), "2024-11-03", "RUS",
                List.of(new PredictedMention(0, 10, -1, "future", true, "sergiy  kyslytsya", "UKR")));
        PredictedEvent p2 = new PredictedEvent("MOBILIZE", Set.of("PRK"), Set.of(), "2024-10-30", "RUS",
                List.of(new PredictedMention(60, 70, -1, "hypothetical", true, "Someone Else", "USA")));
        PredictedEvent p3 = new PredictedEvent("AID", Set.of("RUS"), Set.of(), "2024-10", null,
                List.of(new PredictedMention(130, 140, -1, "asserted", true, "X", "USA")));
        ObjectNode r = score(d, p1, p2, p3);
        assertThat(r.path("counts").path("matched").asInt()).isEqualTo(3);
        // modality: future ok, hypothetical != asserted, asserted ok
        assertThat(r.path("modality_accuracy").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        // attribution: only gold-attributed pairs; by name (case and spacing aside), else by country
        assertThat(r.path("counts").path("attribution_scored").asInt()).isEqualTo(2);
        assertThat(r.path("attribution_accuracy").asDouble()).isEqualTo(1.0);
        // date at the gold's precision: 2024-11-03 ~ 2024-11 ok; 2024-10-30 ~ 2024 ok; 2024-10 vs 2024-10-30 wrong
        assertThat(r.path("counts").path("date_scored").asInt()).isEqualTo(3);
        assertThat(r.path("date_accuracy").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        // location: gold non-null only; RUS ok; gold location without country vs predicted RUS is wrong
        assertThat(r.path("counts").path("location_scored").asInt()).isEqualTo(2);
        assertThat(r.path("location_accuracy").asDouble()).isEqualTo(0.5);
    }

    @Test
    void attributionByNameFailsOnAnotherPersonOfTheSameCountryAndByCountryFailsWithoutAttribution() {
        GoldEvent byName = new GoldEvent("AID", List.of("RUS"), List.of(), "asserted", true, "Lloyd Austin", "USA", null, false, null);
        GoldEvent byCountry = new GoldEvent("AID", List.of("RUS"), List.of(), "asserted", true, null, "USA", null, false, null);
        GoldDoc d = doc(List.of(byName), List.of(byCountry), List.of());
        ObjectNode r = score(d,
                new PredictedEvent("AID", Set.of("RUS"), Set.of(), null, null, List.of(new PredictedMention(0, 10, -1, "asserted", true, "Antony Blinken", "USA"))),
                new PredictedEvent("AID", Set.of("RUS"), Set.of(), null, null, List.of(new PredictedMention(60, 70, -1, "asserted", false, null, null))));
        assertThat(r.path("counts").path("attribution_scored").asInt()).isEqualTo(2);
        assertThat(r.path("attribution_accuracy").asDouble()).isZero();
        assertThat(r.path("counts").path("date_scored").asInt()).isZero();
        assertThat(r.path("date_accuracy").asDouble()).isZero();
    }

    @Test
    void scoresAccumulateOverDocumentsMicro() {
        EventsScorer s = new EventsScorer();
        s.add(doc(List.of(gold("AID", "RUS")), List.of(), List.of()), List.of(pred("AID", List.of("RUS"), at(0, 5))));
        s.add(doc(List.of(gold("AID", "RUS"), gold("REJECT", "IDN")), List.of(), List.of()), List.of());
        ObjectNode r = s.result();
        assertThat(r.path("counts").path("docs").asInt()).isEqualTo(2);
        assertThat(r.path("counts").path("gold").asInt()).isEqualTo(3);
        assertThat(r.path("recall").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(r.path("precision").asDouble()).isEqualTo(1.0);
        assertThat(r.path("event_f1").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(r.path("per_doc")).hasSize(2);
        assertThat(r.path("per_doc").get(1).path("event_f1").asDouble()).isZero();
    }
}
