package org.warta.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.warta.io.Json;

/** The GSR scoring on hand-made records: top-1 type accuracy, code-set F1s, name and code mapping. */
class EventsGsrTest {
    @Test
    void scoresTopOnePerSentenceAndCountsNoEventAsWrong() {
        List<EventsGsr.Scored> s = List.of(
                new EventsGsr.Scored("ASSAULT", Set.of("ISR"), Set.of("PSE"), "ASSAULT", Set.of("ISR"), Set.of("PSE")),
                new EventsGsr.Scored("REQUEST", Set.of("USA"), Set.of(), "ACCUSE", Set.of("USA"), Set.of("RUS")),
                new EventsGsr.Scored("AGREE", Set.of("FRA"), Set.of(), null, Set.of(), Set.of()),
                new EventsGsr.Scored("PROTEST", Set.of(), Set.of(), "PROTEST", Set.of("EGY"), Set.of()));
        ObjectNode o = EventsGsr.score(s);
        assertThat(o.path("type_accuracy").asDouble()).isEqualTo(0.5);
        // actors: tp ISR, USA; fp EGY; fn FRA → 2·2 / (2·2 + 1 + 1)
        assertThat(o.path("actor_f1").asDouble()).isCloseTo(4.0 / 6.0, org.assertj.core.data.Offset.offset(1e-9));
        // recipients: tp PSE; fp RUS → 2 / 3
        assertThat(o.path("recipient_f1").asDouble()).isCloseTo(2.0 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        // events right: sentence 1 (type and actor) and 4 (gold has no actor): precision 2/3, recall 2/4
        assertThat(o.path("event_f1").asDouble()).isCloseTo(2 * (2.0 / 3) * 0.5 / (2.0 / 3 + 0.5), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(o.path("confusion").path("AGREE").path(EventsScorer.NONE).asInt()).isEqualTo(1);
        assertThat(o.path("per_type").path("REQUEST").path("recall").asDouble()).isEqualTo(0.0);
        assertThat(o.path("modality_accuracy").isNull()).isTrue();
    }

    @Test
    void codesAndOldNamesAreMapped() throws Exception {
        Map<String, String> table = Map.of("JAP", "JPN");
        var list = Json.MAPPER.readTree("[{\"code\": \"JAP\"}, {\"code\": \"UNO\"}, {\"code\": null}]");
        assertThat(EventsGsr.codesOf(list, table)).containsExactly("JPN", "IGO");
        assertThat(EventsGsr.codesOf(Json.MAPPER.readTree("\"\""), table)).isEmpty();
        assertThat(EventsGsr.TYPE_MAP).containsEntry("DEMAND", "REQUEST").containsEntry("FIGHT", "ASSAULT")
                .containsEntry("DISAPPROVE", "ACCUSE").containsEntry("INVESTIGATE", "ACCUSE");
    }
}
