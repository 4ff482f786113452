package org.warta.number;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.warta.TestPipelines;
import org.warta.model.Event;

class EventSizerTest {
    private static List<Event> events(String body) {
        return TestPipelines.code("Judul berita", body).events();
    }

    @Test
    void troopsOfADeployment() {
        List<Event> es = events("Rusia mengerahkan 10.000 tentara ke perbatasan Ukraina.");
        assertThat(es).filteredOn(e -> e.type().equals("MOBILIZE")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.size()).containsEntry("troops", 10_000L));
    }

    @Test
    void deadAndInjuredOfAnAttack() {
        List<Event> es = events("Pasukan Israel menyerang kamp pengungsi Palestina dan menewaskan 12 orang, sementara 30 orang luka-luka.");
        assertThat(es).filteredOn(e -> e.type().equals("ASSAULT")).isNotEmpty().allSatisfy(e -> {
            assertThat(e.size()).containsEntry("dead", 12L);
            assertThat(e.size()).doesNotContainKey("troops");
        });
    }

    @Test
    void aYearIsNoSize() {
        List<Event> es = events("Rusia mengerahkan pasukan ke Krimea pada 2014.");
        assertThat(es).filteredOn(e -> e.type().equals("MOBILIZE")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.size()).isEmpty());
    }
}
