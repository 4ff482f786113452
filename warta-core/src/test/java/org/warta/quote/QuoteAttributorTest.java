package org.warta.quote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.warta.TestPipelines;
import org.warta.model.Doc;
import org.warta.model.Quote;

class QuoteAttributorTest {
    @Test
    void directQuoteWithCueAfterNamesTheSpeaker() {
        Doc doc = TestPipelines.code("Judul",
                "“Kami akan hadir,” kata Menteri Luar Negeri Chile Budi Contohnama.").doc();
        Quote q = doc.quotes().get(0);
        assertThat(q.direct()).isTrue();
        assertThat(q.cue()).isEqualTo("kata");
        assertThat(q.speaker().name()).isEqualTo("Budi Contohnama");
        assertThat(doc.cover(q)).contains("Kami akan hadir");
    }

    @Test
    void indirectSpeechAcrossARelativeClause() {
        Doc doc = TestPipelines.code("Judul",
                "Menteri Luar Negeri Chile Budi Contohnama tiba. Contohnama, yang berbicara di Santiago, mengatakan bahwa Peru menolak usul itu.").doc();
        Quote q = doc.quotes().stream().filter(x -> "mengatakan".equals(x.cue())).findFirst().orElseThrow();
        assertThat(q.speaker().name()).isEqualTo("Budi Contohnama");
        assertThat(doc.cover(q)).startsWith("Peru menolak");
    }

    @Test
    void menurutFramesTheClause() {
        Doc doc = TestPipelines.code("Judul", "Menurut Jepang, Tiongkok mengirim kapal ke perairan itu.").doc();
        Quote q = doc.quotes().get(0);
        assertThat(q.speaker().code()).isEqualTo("JPN");
        assertThat(doc.cover(q)).contains("Tiongkok mengirim");
    }

    @Test
    void suspicionCuesMakeReportedActsHypothetical() {
        Doc doc = TestPipelines.code("Judul", "Jepang menduga bahwa Tiongkok akan menyerang Taiwan.").doc();
        assertThat(doc.quotes()).anyMatch(q -> "hypothetical".equals(q.modality()));
    }

    private static Quote quoteWithCue(Doc doc, String cue) {
        return doc.quotes().stream().filter(x -> cue.equals(x.cue())).findFirst().orElseThrow();
    }

    private static String speakerSpan(Doc doc, Quote q) {
        return doc.text().substring(q.speakerStart(), q.speakerEnd());
    }

    @Test
    void speakerPhraseStopsAtAPrepositionAndTakesTheFullNameUsedBefore() {
        Doc doc = TestPipelines.code("Judul", "Ketua Komisi Hukum Andreas Wiraguna Santoso hadir di Senayan. "
                + "“Kami menolak usul itu,” kata Andreas kepada wartawan, Selasa.").doc();
        Quote q = quoteWithCue(doc, "kata");
        assertThat(speakerSpan(doc, q)).doesNotContain("kepada").startsWith("Andreas");
        assertThat(q.speaker().name()).isEqualTo("Andreas Wiraguna Santoso");
    }

    @Test
    void anOfficeFollowedByItsHolderIsTheNamedPerson() {
        Doc doc = TestPipelines.code("Judul",
                "“Situasi tetap aman,” kata Kapolres Metro Bekasi Kombes Andreas Wiraguna kepada wartawan.").doc();
        Quote q = quoteWithCue(doc, "kata");
        assertThat(q.speaker().name()).isEqualTo("Andreas Wiraguna");
        assertThat(speakerSpan(doc, q)).doesNotContain("wartawan");
    }

    @Test
    void anUnknownOfficialAfterHisBodyIsNamedByTheCapitalisedTail() {
        Doc doc = TestPipelines.code("Judul",
                "“Kami menahan dua tersangka,” kata Pelaksana Harian Kepala Biro Hukum dan Humas KPK Lindu Parengkuan Tambunaon dalam jumpa pers.").doc();
        Quote q = quoteWithCue(doc, "kata");
        assertThat(q.speaker().name()).isEqualTo("Lindu Parengkuan Tambunaon");
        assertThat(speakerSpan(doc, q)).doesNotContain("jumpa");
    }

    @Test
    void aNyaCueIsTheLastSpeakerNotAPersonNamedInsideAQuote() {
        Doc doc = TestPipelines.code("Judul",
                "“Kami menahan dua tersangka,” kata Direktur Penyidikan KPK Andreas Wiraguna dalam jumpa pers. "
                        + "“Kami juga memeriksa Komisaris Utama PT Maju Sentosa,” tambahnya.").doc();
        assertThat(quoteWithCue(doc, "tambahnya").speaker().name()).isEqualTo("Andreas Wiraguna");
    }
}
