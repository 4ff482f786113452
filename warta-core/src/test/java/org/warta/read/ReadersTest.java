package org.warta.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warta.read.ReadFixtures.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warta.lang.Languages;
import org.warta.model.Article;
import org.warta.model.Page;

/** The readers of the fixture list: WARC.gz, RSS, Atom, a windows-1252 page, "Baca juga" blocks. */
class ReadersTest {
    private static final Extractors EXTRACTORS = new Extractors(new Languages(List.of()));

    @TempDir
    Path dir;

    private final List<Page> pages = new ArrayList<>();
    private final List<InputException> errors = new ArrayList<>();

    private void read(Path... paths) {
        List<String> args = new ArrayList<>();
        for (Path p : paths) args.add(p.toString());
        Inputs.read(args, new ByteArrayInputStream(new byte[0]), pages::add, errors::add);
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void warcGzKeepsOnlyTheHtmlResponseWithItsUrlAndCrawlDate() throws Exception {
        String uri = "https://kabar.example/2024/10/30/warga-tanam-pohon";
        byte[] warc = gzip(
                record("warcinfo", null, "application/warc-fields", "software: test\r\n".getBytes(StandardCharsets.US_ASCII), null),
                request(uri),
                response(uri, "text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8)),
                metadata(uri),
                response("https://kabar.example/logo.png", "image/png", new byte[] {1, 2, 3}));
        Path file = write("crawl.warc.gz", warc);
        read(file);
        assertThat(errors).isEmpty();
        assertThat(pages).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo(file + "#3");
            assertThat(p.url()).isEqualTo(uri);
            assertThat(p.meta(WarcPages.FETCHED)).isEqualTo("2024-10-30T07:10:00Z");
        });
        Article a = EXTRACTORS.extract(pages.get(0));
        assertThat(a.title()).isEqualTo("Warga Tanam Pohon di Bantaran Sungai");
        assertThat(a.body()).startsWith("Ratusan warga menanam").endsWith("musim hujan tiba.");
        assertThat(a.url()).isEqualTo(uri);
        // the page's own offset is kept, not converted to UTC
        assertThat(a.published()).isEqualTo("2024-10-30T14:05:00+07:00");
        assertThat(a.publishedSource()).isEqualTo("opengraph");
    }

    @Test
    void warcHttpCharsetWinsOverTheMetaDeclaration() throws Exception {
        String html = "<html><head><meta charset=\"utf-8\"><title>Kafe</title></head><body><p>Caf\u00e9 \u201cbaru\u201d dibuka di pusat kota pada hari Senin.</p></body></html>";
        byte[] warc = concat(response("https://kabar.example/kafe", "text/html; charset=windows-1252", html.getBytes(Charset.forName("windows-1252"))));
        read(write("kafe.warc", warc));
        assertThat(errors).isEmpty();
        assertThat(EXTRACTORS.extract(pages.get(0)).body()).isEqualTo("Caf\u00e9 \u201cbaru\u201d dibuka di pusat kota pada hari Senin.");
    }

    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Kabar Contoh</title><link>https://kabar.example/</link><description>Berita</description>
            <item><title>Jembatan Baru Diresmikan</title><link>/berita/jembatan-baru</link>
            <pubDate>Wed, 30 Oct 2024 14:05:00 +0700</pubDate><dc:creator>Rina Wulandari</dc:creator>
            <description>Ringkasan singkat.</description>
            <content:encoded><![CDATA[<p>Gubernur meresmikan jembatan baru yang menghubungkan dua kecamatan, Rabu siang.</p><p>Baca juga: <a href="/x">Jalan Rusak Diperbaiki</a></p><p>Jembatan itu dibangun selama dua tahun dengan dana daerah.</p>]]></content:encoded></item>
            <item><title>Tanpa Isi</title><link>https://kabar.example/berita/kosong</link></item>
            </channel></rss>
            """;

    @Test
    void rssEntriesBecomePagesWithLinkDateAuthorAndContentEncoded() throws Exception {
        Path file = write("kabar.rss", RSS.getBytes(StandardCharsets.UTF_8));
        read(file);
        assertThat(pages).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo(file + "#1");
            // a file name is no base URL: the relative link resolves against the channel's own link
            assertThat(p.url()).isEqualTo("https://kabar.example/berita/jembatan-baru");
        });
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.input()).isEqualTo(file + "#2"));
        Article a = EXTRACTORS.extract(pages.get(0));
        assertThat(a.title()).isEqualTo("Jembatan Baru Diresmikan");
        assertThat(a.body()).isEqualTo("Gubernur meresmikan jembatan baru yang menghubungkan dua kecamatan, Rabu siang.\n\n"
                + "Jembatan itu dibangun selama dua tahun dengan dana daerah.");
        assertThat(a.published()).isEqualTo("2024-10-30T14:05:00+07:00");
        assertThat(a.publishedSource()).isEqualTo("input");
        assertThat(a.authors()).containsExactly("Rina Wulandari");
    }

    @Test
    void feedsParseIsAPublicApiThatResolvesLinksAgainstTheFeedUrl() throws Exception {
        List<Feeds.FeedEntry> entries = Feeds.parse(RSS.getBytes(StandardCharsets.UTF_8), "https://kabar.example/rss");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).link()).isEqualTo("https://kabar.example/berita/jembatan-baru");
        assertThat(entries.get(0).author()).isEqualTo("Rina Wulandari");
        assertThat(entries.get(0).html()).contains("Gubernur meresmikan");
        assertThat(entries.get(1).html()).isNull();
    }

    @Test
    void atomEntriesWithHtmlContentAuthorAndPublished() throws Exception {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Warta Kota</title><id>urn:x</id><updated>2024-10-30T08:00:00Z</updated>
                <entry><title>Pasar Rakyat Dibuka Lagi</title><link rel="alternate" href="https://kota.example/pasar"/>
                <id>urn:y</id><published>2024-10-29T09:30:00+08:00</published><updated>2024-10-30T08:00:00Z</updated>
                <author><name>Budi Santoso</name></author>
                <content type="html">&lt;p&gt;Pasar rakyat di pusat kota kembali dibuka setelah direnovasi selama enam bulan.&lt;/p&gt;</content></entry>
                </feed>
                """;
        Path file = write("kota.atom", atom.getBytes(StandardCharsets.UTF_8));
        read(file);
        assertThat(errors).isEmpty();
        Article a = EXTRACTORS.extract(pages.get(0));
        assertThat(a.url()).isEqualTo("https://kota.example/pasar");
        assertThat(a.published()).isEqualTo("2024-10-29T09:30:00+08:00");
        assertThat(a.authors()).containsExactly("Budi Santoso");
        assertThat(a.body()).isEqualTo("Pasar rakyat di pusat kota kembali dibuka setelah direnovasi selama enam bulan.");
    }

    @Test
    void feedsAreSniffedUnderAnyName() throws Exception {
        Path file = write("feed-tanpa-ekstensi", RSS.getBytes(StandardCharsets.UTF_8));
        read(file);
        assertThat(pages).extracting(Page::name).containsExactly(file + "#1");
    }

    @Test
    void windows1252PageWithoutCharsetIsDecoded() throws Exception {
        String html = "<html><head><title>Kafe Baru</title></head><body><p>Caf\u00e9 \u201cbaru\u201d itu ramai dikunjungi warga sejak dibuka pekan lalu \u2013 kata pemiliknya.</p></body></html>";
        Path file = write("kafe.html", html.getBytes(Charset.forName("windows-1252")));
        read(file);
        assertThat(errors).isEmpty();
        assertThat(pages.get(0).meta(Inputs.WARNING)).contains("windows-1252");
        assertThat(EXTRACTORS.extract(pages.get(0)).body())
                .isEqualTo("Caf\u00e9 \u201cbaru\u201d itu ramai dikunjungi warga sejak dibuka pekan lalu \u2013 kata pemiliknya.");
    }

    @Test
    void metaCharsetDecidesBeforeDetection() throws Exception {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><title>T</title></head>"
                + "<body><p>Harga caf\u00e9 naik \u00b5 sedikit sejak bulan lalu menurut para pedagang di pasar.</p></body></html>";
        read(write("latin.html", html.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(EXTRACTORS.extract(pages.get(0)).body()).contains("caf\u00e9 naik \u00b5");
        assertThat(pages.get(0).meta(Inputs.WARNING)).isNull();
    }

    @Test
    void bacaJugaBlocksBetweenParagraphsAreRemoved() throws Exception {
        String html = "<html><head><title>Banjir Rendam Permukiman</title></head><body><div class=\"read__content\">"
                + "<p>Banjir merendam ratusan rumah di tepi sungai setelah hujan deras turun semalaman.</p>"
                + "<p><strong>Baca juga: <a href=\"/a\">Warga Mengungsi ke Masjid</a></strong></p>"
                + "<p>Petugas mengerahkan perahu karet untuk mengevakuasi warga lanjut usia dan anak-anak.</p>"
                + "<div class=\"baca-juga\"><span>Baca Juga</span><ul><li><a href=\"/b\">Tanggul Jebol di Hulu</a></li></ul></div>"
                + "<p>SCROLL TO CONTINUE WITH CONTENT</p>"
                + "<p>Menurut kepala desa, air mulai surut pada Kamis pagi, tetapi warga diminta tetap waspada.</p>"
                + "<p>Simak Video \"Banjir di Mana-mana\"</p>"
                + "<p>Penulis: Andi Saputra</p><p>Editor: Sari Dewi</p>"
                + "</div><div class=\"komentar\"><p>Berikan Komentar</p></div></body></html>";
        Article a = EXTRACTORS.extract(Page.html("banjir.html", null, html));
        assertThat(a.body()).isEqualTo("Banjir merendam ratusan rumah di tepi sungai setelah hujan deras turun semalaman.\n\n"
                + "Petugas mengerahkan perahu karet untuk mengevakuasi warga lanjut usia dan anak-anak.\n\n"
                + "Menurut kepala desa, air mulai surut pada Kamis pagi, tetapi warga diminta tetap waspada.");
        assertThat(a.authors()).containsExactly("Andi Saputra");
        assertThat(a.editors()).containsExactly("Sari Dewi");
    }
}
