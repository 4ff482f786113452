package org.warta.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warta.model.Page;

class InputsTest {
    @TempDir
    Path dir;

    private final List<Page> pages = new ArrayList<>();
    private final List<InputException> errors = new ArrayList<>();

    private void read(String... args) {
        Inputs.read(List.of(args), new ByteArrayInputStream(new byte[0]), pages::add, errors::add);
    }

    private Path write(String name, String text) throws Exception {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    private static String text(Page p) {
        return new String(p.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void typesByExtension() throws Exception {
        Path txt = write("a.txt", "Judul\n\nIsi.");
        Path html = write("b.html", "<html><body><p>x</p></body></html>");
        Path htm = write("c.htm", "<p>y</p>");
        read(txt.toString(), html.toString(), htm.toString());
        assertThat(errors).isEmpty();
        assertThat(pages).extracting(Page::type)
                .containsExactly(Page.MediaType.TEXT, Page.MediaType.HTML, Page.MediaType.HTML);
        assertThat(pages.get(0).name()).isEqualTo(txt.toString());
        assertThat(text(pages.get(0))).isEqualTo("Judul\n\nIsi.");
    }

    @Test
    void gzippedHtmlAndSniffedUnknownExtension() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(buf)) {
            gz.write("<html><p>terkompresi</p></html>".getBytes(StandardCharsets.UTF_8));
        }
        Path gz = write("d.html.gz", buf.toByteArray());
        Path sniffed = write("e.page", "  <!doctype html><p>z</p>");
        Path unknown = write("f.dat", "bukan html");
        read(gz.toString(), sniffed.toString(), unknown.toString());
        assertThat(pages).extracting(Page::type).containsExactly(Page.MediaType.HTML, Page.MediaType.HTML);
        assertThat(text(pages.get(0))).contains("terkompresi");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.input()).isEqualTo(unknown.toString());
            assertThat(e.getMessage()).contains(".txt");
        });
    }

    @Test
    void directoriesAreRecursiveSortedAndSkipHiddenFiles() throws Exception {
        write("in/b.txt", "B\n\nb.");
        write("in/a.txt", "A\n\na.");
        write("in/sub/c.txt", "C\n\nc.");
        write("in/.hidden.txt", "H\n\nh.");
        write("in/.git/x.txt", "X\n\nx.");
        read(dir.resolve("in").toString());
        assertThat(errors).isEmpty();
        assertThat(pages).extracting(p -> text(p).substring(0, 1)).containsExactly("A", "B", "C");
    }

    @Test
    void globs() throws Exception {
        write("g/one.txt", "Satu\n\nisi.");
        write("g/two.txt", "Dua\n\nisi.");
        write("g/three.html", "<p>tiga</p>");
        read(dir.resolve("g").toString() + "/*.txt", dir.resolve("g").toString() + "/*.none");
        assertThat(pages).hasSize(2);
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("no files match"));
    }

    @Test
    void jsonLinesGiveOnePagePerLineAndNameBadLines() throws Exception {
        Path p = write("news.jsonl", String.join("\n",
                "{\"url\":\"https://contoh.id/1\",\"title\":\"Judul Satu\",\"text\":\"Isi satu.\",\"published\":\"2024-01-02\",\"outlet\":\"Contoh\",\"language\":\"id\"}",
                "",
                "{\"title\":\"rusak\", \"text\": ",
                "{\"html\":\"<p>Isi dua</p>\"}",
                "[1,2]",
                "{\"title\":\"tanpa isi\"}"));
        read(p.toString());
        assertThat(pages).hasSize(2);
        Page first = pages.get(0);
        assertThat(first.name()).isEqualTo(p + ":1");
        assertThat(first.url()).isEqualTo("https://contoh.id/1");
        assertThat(first.type()).isEqualTo(Page.MediaType.TEXT);
        assertThat(text(first)).isEqualTo("Isi satu.");
        assertThat(first.meta()).containsEntry("title", "Judul Satu").containsEntry("published", "2024-01-02")
                .containsEntry("outlet", "Contoh").containsEntry("language", "id");
        assertThat(pages.get(1).name()).isEqualTo(p + ":4");
        assertThat(pages.get(1).type()).isEqualTo(Page.MediaType.HTML);
        assertThat(errors).extracting(InputException::input).containsExactly(p + ":3", p + ":5", p + ":6");
        assertThat(errors.get(0).getMessage()).contains("not valid JSON");
    }

    @Test
    void badInputsAreErrorsNamingTheInputAndTheBatchGoesOn() throws Exception {
        Path good1 = write("1-good.txt", "Judul\n\nIsi.");
        Path binary = write("2-binary.txt", new byte[] {'a', 0, 1, 2, 'b'});
        Path empty = write("3-empty.txt", new byte[0]);
        Path blank = write("4-blank.txt", "  \n\n ");
        Path badJsonl = write("5-bad.jsonl", new byte[] {'{', '"', 't', (byte) 0xC3, '"', '}'});
        Path good2 = write("6-good.txt", "Judul dua\n\nIsi.");
        String missing = dir.resolve("7-missing.txt").toString();
        read(good1.toString(), binary.toString(), empty.toString(), blank.toString(), badJsonl.toString(),
                good2.toString(), missing);
        assertThat(pages).extracting(Page::name).containsExactly(good1.toString(), good2.toString());
        assertThat(errors).extracting(InputException::input).containsExactly(binary.toString(), empty.toString(),
                blank.toString(), badJsonl.toString(), missing);
        assertThat(errors.get(0).getMessage()).contains("binary");
        assertThat(errors.get(1).getMessage()).contains("empty");
        assertThat(errors.get(3).getMessage()).contains("UTF-8");
        assertThat(errors.get(4).getMessage()).contains("no such file");
        assertThat(errors).allSatisfy(e -> assertThat(e.getMessage()).startsWith(e.input() + ": "));
    }

    @Test
    void legacyEncodingIsDecodedWithAWarningAndUndecodableBytesFail() throws Exception {
        Path cp1252 = write("lama.txt", "Judul\n\nCaf\u00e9 \u201cbaru\u201d.".getBytes(Charset.forName("windows-1252")));
        Path undecodable = write("rusak.txt", new byte[] {'J', 'u', 'd', 'u', 'l', '\n', (byte) 0x81, (byte) 0x8D});
        read(cp1252.toString(), undecodable.toString());
        assertThat(pages).singleElement().satisfies(p -> {
            assertThat(text(p)).isEqualTo("Judul\n\nCaf\u00e9 \u201cbaru\u201d.");
            assertThat(p.meta(Inputs.WARNING)).contains("windows-1252");
        });
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.input()).isEqualTo(undecodable.toString());
            assertThat(e.getMessage()).contains("UTF-8");
        });
    }

    @Test
    void byteOrderMarkIsHonouredAndDropped() throws Exception {
        byte[] body = "Judul\n\nIsi.".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Path p = write("utf16.txt", withBom);
        read(p.toString());
        assertThat(errors).isEmpty();
        assertThat(text(pages.get(0))).isEqualTo("Judul\n\nIsi.");
    }

    @Test
    void sizeLimitFromSystemProperty() throws Exception {
        Path big = write("besar.txt", "Judul\n\n" + "x".repeat(200));
        String old = System.getProperty("warta.maxInputBytes");
        System.setProperty("warta.maxInputBytes", "100");
        try {
            read(big.toString());
        } finally {
            if (old == null) System.clearProperty("warta.maxInputBytes");
            else System.setProperty("warta.maxInputBytes", old);
        }
        assertThat(pages).isEmpty();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.input()).isEqualTo(big.toString());
            assertThat(e.getMessage()).contains("limit").contains("warta.maxInputBytes");
        });
    }

    @Test
    void stdinIsSniffed() {
        List<Page> got = new ArrayList<>();
        Inputs.read(List.of("-"), new ByteArrayInputStream("<html><p>a</p></html>".getBytes(StandardCharsets.UTF_8)),
                got::add, errors::add);
        Inputs.read(List.of("-"), new ByteArrayInputStream("{\"text\":\"isi\"}\n{\"text\":\"dua\"}".getBytes(StandardCharsets.UTF_8)),
                got::add, errors::add);
        Inputs.read(List.of("-"), new ByteArrayInputStream("Judul\n\nIsi.".getBytes(StandardCharsets.UTF_8)),
                got::add, errors::add);
        assertThat(errors).isEmpty();
        assertThat(got).extracting(Page::type).containsExactly(Page.MediaType.HTML, Page.MediaType.TEXT,
                Page.MediaType.TEXT, Page.MediaType.TEXT);
        assertThat(got).extracting(Page::name).containsExactly("-", "-:1", "-:2", "-");
    }
}
