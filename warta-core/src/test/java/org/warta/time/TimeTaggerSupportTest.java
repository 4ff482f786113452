package org.warta.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warta.lang.DataFileException;
import org.warta.lang.Languages;
import org.warta.model.Doc;
import org.warta.model.TimeExpr;

class TimeTaggerSupportTest {
    @Test
    void dateInReturnsTheFirstCalendarDateInTheRange() {
        String text = "Saat ini warga cemas. Kapal tiba Senin (10/3) pagi dan berangkat 12 Maret 2025.";
        Doc d = TimeTestSupport.doc(text, "id", "2025-03-12", LocalDate.parse("2030-01-01"));
        new TimeTagger(TimeTestSupport.LANGS).process(d);
        Optional<TimeExpr> first = TimeTagger.dateIn(d, 0, text.length());
        assertThat(first).isPresent();
        assertThat(first.get().type()).isEqualTo("DATE");
        assertThat(first.get().value()).isEqualTo("2025-03-10");
        int second = text.indexOf("12 Maret");
        assertThat(TimeTagger.dateIn(d, second, text.length())).get().extracting(TimeExpr::value).isEqualTo("2025-03-12");
        assertThat(TimeTagger.dateIn(d, 0, 20)).isEmpty();
    }

    @Test
    void unknownLanguageIsAWarningNotAFailure() {
        Doc d = TimeTestSupport.doc("kemarin", "xx", null, LocalDate.parse("2030-01-01"));
        new TimeTagger(TimeTestSupport.LANGS).process(d);
        assertThat(d.times()).isEmpty();
        assertThat(d.warnings()).anyMatch(w -> w.contains("xx"));
    }

    @Test
    void userDataExtendsAndBadRowsNameFileAndLine(@TempDir Path dir) throws IOException {
        Path lang = Files.createDirectories(dir.resolve("lang/id"));
        Files.writeString(lang.resolve("time-relative.tsv"), "phrase\ttype\tvalue\ntulat\tDATE\tD+3\n");
        Doc d = TimeTestSupport.doc("Sidang digelar tulat.", "id", "2025-03-12", LocalDate.parse("2030-01-01"));
        new TimeTagger(new Languages(List.of(dir))).process(d);
        assertThat(d.times()).extracting(TimeExpr::value).containsExactly("2025-03-15");

        Files.writeString(lang.resolve("months.tsv"), "month\tnames\tabbreviations\n# comment\n13\tBulanbaru\t\n");
        Doc e = TimeTestSupport.doc("x", "id", null, LocalDate.parse("2030-01-01"));
        assertThatThrownBy(() -> new TimeTagger(new Languages(List.of(dir))).process(e))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("months.tsv:3");
    }
}
