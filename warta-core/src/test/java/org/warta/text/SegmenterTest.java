package org.warta.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.warta.lang.Languages;
import org.warta.model.Article;
import org.warta.model.Doc;
import org.warta.model.Sentence;
import org.warta.model.Token;

class SegmenterTest {
    private static final Languages LANGS = new Languages(List.of());
    private final Segmenter segmenter = new Segmenter(LANGS);

    private Doc segment(String text, String lang) {
        Article a = new Article("x", "t", null, null, null, text.split("\n")[0], text, lang, null, null, false,
                null, List.of(), List.of(), null);
        Doc doc = new Doc(a, LocalDate.of(2025, 1, 1));
        segmenter.process(doc);
        return doc;
    }

    private List<String> sentences(String text) {
        Doc doc = segment(text, "id");
        return doc.sentences().stream().map(doc::cover).toList();
    }

    private List<String> tokens(String text) {
        Doc doc = segment(text, "id");
        return doc.tokens().stream().map(Token::text).toList();
    }

    @Test
    void titleIsSentenceZeroAndParagraphsNeverJoin() {
        Doc doc = segment("Judul tanpa titik\n\nKalimat satu. Kalimat dua!\n\nParagraf baru tanpa titik\nBaris lain.", "id");
        assertThat(doc.sentences()).extracting(doc::cover).containsExactly("Judul tanpa titik", "Kalimat satu.",
                "Kalimat dua!", "Paragraf baru tanpa titik", "Baris lain.");
        assertThat(doc.sentences()).extracting(Sentence::paragraph).containsExactly(0, 1, 1, 2, 3);
        assertThat(doc.sentences()).extracting(Sentence::index).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void splitsBeforeCapitalDigitOrQuoteOnly() {
        assertThat(sentences("J\n\nHarga naik. 15 orang datang. \"Kami kecewa,\" ujarnya. lalu pulang."))
                .containsExactly("J", "Harga naik.", "15 orang datang.", "\"Kami kecewa,\" ujarnya. lalu pulang.");
    }

    @Test
    void abbreviationsAndInitialsDoNotSplit() {
        assertThat(sentences("J\n\nDr. Budi dan Prof. Sari tiba di Jl. Merdeka No. 5 bersama H. Umar. Mereka disambut."))
                .containsExactly("J", "Dr. Budi dan Prof. Sari tiba di Jl. Merdeka No. 5 bersama H. Umar.", "Mereka disambut.");
        assertThat(sentences("J\n\nIa membawa buku, pena, dll. Semua baru. Rapat di Washington D.C. Senin lalu."))
                .containsExactly("J", "Ia membawa buku, pena, dll. Semua baru.", "Rapat di Washington D.C. Senin lalu.");
        Doc en = segment("T\n\nMr. Lee met Mrs. Park in the U.S. Congress. They talked.", "en");
        assertThat(en.sentences()).extracting(en::cover)
                .containsExactly("T", "Mr. Lee met Mrs. Park in the U.S. Congress.", "They talked.");
    }

    @Test
    void balancedQuotationIsOneSentenceWithItsFrame() {
        assertThat(sentences("J\n\n“Kami sudah siap. Semua pasukan menunggu perintah,” kata komandan itu. Ia lalu pergi."))
                .containsExactly("J", "“Kami sudah siap. Semua pasukan menunggu perintah,” kata komandan itu.", "Ia lalu pergi.");
        assertThat(sentences("J\n\n\"Ini tidak adil! Kami menolak,\" teriak warga. Polisi berjaga."))
                .containsExactly("J", "\"Ini tidak adil! Kami menolak,\" teriak warga.", "Polisi berjaga.");
    }

    @Test
    void quoteEndingWithFullStopBeforeCapitalSplits() {
        assertThat(sentences("J\n\nIa menyebut rencana itu \"sangat berbahaya.\" Rencana itu ditunda."))
                .containsExactly("J", "Ia menyebut rencana itu \"sangat berbahaya.\"", "Rencana itu ditunda.");
        assertThat(sentences("J\n\nWarga menunggu. “Kapan bantuan datang?” tanya seorang ibu."))
                .containsExactly("J", "Warga menunggu.", "“Kapan bantuan datang?” tanya seorang ibu.");
    }

    @Test
    void unbalancedQuoteDoesNotSwallowTheParagraphOrTheArticle() {
        Doc doc = segment("J\n\nKami akan datang,” kata ketua panitia. Acara dimulai pukul 9. \"Tanpa penutup. Kalimat lain.\n\nParagraf berikut. Kalimat akhir.", "id");
        assertThat(doc.sentences()).extracting(doc::cover).containsExactly("J",
                "Kami akan datang,” kata ketua panitia.", "Acara dimulai pukul 9.", "\"Tanpa penutup.", "Kalimat lain.",
                "Paragraf berikut.", "Kalimat akhir.");
    }

    @Test
    void numbersAreOneToken() {
        assertThat(tokens("J\n\nSebanyak 10.000 orang, 1,5 juta, 67,75 dollar, 8,5 persen, 100% naik, Rp134,3 triliun, $1 miliar, 30/10, 22/10/2025, 27/11/2014 dan 2.500-an warga."))
                .containsSubsequence("10.000", "1,5", "67,75", "8,5", "100%", "Rp134,3", "$1", "30/10", "22/10/2025",
                        "27/11/2014", "2.500-an")
                .contains(",", ".").doesNotContain("10", "000", "%");
    }

    @Test
    void hyphensQuotesAndPunctuationAreSeparateTokens() {
        assertThat(tokens("AS-Korsel kirim unit-unit ke Yong-hyun\n\n“Kita siap,” kata ’Ali’. \"Ya!\" (benar) Qur'an & don't"))
                .containsExactly("AS", "-", "Korsel", "kirim", "unit", "-", "unit", "ke", "Yong", "-", "hyun",
                        "“", "Kita", "siap", ",", "”", "kata", "’", "Ali", "’", ".", "\"", "Ya", "!", "\"", "(", "benar",
                        ")", "Qur'an", "&", "don't");
    }

    @Test
    void abbreviationsWithDotsAreOneToken() {
        Doc doc = segment("T\n\nThe U.S. envoy met Dr. Kim in Washington D.C. on Monday. Then he left.", "en");
        assertThat(doc.tokens()).extracting(Token::text).contains("U.S.", "Dr.", "D.C.", "Monday", ".")
                .doesNotContain("U", "S", "Dr", "D", "C");
    }

    @Test
    void tokensKnowTheirSentenceIndexAndOffsets() {
        Doc doc = segment("Judul Ini\n\nSatu dua. Tiga.", "id");
        for (Token t : doc.tokens()) {
            assertThat(doc.text().substring(t.start(), t.end())).isEqualTo(t.text());
            assertThat(doc.sentences().get(t.sentence()).contains(t)).isTrue();
            assertThat(doc.tokens().get(t.index())).isSameAs(t);
        }
        assertThat(doc.tokens()).extracting(Token::sentence).containsExactly(0, 0, 1, 1, 1, 2, 2);
    }
}
