package org.warta.place;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.warta.TestPipelines;
import org.warta.model.Doc;
import org.warta.model.PlaceMention;

class PlaceRecognizerTest {
    private static Doc doc(String title, String body) {
        return TestPipelines.code(title, body).doc();
    }

    @Test
    void aCityNameInsideAPersonsNameIsNoPlace() {
        Doc d = doc("Judul berita", "Deputi Penindakan Budi Guntur Rahayu mengatakan hal itu kepada wartawan.");
        assertThat(d.places()).extracting(PlaceMention::text).doesNotContain("Guntur");
    }

    @Test
    void aPlaceInsideAProductNameIsNoPlace() {
        Doc d = doc("Harga minyak", "Harga minyak mentah West Texas Intermediate naik dua persen.");
        assertThat(d.places()).isEmpty();
    }

    @Test
    void aSmallForeignTownWithoutPrepositionIsNoPlace() {
        Doc d = doc("Saham Bank Naik", "Saham bank naik tajam pada perdagangan hari ini.");
        assertThat(d.places()).isEmpty();
    }

    @Test
    void aPrepositionMakesEvenASmallTownAPlace() {
        Doc d = doc("Judul berita", "Warga berunjuk rasa di Negara, Bali.");
        assertThat(d.places()).extracting(PlaceMention::text).contains("Negara", "Bali");
    }

    @Test
    void countriesNeedNoPreposition() {
        Doc d = doc("Judul berita", "Indonesia dan Malaysia menandatangani kesepakatan.");
        assertThat(d.places()).extracting(p -> p.place().country()).containsExactly("IDN", "MYS");
    }
}
