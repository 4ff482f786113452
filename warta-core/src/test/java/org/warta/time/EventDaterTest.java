package org.warta.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.warta.TestPipelines;
import org.warta.model.Event;
import org.warta.model.Page;

class EventDaterTest {
    private static List<Event> events(String text) {
        try {
            return TestPipelines.pipeline().code(Page.text("t.txt", text), TestPipelines.AS_OF).events();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aDateNearTheTriggerDatesTheEvent() {
        List<Event> es = events("Judul\n\nJakarta - Pasukan Jepang menyerang tentara Filipina pada 3 Maret 2025.\n");
        assertThat(es).filteredOn(e -> e.type().equals("ASSAULT")).singleElement().satisfies(e -> {
            assertThat(e.date()).isEqualTo("2025-03-03");
            assertThat(e.datePrecision()).isEqualTo("day");
            assertThat(e.dateInferred()).isFalse();
        });
    }

    @Test
    void anEventWithoutItsOwnDateTakesTheLeadsDayFlagged() {
        List<Event> es = events("Judul\n\nJakarta - Menteri itu berbicara Senin (24/11/2026).\n\n"
                + "Pasukan Jepang menyerang tentara Filipina.\n");
        assertThat(es).filteredOn(e -> e.type().equals("ASSAULT")).singleElement().satisfies(e -> {
            assertThat(e.date()).isEqualTo("2026-11-24");
            assertThat(e.dateInferred()).isTrue();
        });
    }

    @Test
    void aFutureDateInTheSentenceDoesNotDateADoneAct() {
        List<Event> es = events("Judul\n\nPasukan Jepang menyerang tentara Filipina di pulau yang akan dibangun tahun 2032.\n");
        assertThat(es).filteredOn(e -> e.type().equals("ASSAULT")).singleElement()
                .satisfies(e -> assertThat(e.date()).isNotEqualTo("2032"));
    }

    @Test
    void aYearDatesTheEventAtYearPrecision() {
        List<Event> es = events("Judul\n\nPasukan Jepang menyerang tentara Filipina pada tahun 1998.\n");
        assertThat(es).filteredOn(e -> e.type().equals("ASSAULT")).singleElement().satisfies(e -> {
            assertThat(e.date()).isEqualTo("1998");
            assertThat(e.datePrecision()).isEqualTo("year");
        });
    }
}
