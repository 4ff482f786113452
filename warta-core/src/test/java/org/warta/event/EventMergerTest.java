package org.warta.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.warta.TestPipelines;
import org.warta.model.Event;

class EventMergerTest {
    @Test
    void mentionsOfTheSameActMergeIntoOneEvent() {
        List<Event> es = TestPipelines.code("Jepang Desak Tiongkok Hentikan Latihan",
                "Jepang pada Senin mendesak Tiongkok agar menghentikan latihan militer.").events();
        List<Event> req = es.stream().filter(e -> e.type().equals("REQUEST")).toList();
        assertThat(req).hasSize(1);
        assertThat(req.get(0).mentions()).extracting(m -> m.sentence()).containsExactly(0, 1);
    }

    @Test
    void differentRecipientsStaySeparate() {
        List<Event> es = TestPipelines.code("Judul",
                "Jepang mendesak Tiongkok menghentikan latihan. Jepang juga mendesak Rusia menghentikan latihan.").events();
        assertThat(es.stream().filter(e -> e.type().equals("REQUEST"))).hasSize(2);
    }

    @Test
    void differentModalitiesStaySeparate() {
        List<Event> es = TestPipelines.code("Judul", "Jepang menyerang Filipina. Jepang akan menyerang Filipina lagi.").events();
        assertThat(es.stream().filter(e -> e.type().equals("ASSAULT"))).hasSize(2);
    }

    @Test
    void idsAreStable() {
        String body = "Jepang menyerang Filipina.";
        assertThat(TestPipelines.code("Judul", body).events().get(0).id())
                .isEqualTo(TestPipelines.code("Judul", body).events().get(0).id());
    }
}
