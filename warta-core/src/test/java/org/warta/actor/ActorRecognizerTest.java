package org.warta.actor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.warta.TestPipelines;
import org.warta.model.Doc;
import org.warta.model.EntityMention;

class ActorRecognizerTest {
    private static EntityMention find(Doc doc, String text) {
        return doc.entities().stream().filter(m -> m.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no mention '" + text + "' in " + doc.entities()));
    }

    @Test
    void countriesAbbreviationsAndCapitalsGetPloverCodes() {
        Doc doc = TestPipelines.code("Judul", "Jepang bertemu RI dan Tiongkok di Canberra pekan ini.").doc();
        assertThat(find(doc, "Jepang").actor().code()).isEqualTo("JPN");
        assertThat(find(doc, "RI").actor().code()).isEqualTo("IDN");
        assertThat(find(doc, "Tiongkok").actor().code()).isEqualTo("CHN");
        assertThat(find(doc, "Canberra").actor().code()).isEqualTo("AUS");
    }

    @Test
    void hyphenatedPairsAreTwoActors() {
        Doc doc = TestPipelines.code("Jepang-Filipina Perkuat Hubungan", "Isi.").doc();
        assertThat(doc.entities()).extracting(m -> m.actor().code()).contains("JPN", "PHL");
    }

    @Test
    void groupNounWithCountryIsThatCountrysSector() {
        Doc doc = TestPipelines.code("Judul", "Kemarin 500 tentara Filipina tiba di pulau itu.").doc();
        EntityMention m = doc.entities().stream().filter(e -> e.text().contains("tentara Filipina")).findFirst().orElseThrow();
        assertThat(m.actor().code()).isEqualTo("PHL");
        assertThat(m.actor().sector()).isEqualTo("MIL");
        assertThat(m.text()).startsWith("500");
    }

    @Test
    void rolePhraseGivesAnUnknownPersonCountryAndSector() {
        Doc doc = TestPipelines.code("Judul", "Hal itu disampaikan duta besar Chile untuk PBB Budi Contohnama kemarin.").doc();
        EntityMention m = doc.entities().stream().filter(e -> e.kind() == EntityMention.Kind.PERSON).findFirst().orElseThrow();
        assertThat(m.actor().code()).isEqualTo("CHL");
        assertThat(m.actor().sector()).isEqualTo("GOV");
        assertThat(m.actor().name()).isEqualTo("Budi Contohnama");
    }

    @Test
    void shortNamesAndPronounsFollowTheFullName() {
        Doc doc = TestPipelines.code("Judul",
                "Menteri Luar Negeri Chile Budi Contohnama tiba di Jakarta. Contohnama mengatakan ia senang.").doc();
        List<EntityMention> people = doc.entities().stream()
                .filter(e -> e.actor() != null && "Budi Contohnama".equals(e.actor().name())).toList();
        assertThat(people).extracting(EntityMention::text).contains("Contohnama", "ia");
    }

    @Test
    void roleWithoutNameTakesThePersonOfThatOfficeInTheArticle() {
        Doc doc = TestPipelines.code("Judul",
                "Menteri Pertahanan Chile Budi Contohnama tiba. Kemudian menteri pertahanan Chile itu berbicara.").doc();
        assertThat(doc.entities()).filteredOn(e -> e.text().equalsIgnoreCase("menteri pertahanan Chile"))
                .allMatch(e -> "Budi Contohnama".equals(e.actor().name()));
    }

    @Test
    void aCurrencyAfterACountryNameIsNoActor() {
        Doc doc = TestPipelines.code("Judul", "Harganya lima dollar AS per barel.").doc();
        assertThat(doc.entities()).noneMatch(e -> e.text().equals("AS"));
    }

    @Test
    void unknownHolderOfAnOfficeOfOneCountryGetsThatCountry() {
        Doc doc = TestPipelines.code("Judul", "Bupati Contohkarta Budi Contohnama meresmikan jembatan baru.").doc();
        EntityMention m = doc.entities().stream().filter(e -> e.text().startsWith("Bupati")).findFirst().orElseThrow();
        assertThat(m.actor().code()).isEqualTo("IDN");
        assertThat(m.actor().sector()).isEqualTo("GOV");
        assertThat(m.actor().name()).endsWith("Contohnama");
    }

    @Test
    void unknownNamesAreKeptNotDropped() {
        Doc doc = TestPipelines.code("Judul",
                "Budi Contohnama mengunjungi Universitas Contohkarta di Kabupaten Contohsari, Senin.").doc();
        assertThat(doc.entities()).anyMatch(e -> e.kind() == EntityMention.Kind.PERSON && e.text().equals("Budi Contohnama")
                && "Budi Contohnama".equals(e.actor().name()));
        assertThat(doc.entities()).anyMatch(e -> e.kind() == EntityMention.Kind.ORGANISATION && e.text().startsWith("Universitas")
                && "EDU".equals(e.actor().sector()));
    }

    @Test
    void englishCapitalisedNamesWithASectorWordOrAnHonorific() {
        Doc doc = TestPipelines.code("The minister and the students",
                "On Monday Mr John Examplename met the students of Exampletown University, who said that they were happy with the visit.").doc();
        assertThat(doc.entities()).anyMatch(e -> e.kind() == EntityMention.Kind.PERSON && e.text().equals("John Examplename"));
        assertThat(doc.entities()).anyMatch(e -> e.kind() == EntityMention.Kind.ORGANISATION
                && e.text().equals("Exampletown University") && "EDU".equals(e.actor().sector()));
    }

    @Test
    void aCountryEndingTheTitleDoesNotJoinAnOfficeStartingTheLead() {
        Doc doc = TestPipelines.code("Kunjungan ke Rusia", "Menteri Pertahanan Chile tiba kemarin.").doc();
        assertThat(doc.entities()).anyMatch(e -> e.text().equals("Rusia") && "RUS".equals(e.actor().code()));
        assertThat(doc.entities()).noneMatch(e -> e.text().contains("\n"));
    }

    @Test
    void gazetteerMatchesInsideHyphenatedWords() {
        Doc doc = TestPipelines.code("Judul", "Kunjungan ke-Rusia dan kerja sama Rusia-Korut dibahas.").doc();
        assertThat(doc.entities()).filteredOn(e -> e.actor() != null && e.actor().code() != null)
                .extracting(e -> e.actor().code()).contains("RUS", "PRK");
    }
}
