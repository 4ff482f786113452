package org.warta.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.warta.cli.Env;
import org.warta.cli.Main;
import org.warta.io.Json;
import org.warta.read.Inputs;

/**
 * The Spark job in local mode on WARC files written here with jwarc: it codes the HTML responses, skips
 * other records, reports broken files instead of failing, and gives exactly the events (ids and records)
 * that {@code warta code} gives for the same files.
 */
class WartaSparkJobTest {
    static final String AS_OF = "2024-11-01";
    static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("warta-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.warehouse.dir", dir.resolve("warehouse").toString())
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) spark.stop();
    }

    /** Pages to crawl: the repository's example article, and the events-id texts when ../shared is there. */
    static List<String> texts() throws Exception {
        List<Path> files = new ArrayList<>();
        Path root = Path.of(System.getProperty("warta.root", ".."));
        try (Stream<Path> s = Files.list(root.resolve("examples"))) {
            s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
        }
        Path shared = Path.of(System.getProperty("warta.shared", "../../shared"), "bench/events-id/texts");
        if (Files.isDirectory(shared)) {
            try (Stream<Path> s = Files.list(shared)) {
                s.filter(p -> p.toString().endsWith(".txt")).sorted().limit(3).forEach(files::add);
            }
        }
        List<String> out = new ArrayList<>();
        for (Path f : files) out.add(Files.readString(f));
        assertThat(out).as("the example article in examples/").isNotEmpty();
        return out;
    }

    /** A text page as a simple HTML page: title, then one paragraph per line. */
    static String html(String text) {
        String[] lines = text.strip().split("\n");
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(lines[0])).append("</title></head><body><article><h1>").append(escape(lines[0])).append("</h1>");
        for (int i = 1; i < lines.length; i++) if (!lines[i].isBlank()) b.append("<p>").append(escape(lines[i])).append("</p>");
        return b.append("</article></body></html>").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static WarcResponse response(String url, int status, String type, byte[] body) throws Exception {
        HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
                .body(MediaType.parse(type), body).build();
        return new WarcResponse.Builder(URI.create(url)).date(Instant.parse("2024-10-31T08:00:00Z")).body(http).build();
    }

    @Test
    void theJobCodesWarcFilesLikeTheCliAndReportsBrokenFiles() throws Exception {
        List<String> texts = texts();
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) pages.put("https://news.example.org/2024/10/article-" + i, html(texts.get(i)));
        List<String> urls = new ArrayList<>(pages.keySet());

        // crawl-a.warc.gz: a request, every page but the last, a 404 and an image
        Path in = Files.createDirectories(dir.resolve("in"));
        try (WarcWriter w = new WarcWriter(Files.newByteChannel(in.resolve("crawl-a.warc.gz"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            w.write(new WarcRequest.Builder(URI.create(urls.get(0)))
                    .body(new HttpRequest.Builder("GET", URI.create(urls.get(0))).build()).build());
            for (int i = 0; i < urls.size() - 1; i++)
                w.write(response(urls.get(i), 200, "text/html; charset=utf-8", pages.get(urls.get(i)).getBytes(StandardCharsets.UTF_8)));
            w.write(response("https://news.example.org/missing", 404, "text/html", "<p>Not found</p>".getBytes(StandardCharsets.UTF_8)));
            w.write(response("https://news.example.org/logo.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1}));
        }
        // crawl-b.warc: uncompressed, the last page
        String last = urls.get(urls.size() - 1);
        try (WarcWriter w = new WarcWriter(Files.newByteChannel(in.resolve("crawl-b.warc"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE), WarcCompression.NONE)) {
            w.write(response(last, 200, "text/html", pages.get(last).getBytes(StandardCharsets.UTF_8)));
        }
        // broken files: a gzip WARC cut in half, and a file that is no WARC at all
        byte[] a = Files.readAllBytes(in.resolve("crawl-a.warc.gz"));
        Files.write(in.resolve("cut.warc.gz"), Arrays.copyOf(a, a.length / 2));
        Files.writeString(in.resolve("notes.warc"), "these are notes, not a WARC file\n");

        // warta code on the same files
        ByteArrayOutputStream cliOut = new ByteArrayOutputStream();
        Env env = new Env(new PrintStream(cliOut, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), Env::defaultPipeline, Inputs::read, false);
        List<String> files;
        try (Stream<Path> s = Files.list(in)) {
            files = s.map(Path::toString).sorted().toList();
        }
        List<String> args = new ArrayList<>(List.of("code", "--as-of", AS_OF));
        args.addAll(files);
        assertThat(Main.run(args.toArray(new String[0]), env)).as("some inputs are broken").isEqualTo(1);
        Map<String, JsonNode> cli = new HashMap<>();
        for (String line : cliOut.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) continue;
            JsonNode e = Json.MAPPER.readTree(line);
            cli.put(e.get("id").asText(), e);
        }
        assertThat(cli).as("events of warta code on the example pages").isNotEmpty();

        Path out = dir.resolve("out");
        WartaSparkJob.Summary summary = WartaSparkJob.run(spark, new WartaSparkJob.Options(
                List.of(in.toString()), out.toString(), AS_OF, List.of(), SaveMode.ErrorIfExists));

        // the same events, by id and by record
        List<Row> events = spark.read().parquet(out.resolve("events").toString()).select("id", "json", "date", "article_id").collectAsList();
        Map<String, JsonNode> job = new HashMap<>();
        for (Row r : events) job.put(r.getString(0), Json.MAPPER.readTree(r.getString(1)));
        assertThat(job.keySet()).isEqualTo(cli.keySet());
        for (String id : cli.keySet()) {
            JsonNode fromJob = job.get(id);
            JsonNode fromCli = cli.get(id);
            assertThat(fromJob).as("event " + id).isEqualTo(fromCli);
        }
        assertThat(events).allSatisfy(r -> assertThat(String.valueOf(r.get(2))).matches("\\d{4}-\\d{2}-\\d{2}"));

        // one article per page, with its URL
        List<Row> articles = spark.read().parquet(out.resolve("articles").toString()).select("url", "id", "text").collectAsList();
        Set<String> articleUrls = articles.stream().map(r -> r.getString(0)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(articleUrls).isEqualTo(new TreeSet<>(urls));
        Set<String> articleIds = articles.stream().map(r -> r.getString(1)).collect(Collectors.toSet());
        assertThat(events).allSatisfy(r -> assertThat(articleIds).contains(r.getString(3)));

        // the report: one row per file; broken files are reported, not fatal; the pages before a break are kept
        Map<String, Row> report = new HashMap<>();
        for (Row r : spark.read().parquet(out.resolve("report").toString()).collectAsList())
            report.put(Path.of(URI.create(r.getString(r.fieldIndex("input"))).getPath()).getFileName().toString(), r);
        assertThat(report.keySet()).containsExactlyInAnyOrder("crawl-a.warc.gz", "crawl-b.warc", "cut.warc.gz", "notes.warc");
        Row ra = report.get("crawl-a.warc.gz");
        assertThat(ra.<Long>getAs("pages")).as("HTML 200 responses only").isEqualTo(urls.size() - 1L);
        assertThat(ra.<Long>getAs("articles")).isEqualTo(urls.size() - 1L);
        assertThat(ra.<Long>getAs("failed")).isZero();
        assertThat(report.get("crawl-b.warc").<Long>getAs("pages")).isEqualTo(1L);
        for (String broken : List.of("cut.warc.gz", "notes.warc")) {
            Row r = report.get(broken);
            assertThat(r.<Long>getAs("failed")).as(broken).isPositive();
            assertThat(r.<String>getList(r.fieldIndex("errors"))).as(broken).isNotEmpty().allSatisfy(e -> assertThat(e).contains(broken));
        }
        assertThat(report.get("notes.warc").<Long>getAs("pages")).isZero();
        assertThat(summary.files()).isEqualTo(4);
        assertThat(summary.filesWithErrors()).isEqualTo(2);
        assertThat(summary.articles()).isEqualTo(urls.size() + report.get("cut.warc.gz").<Long>getAs("articles"));
        assertThat(summary.events()).isGreaterThanOrEqualTo(cli.size());
    }

    @Test
    void optionsAreCheckedWithAUsefulMessage() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WartaSparkJob.Options.parse(new String[] {"--input", "x"}))
                .hasMessageContaining("--output");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WartaSparkJob.Options.parse(
                        new String[] {"--input", "x", "--output", "y", "--as-of", "30/10"}))
                .hasMessageContaining("YYYY-MM-DD");
        var o = WartaSparkJob.Options.parse(new String[] {"--input", "a", "--input", "b", "--output", "o", "--mode", "overwrite"});
        assertThat(o.inputs()).containsExactly("a", "b");
        assertThat(o.mode()).isEqualTo(SaveMode.Overwrite);
        assertThat(o.asOf()).isNull();
    }
}
