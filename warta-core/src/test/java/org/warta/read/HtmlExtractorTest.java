package org.warta.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.warta.lang.Languages;
import org.warta.model.Article;
import org.warta.model.Page;

class HtmlExtractorTest {
    private static final Languages LANGS = new Languages(List.of());
    private final Extractors extractors = new Extractors(LANGS);

    private static final String TITLE = "Petani Gelar Unjuk Rasa di Depan Kantor Bupati";
    private static final List<String> PARAGRAPHS = List.of(
            "PALU - Ratusan petani menggelar unjuk rasa menuntut harga pupuk diturunkan.",
            "SCROLL TO CONTINUE WITH CONTENT",
            "Mereka membawa spanduk & poster sejak pagi.",
            "\"Kami hanya ingin didengar,\" kata koordinator aksi.",
            "Editor: Dewi Lestari");

    @Test
    void htmlWrapperOfATextPageGivesTheSameTitleAndParagraphs() throws Exception {
        String text = TITLE + "\n\n" + String.join("\n", PARAGRAPHS) + "\n";
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"id\"><head><title>" + TITLE
                + " - Situs</title></head><body><nav><ul><li>Beranda</li><li>Nasional</li></ul></nav><article><h1>"
                + TITLE + "</h1>");
        for (String p : PARAGRAPHS) html.append("<p>").append(escape(p)).append("</p>");
        html.append("</article><footer><p>Hak cipta</p></footer></body></html>");
        Article fromText = extractors.extract(Page.text("a.txt", text));
        Article fromHtml = extractors.extract(Page.html("a.html", null, html.toString()));
        assertThat(fromHtml.title()).isEqualTo(fromText.title()).isEqualTo(TITLE);
        assertThat(fromHtml.text()).isEqualTo(fromText.text());
        assertThat(fromHtml.dateline()).isEqualTo("PALU");
        assertThat(fromHtml.editors()).containsExactly("Dewi Lestari");
        assertThat(fromHtml.sourceOffsets()).isNull();
        assertThat(fromHtml.language()).isEqualTo("id");
    }

    @Test
    void metadataFromOpenGraphJsonLdAndCanonicalLink() throws Exception {
        String html = "<html><head><meta property=\"og:title\" content=\"Judul OG\">"
                + "<meta property=\"og:site_name\" content=\"Kabar Contoh\">"
                + "<link rel=\"canonical\" href=\"https://kabar.example/berita/1\">"
                + "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\",\"datePublished\":\"2025-03-04T08:15:00+07:00\"}]}</script>"
                + "</head><body><h1>Judul H1</h1><div><p>Paragraf satu.</p><ul><li>Butir <p>dalam</p></li></ul>"
                + "<blockquote>Kutipan.</blockquote></div></body></html>";
        Article a = extractors.extract(Page.html("b.html", "https://kabar.example/berita/1?utm=x", html));
        assertThat(a.title()).isEqualTo("Judul OG");
        assertThat(a.outlet()).isEqualTo("Kabar Contoh");
        assertThat(a.canonicalUrl()).isEqualTo("https://kabar.example/berita/1");
        assertThat(a.url()).isEqualTo("https://kabar.example/berita/1?utm=x");
        assertThat(a.published()).isEqualTo("2025-03-04T08:15:00+07:00");
        assertThat(a.publishedPrecision()).isEqualTo("second");
        assertThat(a.publishedSource()).isEqualTo("json-ld");
        // the page's h1 is its headline, not body text; a paragraph inside a list item is its own block
        assertThat(a.text()).isEqualTo("Judul OG\n\nParagraf satu.\n\nButir\n\ndalam\n\nKutipan.");
        assertThat(a.id()).isEqualTo(ArticleAssembler.id("https://kabar.example/berita/1"));
    }

    @Test
    void fallbacksForTitleAndDate() throws Exception {
        String html = "<html><head><title>Judul Halaman</title>"
                + "<meta property=\"article:published_time\" content=\"2024-11-02\"></head>"
                + "<body><p>Isi.</p></body></html>";
        Article a = extractors.extract(Page.html("c.html", null, html));
        assertThat(a.title()).isEqualTo("Judul Halaman");
        assertThat(a.published()).isEqualTo("2024-11-02");
        String timeOnly = "<html><body><h1>Judul</h1><time datetime=\"2023-05\">Mei</time><p>Isi.</p></body></html>";
        Article b = extractors.extract(Page.html("d.html", null, timeOnly));
        assertThat(b.title()).isEqualTo("Judul");
        assertThat(b.published()).isEqualTo("2023-05");
        assertThat(b.publishedPrecision()).isEqualTo("month");
    }

    @Test
    void dateWrittenOnThePageKeepsItsZoneAsAnOffset() throws Exception {
        String html = "<html lang=\"id\"><head><title>Harga Cabai Turun</title></head><body><h1>Harga Cabai Turun</h1>"
                + "<div class=\"detail__date\">Rabu, 30 Okt 2024 14:05 WIB</div><div class=\"detail__body\">"
                + "<p>Harga cabai rawit di pasar tradisional turun tajam dalam sepekan terakhir, menurut pedagang.</p></div></body></html>";
        Article a = extractors.extract(Page.html("cabai.html", "https://kabar.example/ekonomi/cabai", html));
        assertThat(a.published()).isEqualTo("2024-10-30T14:05+07:00");
        assertThat(a.publishedPrecision()).isEqualTo("minute");
        assertThat(a.publishedSource()).isEqualTo("text");
        assertThat(a.body()).startsWith("Harga cabai rawit");
    }

    @Test
    void dateFromTheUrlWhenThePageStatesNone() throws Exception {
        String html = "<html><head><title>Judul</title></head><body><p>Isi berita yang cukup panjang untuk dibaca orang banyak.</p></body></html>";
        Article a = extractors.extract(Page.html("u.html", "https://kabar.example/2023/07/14/judul", html));
        assertThat(a.published()).isEqualTo("2023-07-14");
        assertThat(a.publishedSource()).isEqualTo("url");
    }

    @Test
    void datesThatAreNoCalendarDayAreIgnored() throws Exception {
        // found by ReadersFuzzTest#htmlPage: <time datetime="2024-10-32"> became the publication date
        String html = "<html><head><title>Judul</title><meta property=\"article:published_time\" content=\"2024-02-30T25:00\">"
                + "</head><body><time datetime=\"2024-10-32\">tanggal</time><p>Isi berita yang cukup panjang untuk dibaca.</p></body></html>";
        Article a = extractors.extract(Page.html("t.html", "https://kabar.example/2023/13/45/judul", html));
        assertThat(a.published()).isNull();
        assertThat(a.publishedPrecision()).isNull();
        Article b = extractors.extract(Page.html("t.html", "https://kabar.example/2024/02/29/judul", html));
        assertThat(b.published()).isEqualTo("2024-02-29");
    }

    @Test
    void jsonLdArticleBodyFiltersBlocksItNeverMentions() throws Exception {
        String body = "Pemerintah kota membuka taman baru di tepi danau yang luasnya mencapai lima hektare. "
                + "Taman itu dilengkapi jalur sepeda, area bermain anak, dan perpustakaan kecil untuk warga. "
                + "Wali kota berharap taman menjadi tempat berkumpul keluarga setiap akhir pekan tanpa biaya masuk.";
        String html = "<html><head><title>Taman Baru</title><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\""
                + body + "\"}</script></head><body><div class=\"content\">"
                + "<p>Pemerintah kota membuka taman baru di tepi danau yang luasnya mencapai lima hektare.</p>"
                + "<p>Dapatkan promo langganan premium hari ini juga dengan potongan harga khusus pembaca setia.</p>"
                + "<p>Taman itu dilengkapi jalur sepeda, area bermain anak, dan perpustakaan kecil untuk warga.</p>"
                + "<p>Wali kota berharap taman menjadi tempat berkumpul keluarga setiap akhir pekan tanpa biaya masuk.</p>"
                + "</div></body></html>";
        Article a = extractors.extract(Page.html("taman.html", null, html));
        assertThat(a.body()).doesNotContain("promo").contains("jalur sepeda").endsWith("tanpa biaya masuk.");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
