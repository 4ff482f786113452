package org.warta.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warta.time.TimeTestSupport.LANGS;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.warta.model.Doc;
import org.warta.model.Sentence;
import org.warta.model.TimeExpr;

class PublicationDaterTest {
    private static final LocalDate AS_OF = LocalDate.parse("2026-11-27");

    private static Doc dated(String text) {
        Doc d = TimeTestSupport.doc(text, "id", null, AS_OF);
        new PublicationDater(LANGS).process(d);
        return d;
    }

    @Test
    void weekdayAndDayMonthGiveAnInferredYear() {
        Doc d = dated("Dua Negara Sepakat Damai\n\nJenewa (Warta) Kedua menteri pada Rabu (30/10) menandatangani nota.\n");
        assertThat(d.article().published()).isEqualTo("2024-10-30");
        assertThat(d.article().publishedPrecision()).isEqualTo("day");
        assertThat(d.article().publishedInferred()).isTrue();
    }

    @Test
    void aWrittenYearIsNotInferred() {
        Doc d = dated("Harga Gandum Turun\n\nCHICAGO, Warta - Harga gandum pada Kamis (27/11/2014) turun tajam.\n");
        assertThat(d.article().published()).isEqualTo("2014-11-27");
        assertThat(d.article().publishedInferred()).isFalse();
    }

    @Test
    void relativeWordsAndLateDatesAreNotUsed() {
        String filler = "Kalimat pengisi tanpa tanggal apa pun di dalamnya. ".repeat(20);
        Doc d = dated("Rapat Digelar Hari Ini\n\nPara pejabat bertemu kemarin.\n" + filler + "\n\nSenin (3/3/2025) lalu.");
        assertThat(d.article().published()).isNull();
    }

    @Test
    void withSentencesOnlyTheFirstTwoParagraphsCount() {
        String text = "Judul\nParagraf satu.\nParagraf dua.\nParagraf tiga, Selasa (4/3/2025).";
        Doc d = TimeTestSupport.doc(text, "id", null, AS_OF);
        int p = 0, start = 0;
        for (String line : text.split("\n")) {
            d.addSentence(new Sentence(p, start, start + line.length(), p));
            start += line.length() + 1;
            p++;
        }
        new PublicationDater(LANGS).process(d);
        assertThat(d.article().published()).isNull();
        Doc e = TimeTestSupport.doc(text.replace("Paragraf dua.", "Paragraf, Selasa (4/3)"), "id", null, AS_OF);
        e.addSentence(new Sentence(0, 0, e.text().length(), 1));
        new PublicationDater(LANGS).process(e);
        assertThat(e.article().published()).isEqualTo("2025-03-04");
    }

    @Test
    void anExistingDateIsKeptAndTheTaggerAnchorsOnTheInferredOne() {
        Doc kept = TimeTestSupport.doc("Rapat pada Rabu (30/10).", "id", "2019-10-30", AS_OF);
        new PublicationDater(LANGS).process(kept);
        assertThat(kept.article().published()).isEqualTo("2019-10-30");

        Doc d = dated("Judul\n\nMenteri itu pada Rabu (30/10) mengatakan pasukan tiba kemarin dan pulang pekan depan.");
        new TimeTagger(LANGS).process(d);
        assertThat(d.times()).extracting(TimeExpr::value).containsExactly("2024-10-30", "2024-10-29", "2024-W45");
        assertThat(d.times().get(0).inferred()).isTrue();
    }

    @Test
    void englishArticles() {
        Doc d = TimeTestSupport.doc("Leaders Meet\n\nGENEVA - Leaders met on Tuesday, March 4, 2025, to talk.", "en", null, AS_OF);
        new PublicationDater(LANGS).process(d);
        assertThat(d.article().published()).isEqualTo("2025-03-04");
        assertThat(d.article().publishedInferred()).isFalse();
    }
}
