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
}
