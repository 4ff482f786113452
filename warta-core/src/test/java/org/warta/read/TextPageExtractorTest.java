package org.warta.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.warta.lang.Languages;
import org.warta.model.Article;
import org.warta.model.Page;

class TextPageExtractorTest {
    private static final Languages LANGS = new Languages(List.of());
    private final TextPageExtractor extractor = new TextPageExtractor(LANGS);

    private static final String PAGE = String.join("\n",
            "Menteri Lingkungan Resmikan Taman Kota di Sorong",
            "",
            "Sorong (KabarTimur) Menteri Lingkungan Hidup meresmikan taman kota baru pada Senin (3/2).",
            "",
            "SCROLL TO CONTINUE WITH CONTENT",
            "Taman seluas 2,5 hektare itu dibangun di bekas lahan parkir.",
            "Baca juga: Warga Sorong Keluhkan Banjir",
            "ADVERTISEMENT",
            "\"Kami ingin warga punya ruang hijau,\" kata menteri.",
            "Simak juga Video: Taman Baru di Timur",
            "Penulis: Rina Maharani",
            "Editor: Joko Susilo",
            "Pembangunan akan dilanjutkan tahun depan.***abc/de",
            "",
            "\u00a0",
            "",
            "Berikan Komentar:",
            "Komentar pertama yang tidak boleh masuk",
            "Exit mobile version");

    private Article extract(String text) throws InputException {
        return extractor.extract(Page.text("test.txt", text));
    }

    @Test
    void firstLineIsTitleAndChromeLinesAreDropped() throws Exception {
        Article a = extract(PAGE);
        assertThat(a.title()).isEqualTo("Menteri Lingkungan Resmikan Taman Kota di Sorong");
        assertThat(a.text()).startsWith(a.title() + "\n\n");
        assertThat(a.text()).doesNotContain("SCROLL", "Baca juga", "ADVERTISEMENT", "Simak juga", "Berikan Komentar",
                "Komentar pertama", "Exit mobile version", "Penulis", "Editor");
        assertThat(a.text().split("\n\n")).containsExactly(
                "Menteri Lingkungan Resmikan Taman Kota di Sorong",
                "Menteri Lingkungan Hidup meresmikan taman kota baru pada Senin (3/2).",
                "Taman seluas 2,5 hektare itu dibangun di bekas lahan parkir.",
                "\"Kami ingin warga punya ruang hijau,\" kata menteri.",
                "Pembangunan akan dilanjutkan tahun depan.");
    }

    @Test
    void bylinesBecomeAuthorsAndEditors() throws Exception {
        Article a = extract(PAGE);
        assertThat(a.authors()).containsExactly("Rina Maharani");
        assertThat(a.editors()).containsExactly("Joko Susilo", "abc", "de");
    }

    @Test
    void trailingEditorInitialsAreCutIntoEditors() throws Exception {
        Article a = extract("Judul Berita\n\nParagraf satu.\n\nParagraf terakhir selesai di sini. (xyz/ab)\n");
        assertThat(a.text()).endsWith("Paragraf terakhir selesai di sini.");
        assertThat(a.editors()).containsExactly("xyz", "ab");
        Article b = extract("Judul Berita\n\nParagraf terakhir.***pq\n");
        assertThat(b.text()).endsWith("Paragraf terakhir.");
        assertThat(b.editors()).containsExactly("pq");
    }

    @Test
    void datelineWithOutletInParentheses() throws Exception {
        Article a = extract(PAGE);
        assertThat(a.dateline()).isEqualTo("Sorong");
        assertThat(a.outlet()).isEqualTo("KabarTimur");
        assertThat(a.text()).doesNotContain("(KabarTimur)");
    }

    @Test
    void datelineForms() throws Exception {
        Article a = extract("Judul\n\nSAN FRANCISCO, BeritaKita.com - Sebuah perusahaan mengumumkan hasil.\n");
        assertThat(a.dateline()).isEqualTo("SAN FRANCISCO");
        assertThat(a.outlet()).isEqualTo("BeritaKita.com");
        assertThat(a.text()).endsWith("\n\nSebuah perusahaan mengumumkan hasil.");

        Article b = extract("Judul\n\nMAKASSAR - Hujan deras melanda kota.\n");
        assertThat(b.dateline()).isEqualTo("MAKASSAR");
        assertThat(b.outlet()).isNull();
        assertThat(b.text()).endsWith("\n\nHujan deras melanda kota.");

        Article c = extract("Judul\n\nSurabaya, Harian Pagi - Polisi menangkap dua orang.\n");
        assertThat(c.dateline()).isEqualTo("Surabaya");
        assertThat(c.outlet()).isEqualTo("Harian Pagi");
    }

    @Test
    void acronymsAndNicknamesInParenthesesAreNotDatelines() throws Exception {
        Article a = extract("Judul\n\nBadan Pusat Statistik (BPS) Mencatat inflasi naik.\n");
        assertThat(a.dateline()).isNull();
        assertThat(a.outlet()).isNull();
        assertThat(a.text()).endsWith("Badan Pusat Statistik (BPS) Mencatat inflasi naik.");
        Article b = extract("Judul\n\nGubernur Budi Santoso (Budi) mengatakan sesuatu.\n");
        assertThat(b.dateline()).isNull();
    }

    @Test
    void outletFromMetadataOrUrlHost() throws Exception {
        Page withMeta = new Page("p.txt", null, Page.MediaType.TEXT, "Judul\n\nIsi berita.".getBytes(StandardCharsets.UTF_8),
                Map.of("outlet", "Warta Harian"));
        assertThat(extractor.extract(withMeta).outlet()).isEqualTo("Warta Harian");
        Page withUrl = new Page("p.txt", "https://www.contoh-berita.id/a/1", Page.MediaType.TEXT,
                "Judul\n\nIsi berita.".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(extractor.extract(withUrl).outlet()).isEqualTo("contoh-berita.id");
    }

    @Test
    void crlfGivesTheSameArticleText() throws Exception {
        Article lf = extract(PAGE);
        Article crlf = extract(PAGE.replace("\n", "\r\n"));
        assertThat(crlf.text()).isEqualTo(lf.text());
        assertThat(crlf.id()).isEqualTo(lf.id());
        assertThat(crlf.editors()).isEqualTo(lf.editors());
    }

    @Test
    void sourceOffsetsMapEveryKeptCharBackIntoTheSource() throws Exception {
        String source = "Judul dengan emoji \uD83D\uDE00 di dalamnya\r\n\r\nJAKARTA - Paragraf 😀 pertama.\r\n"
                + "SCROLL TO CONTINUE WITH CONTENT\r\nParagraf kedua.***ab\r\n";
        Article a = extract(source);
        int[] off = a.sourceOffsets();
        String t = a.text();
        int cps = t.codePointCount(0, t.length());
        assertThat(off).hasSize(cps + 1);
        int[] srcCps = source.codePoints().toArray();
        int[] txtCps = t.codePoints().toArray();
        for (int k = 0; k < cps; k++) {
            if (txtCps[k] == '\n') continue; // synthetic paragraph separator
            assertThat(srcCps[off[k]]).as("code point %d", k).isEqualTo(txtCps[k]);
        }
        // Any span of kept text maps to the same text in the source.
        int a0 = t.indexOf("Paragraf 😀");
        int b0 = t.indexOf("pertama.") + "pertama.".length();
        int sa = a.sourceOffset(a0), sb = a.sourceOffset(b0 - 1) + 1;
        assertThat(new String(srcCps, sa, sb - sa)).isEqualTo("Paragraf 😀 pertama.");
        assertThat(off[cps]).isEqualTo(source.codePointCount(0, source.indexOf("***ab")));
        // A separator maps to the next kept char.
        int sep = t.codePointCount(0, t.indexOf("\n\n"));
        assertThat(srcCps[off[sep]]).isEqualTo('P');
    }

    @Test
    void idIsStableAndDependsOnNormalisedText() throws Exception {
        Article a = extract("Judul\n\nIsi  berita.\n");
        Article b = extract("Judul\r\n\r\nIsi  berita.\r\n");
        assertThat(a.id()).hasSize(16).matches("[0-9a-f]{16}").isEqualTo(b.id());
        assertThat(extract("Judul\n\nIsi lain.\n").id()).isNotEqualTo(a.id());
    }

    @Test
    void metadataGivesLanguagePublishedAndTitle() throws Exception {
        Page p = new Page("x.jsonl:3", "https://contoh.id/a", Page.MediaType.TEXT,
                "Isi berita pertama.\nIsi kedua.".getBytes(StandardCharsets.UTF_8),
                Map.of("title", "Judul dari Metadata", "language", "id", "published", "2024-10-30"));
        Article a = extractor.extract(p);
        assertThat(a.title()).isEqualTo("Judul dari Metadata");
        assertThat(a.text()).isEqualTo("Judul dari Metadata\n\nIsi berita pertama.\n\nIsi kedua.");
        assertThat(a.language()).isEqualTo("id");
        assertThat(a.published()).isEqualTo("2024-10-30");
        assertThat(a.publishedPrecision()).isEqualTo("day");
        assertThat(a.url()).isEqualTo("https://contoh.id/a");
        assertThat(a.inputName()).isEqualTo("x.jsonl:3");
        // body offsets are relative to the text field
        int i = a.text().indexOf("Isi kedua");
        assertThat(a.sourceOffset(i)).isEqualTo("Isi berita pertama.\n".length());
    }

    @Test
    void pageWithOnlyChromeIsAnError() {
        assertThatThrownBy(() -> extract("ADVERTISEMENT\n\nExit mobile version\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("test.txt");
    }
}
