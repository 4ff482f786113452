package org.warta.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warta.read.ReadFixtures.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warta.lang.Languages;
import org.warta.model.Article;
import org.warta.model.Page;

/**
 * Hostile inputs, each generated here, read in one batch beside a good page: every one is reported by
 * name (a read error, or an extraction error such as "no article text"), and the good page is still
 * extracted. The limits are lowered through their system properties so the bombs stay small.
 */
class HostileInputTest {
    private static final Extractors EXTRACTORS = new Extractors(new Languages(List.of()));

    @TempDir
    Path dir;

    @AfterEach
    void clearLimits() {
        System.clearProperty("warta.maxInputBytes");
        System.clearProperty("warta.maxDecompressedBytes");
    }

    /** Every input's outcome: the article, or the error that named it. */
    private final Map<String, Object> outcome = new LinkedHashMap<>();

    private void batch(Path... inputs) {
        List<String> args = new ArrayList<>();
        for (Path p : inputs) args.add(p.toString());
        Inputs.read(args, new ByteArrayInputStream(new byte[0]), page -> {
            try {
                outcome.put(page.name(), EXTRACTORS.extract(page));
            } catch (InputException e) {
                outcome.put(e.input(), e);
            }
        }, e -> outcome.put(e.input(), e));
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private Path good() throws Exception {
        return write("baik.html", PAGE.getBytes(StandardCharsets.UTF_8));
    }

    private void assertGoodPageCoded(Path good) {
        assertThat(outcome.get(good.toString())).isInstanceOfSatisfying(Article.class,
                a -> assertThat(a.body()).startsWith("Ratusan warga menanam"));
    }

    private String error(String name) {
        assertThat(outcome).containsKey(name);
        assertThat(outcome.get(name)).as("outcome of " + name).isInstanceOf(InputException.class);
        return ((InputException) outcome.get(name)).getMessage();
    }

    @Test
    void feedWithExternalEntityIsRefused() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>t</title><link>https://x.example/</link><description>d</description>"
                + "<item><title>a</title><link>https://x.example/a</link><description>&xxe;</description></item></channel></rss>";
        Path feed = write("xxe.rss", xxe.getBytes(StandardCharsets.UTF_8));
        Path good = good();
        batch(feed, good);
        assertThat(error(feed.toString())).contains("DOCTYPE");
        assertThat(outcome.values()).noneSatisfy(o -> assertThat(o).isInstanceOfSatisfying(Article.class,
                a -> assertThat(a.text()).contains("root:")));
        assertGoodPageCoded(good);
    }

    @Test
    void billionLaughsFeedIsRefused() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE feed [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 10; i++)
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        dtd.append("]>");
        String atom = "<?xml version=\"1.0\"?>" + dtd + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&lol10;</title>"
                + "<id>urn:x</id><updated>2024-01-01T00:00:00Z</updated></feed>";
        Path feed = write("laughs.atom", atom.getBytes(StandardCharsets.UTF_8));
        Path good = good();
        batch(feed, good);
        assertThat(error(feed.toString())).contains("DOCTYPE");
        assertGoodPageCoded(good);
    }

    @Test
    void deeplyNestedHtmlIsRefusedByDepth() throws Exception {
        int levels = 100_000;
        StringBuilder html = new StringBuilder(levels * 12).append("<html><body>");
        html.append("<div>".repeat(levels)).append("<p>dalam sekali</p>").append("</div>".repeat(levels)).append("</body></html>");
        Path deep = write("dalam.html", html.toString().getBytes(StandardCharsets.UTF_8));
        Path good = good();
        batch(deep, good);
        assertThat(error(deep.toString())).contains("nested deeper than");
        assertGoodPageCoded(good);
    }

    @Test
    void gzipBombIsCutAtTheInputLimit() throws Exception {
        System.setProperty("warta.maxInputBytes", String.valueOf(1 << 20));
        Path bomb = write("bom.html.gz", gzipZeros(64L << 20));
        Path good = good();
        batch(bomb, good);
        assertThat(error(bomb.toString())).contains("over the limit");
        assertGoodPageCoded(good);
    }

    @Test
    void warcDecompressionBombStopsAtTheDecompressedLimit() throws Exception {
        System.setProperty("warta.maxDecompressedBytes", String.valueOf(4 << 20));
        // A response record that claims 64 MB of zeros: tiny compressed, huge inflated.
        long size = 64L << 20;
        String head = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
                + "WARC-Date: 2024-10-30T07:10:00Z\r\nWARC-Target-URI: https://x.example/bom\r\n"
                + "Content-Type: application/http; msgtype=response\r\nContent-Length: " + size + "\r\n\r\n";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] zeros = new byte[1 << 16];
            for (long left = size; left > 0; left -= zeros.length) gz.write(zeros);
        }
        Path bomb = write("bom.warc.gz", out.toByteArray());
        Path good = good();
        batch(bomb, good);
        assertThat(outcome.keySet()).anyMatch(k -> k.startsWith(bomb.toString()));
        assertThat(outcome.entrySet()).filteredOn(e -> e.getKey().startsWith(bomb.toString()))
                .allSatisfy(e -> assertThat(e.getValue()).isInstanceOf(InputException.class));
        assertGoodPageCoded(good);
    }

    @Test
    void truncatedGzipAndTruncatedWarcAreReportedAndEarlierRecordsKept() throws Exception {
        byte[] gz = gzip(PAGE.getBytes(StandardCharsets.UTF_8));
        Path cut = write("potong.html.gz", Arrays.copyOf(gz, gz.length / 2));
        byte[] first = gzip(response("https://x.example/1", "text/html", PAGE.getBytes(StandardCharsets.UTF_8)));
        byte[] second = gzip(response("https://x.example/2", "text/html", PAGE.getBytes(StandardCharsets.UTF_8)));
        byte[] warc = concat(first, Arrays.copyOf(second, second.length - 40));
        Path cutWarc = write("potong.warc.gz", warc);
        Path good = good();
        batch(cut, cutWarc, good);
        assertThat(error(cut.toString())).contains("gzip");
        assertThat(outcome.get(cutWarc + "#1")).isInstanceOf(Article.class);
        assertThat(outcome.entrySet()).filteredOn(e -> e.getKey().startsWith(cutWarc.toString()) && !e.getKey().endsWith("#1"))
                .isNotEmpty().allSatisfy(e -> assertThat(e.getValue()).isInstanceOf(InputException.class));
        assertGoodPageCoded(good);
    }

    @Test
    void warcRecordsWithLyingLengthsAreReported() throws Exception {
        byte[] html = PAGE.getBytes(StandardCharsets.UTF_8);
        byte[] ok = response("https://x.example/ok", "text/html", html);
        String http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n";
        byte[] block = concat(http.getBytes(StandardCharsets.US_ASCII), html);
        byte[] tooLong = record("response", "https://x.example/long", "application/http; msgtype=response", block, (long) block.length + 5000);
        byte[] tooShort = record("response", "https://x.example/short", "application/http; msgtype=response", block, (long) block.length / 2);
        Path longer = write("panjang.warc", concat(ok, tooLong));
        Path shorter = write("pendek.warc", concat(ok, tooShort, ok));
        Path good = good();
        batch(longer, shorter, good);
        assertThat(outcome.get(longer + "#1")).isInstanceOf(Article.class);
        assertThat(outcome.get(shorter + "#1")).isInstanceOf(Article.class);
        assertThat(outcome.entrySet()).filteredOn(e -> e.getKey().startsWith(longer.toString()) && !e.getKey().endsWith("#1"))
                .isNotEmpty().allSatisfy(e -> assertThat(e.getValue()).isInstanceOf(InputException.class));
        assertThat(outcome.entrySet()).filteredOn(e -> e.getKey().startsWith(shorter.toString()) && !e.getKey().endsWith("#1"))
                .isNotEmpty().anySatisfy(e -> assertThat(e.getValue()).isInstanceOf(InputException.class));
        assertGoodPageCoded(good);
    }

    @Test
    void invalidUtf8BinaryAndEmptyFilesAreNamed() throws Exception {
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        random[100] = 0;
        Path binary = write("acak.html", random);
        Path empty = write("kosong.html", new byte[0]);
        Path blank = write("spasi.txt", "  \n\t\n".getBytes(StandardCharsets.US_ASCII));
        Path badJson = write("rusak.jsonl", new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        Path noText = write("kosong-isi.html", "<html><head><script>var a=1;</script></head><body><nav>Menu</nav></body></html>".getBytes(StandardCharsets.UTF_8));
        Path good = good();
        batch(binary, empty, blank, badJson, noText, good);
        assertThat(error(binary.toString())).contains("binary");
        assertThat(error(empty.toString())).contains("empty");
        assertThat(error(blank.toString())).contains("empty");
        assertThat(error(badJson.toString())).contains("UTF-8");
        assertThat(error(noText.toString())).contains("no article text");
        assertGoodPageCoded(good);
    }

    @Test
    void invalidUtf8InsideAnHtmlPageStillReads() throws Exception {
        byte[] html = concat("<html><body><p>Harga beras naik lagi ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28},
                " di pasar induk kota pada pekan ini.</p></body></html>".getBytes(StandardCharsets.UTF_8));
        Path p = write("campur.html", html);
        batch(p);
        assertThat(outcome.get(p.toString())).isInstanceOfSatisfying(Article.class,
                a -> assertThat(a.text()).contains("Harga beras naik lagi").contains("di pasar induk kota"));
    }

    @Test
    void warcRecordsBeyondTheRecordLimitAreReported() throws Exception {
        System.setProperty("warta.maxWarcRecords", "2");
        try {
            byte[] r = response("https://x.example/r", "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
            Path many = write("banyak.warc", concat(r, r, r, r));
            batch(many);
            assertThat(outcome.keySet()).contains(many + "#1", many + "#2", many.toString());
            assertThat(error(many.toString())).contains("more than 2 WARC records");
        } finally {
            System.clearProperty("warta.maxWarcRecords");
        }
    }
}
