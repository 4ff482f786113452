package org.warta.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warta.kb.KnowledgeBase;
import org.warta.lang.DataFileException;

class PlaceGazetteerTest {
    static final KnowledgeBase KB = KnowledgeBase.load(List.of());
    static final PlaceGazetteer G = PlaceGazetteer.load(KB, List.of());

    @Test
    void keysIgnoreCaseAndPunctuationAndJoinInitials() {
        assertThat(PlaceGazetteer.key("Washington, D. C.")).isEqualTo("washington dc");
        assertThat(PlaceGazetteer.key("Washington DC")).isEqualTo("washington dc");
        assertThat(PlaceGazetteer.key("  Jawa   Barat ")).isEqualTo("jawa barat");
        assertThat(PlaceGazetteer.key("Guinea-Bissau")).isEqualTo("guinea-bissau");
    }

    @Test
    void aCapitalOfTheKnowledgeBaseIsItsCityWithCoordinates() {
        PlaceGazetteer.Place p = G.best("Washington", Set.of());
        assertThat(p.country()).isEqualTo("USA");
        assertThat(p.level()).isEqualTo(PlaceGazetteer.Level.CITY);
        assertThat(p.lat()).isBetween(38.8, 39.0);
        assertThat(p.lon()).isBetween(-77.1, -76.9);
        assertThat(G.best("Washington DC", Set.of()).country()).isEqualTo("USA");
        assertThat(G.best("Moskow", Set.of()).country()).isEqualTo("RUS");
    }

    @Test
    void countriesWinOverNamesakes() {
        assertThat(G.best("Georgia", Set.of("USA")).level()).isEqualTo(PlaceGazetteer.Level.COUNTRY);
        assertThat(G.best("Rusia", Set.of()).country()).isEqualTo("RUS");
        assertThat(G.best("Korea Utara", Set.of()).country()).isEqualTo("PRK");
    }

    @Test
    void indonesianProvincesKabupatenAndKota() {
        PlaceGazetteer.Place jabar = G.best("Jawa Barat", Set.of());
        assertThat(jabar.level()).isEqualTo(PlaceGazetteer.Level.ADMIN1);
        assertThat(jabar.admin1()).isEqualTo("ID.30");
        assertThat(jabar.name()).isEqualTo("West Java");
        PlaceGazetteer.Place kab = G.best("Kabupaten Bogor", Set.of());
        assertThat(kab.level()).isEqualTo(PlaceGazetteer.Level.ADMIN2);
        assertThat(kab.admin1Name()).isEqualTo("West Java");
        PlaceGazetteer.Place kota = G.best("Kota Bandung", Set.of());
        assertThat(kota.country()).isEqualTo("IDN");
        assertThat(kota.lat()).isNotNull();
        assertThat(G.best("DKI Jakarta", Set.of()).admin1()).isEqualTo("ID.04");
    }

    @Test
    void contextPicksTheNamesakeInTheArticlesCountry() {
        assertThat(G.best("Hyderabad", Set.of()).country()).isEqualTo("IND");
        assertThat(G.best("Hyderabad", Set.of("PAK")).country()).isEqualTo("PAK");
    }

    @Test
    void wordsListedAsNotPlacesAreNoPlaces() {
        assertThat(G.best("Central", Set.of())).isNull();
        assertThat(G.best("Anda", Set.of())).isNull();
    }

    @Test
    void aBadUserRowNamesFileAndLine(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("geo"));
        Files.writeString(dir.resolve("geo/id-regions.tsv"), "code\tkind\tname\tadmin1\n9999\tdesa\tContoh\t30\n");
        assertThatThrownBy(() -> PlaceGazetteer.load(KB, List.of(dir)))
                .isInstanceOf(DataFileException.class).hasMessageContaining("id-regions.tsv").hasMessageContaining("2");
    }

    @Test
    void userPlacesAreAdded(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("geo"));
        Files.writeString(dir.resolve("geo/id-regions.tsv"), "code\tkind\tname\tadmin1\n9999\tkabupaten\tContoh Baru\t30\n");
        assertThat(PlaceGazetteer.load(KB, List.of(dir)).best("Kabupaten Contoh Baru", Set.of()).admin1()).isEqualTo("ID.30");
    }
}
