package org.warta.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warta.lang.DataFileException;

class KnowledgeBaseTest {
    private static final KnowledgeBase KB = KnowledgeBase.load(List.of());

    @Test
    void everyCountryUsesPloverCodes() {
        assertThat(KB.countries()).hasSizeGreaterThan(190);
        for (KnowledgeBase.Country c : KB.countries()) assertThat(c.code()).matches("[A-Z]{3}");
        assertThat(KB.country("KOS")).isPresent();
        assertThat(KB.country("USA").orElseThrow().nameId()).isEqualTo("Amerika Serikat");
    }

    @Test
    void everyPersonNamesASourceOrIsMarkedUnverifiedWithADate() {
        int people = 0;
        for (List<KnowledgeBase.Person> terms : KB.people())
            for (KnowledgeBase.Person p : terms) {
                people++;
                assertThat(p.source()).as(p.name()).matches("unverified|https?://\\S+");
                assertThat(p.checked()).as(p.name()).isNotNull();
            }
        assertThat(people).isGreaterThan(100);
    }

    @Test
    void officeHoldersAreFoundByDate() {
        List<KnowledgeBase.Person> hs = KB.holders("defence_minister", "USA", LocalDate.of(2024, 10, 30));
        assertThat(hs).extracting(KnowledgeBase.Person::name).contains("Lloyd Austin");
    }

    @Test
    void aUserEntryWithABadCodeFailsNamingFileAndLine(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("kb"));
        Files.writeString(dir.resolve("kb/organisations.tsv"),
                "id\tcode\tsector\tname\twikidata\taliases\nmy-org\tXXX\tGOV\tMy Org\t\tMO\n");
        assertThatThrownBy(() -> KnowledgeBase.load(List.of(dir)))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("organisations.tsv:2").hasMessageContaining("XXX");
    }

    @Test
    void userEntriesAreAdded(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("kb"));
        Files.writeString(dir.resolve("kb/organisations.tsv"),
                "id\tcode\tsector\tname\twikidata\taliases\nfront-x\tIDN\tCVL\tFront Contoh\t\tFCX\n");
        KnowledgeBase kb = KnowledgeBase.load(List.of(dir));
        assertThat(kb.organisation("front-x")).isPresent();
        assertThat(kb.names()).anyMatch(n -> n.text().equals("FCX"));
    }
}
