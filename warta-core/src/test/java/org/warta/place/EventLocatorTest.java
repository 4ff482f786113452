package org.warta.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.warta.TestPipelines;
import org.warta.model.Article;
import org.warta.model.Doc;
import org.warta.model.EntityMention;
import org.warta.model.Event;
import org.warta.model.PlaceMention;

class EventLocatorTest {
    private static Doc doc(String body) {
        return TestPipelines.code("Judul berita", body).doc();
    }

    private static Event only(Doc d, String type) {
        List<Event> l = d.events().stream().filter(e -> e.type().equals(type)).toList();
        assertThat(l).as("events of type " + type + " in " + d.events()).hasSize(1);
        return l.get(0);
    }

    @Test
    void placesAreRecognisedWithTheirPreposition() {
        Doc d = doc("Presiden Jokowi berkunjung ke Medan, Sumatera Utara, lalu pulang dari Surabaya.");
        assertThat(d.places()).extracting(PlaceMention::text).contains("Medan", "Sumatera Utara", "Surabaya");
        PlaceMention medan = d.places().stream().filter(p -> p.text().equals("Medan")).findFirst().orElseThrow();
        assertThat(medan.preposition()).isEqualTo("ke");
        assertThat(medan.place().admin1()).isEqualTo("ID.26");
        assertThat(medan.place().resolution()).isEqualTo("city");
        assertThat(d.places().stream().filter(p -> p.text().equals("Surabaya")).findFirst().orElseThrow().preposition())
                .isEqualTo("dari");
    }

    @Test
    void theEventsPlaceIsThePlaceAfterAPrepositionOfPlace() {
        Event e = only(doc("Pasukan Jepang menyerang tentara Filipina di kota Zamboanga."), "ASSAULT");
        assertThat(e.location().country()).isEqualTo("PHL");
        assertThat(e.location().text()).isEqualTo("Zamboanga");
        assertThat(e.location().lat()).isNotNull();
    }

    @Test
    void aPlaceOfOriginIsNotTheLocation() {
        Event e = only(doc("Sebuah paragraf pembuka.\n\nKorea Utara menarik pasukannya dari Rusia pekan lalu."), "RETREAT");
        assertThat(e.location()).isNull();
    }

    @Test
    void theDatelineLocatesOnlyTheLeadsEventsWithoutAPlace() {
        String text = "Judul berita\n\nIndonesia mengecam Israel atas serangan itu.\n\nMenteri Luar Negeri Malaysia juga mengecam Israel.";
        Article a = new Article("a1", "t.txt", null, null, "Kompas", "Judul berita", text, "id", "2026-11-20", "day", false,
                "Jakarta", null, null, null);
        Doc d = TestPipelines.pipeline().code(a, TestPipelines.AS_OF).doc();
        List<Event> accuse = d.events().stream().filter(e -> e.type().equals("ACCUSE")).toList();
        assertThat(accuse).isNotEmpty();
        for (Event e : accuse) {
            if (e.mentions().get(0).sentence() == 1) assertThat(e.location().country()).isEqualTo("IDN");
            else assertThat(e.location()).isNull();
        }
    }

    @Test
    void englishPlacesInsideAGroupPhraseStillLocate() {
        Doc d = TestPipelines.code("Protesters clash with police",
                "Police arrested 25 protesters in Paris on Saturday after thousands of demonstrators marched through the city, "
                        + "officials said.").doc();
        Event e = only(d, "COERCE");
        assertThat(e.location().country()).isEqualTo("FRA");
        assertThat(e.location().resolution()).isEqualTo("city");
        assertThat(e.size()).containsEntry("arrested", 25L);
    }

    @Test
    void aPlaceBeforeAnAccordingToSourceStillLocatesTheReportedAct() {
        Doc d = doc("Sebuah paragraf pembuka.\n\nDi kota Surabaya, menurut juru bicara Kepolisian Daerah Jawa Timur, "
                + "polisi menangkap tiga pengedar narkoba pada Jumat malam.");
        assertThat(d.quotes()).as("the source makes a quote").anyMatch(q -> "menurut".equalsIgnoreCase(q.cue()));
        Event e = only(d, "COERCE");
        assertThat(e.location()).isNotNull();
        assertThat(e.location().text()).isEqualTo("Surabaya");
        assertThat(e.location().country()).isEqualTo("IDN");
    }

    @Test
    void aPlaceOutsideWhatASpeakerSaysIsNotTheReportedActsPlace() {
        Doc d = doc("Sebuah paragraf pembuka.\n\nDi Jakarta, Menteri Luar Negeri Sugiono mengatakan bahwa tentara Rusia "
                + "menyerang kota Kharkiv kemarin.");
        for (Event e : d.events())
            if (e.type().equals("ASSAULT") && e.location() != null) assertThat(e.location().country()).isNotEqualTo("IDN");
        assertThat(d.events()).extracting(Event::type).contains("ASSAULT");
    }

    @Test
    void aPlaceOnlyTheNameTaggerKnowsLiesInTheCountryOfTheArticlesPlaces() {
        Doc d = TestPipelines.code("Mahasiswa Malaysia berunjuk rasa",
                "Ribuan mahasiswa dari berbagai kampus di Malaysia berunjuk rasa di Lapangan Merdeka pada Sabtu sore.\n\n"
                        + "Polisi kemudian menangkap puluhan mahasiswa di Jalan Tunku Abdul Rahman.").doc();
        assertThat(d.entities()).anyMatch(e -> e.kind() == EntityMention.Kind.PLACE && e.text().equals("Jalan Tunku Abdul Rahman"));
        Event e = only(d, "COERCE");
        assertThat(e.location()).isNotNull();
        assertThat(e.location().text()).isEqualTo("Jalan Tunku Abdul Rahman");
        assertThat(e.location().country()).isEqualTo("MYS");
    }

    @Test
    void anUnlistedPlaceInAnArticleWithNoKnownPlaceStaysUnlocated() {
        Doc d = doc("Sebuah paragraf pembuka.\n\nPolisi kemudian menangkap puluhan mahasiswa di Jalan Tunku Abdul Rahman.");
        assertThat(d.places()).isEmpty();
        assertThat(d.entities()).anyMatch(e -> e.kind() == EntityMention.Kind.PLACE && e.text().equals("Jalan Tunku Abdul Rahman"));
        assertThat(only(d, "COERCE").location()).isNull();
    }
}
