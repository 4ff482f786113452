package org.warta.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.warta.Warta;
import org.warta.cli.eval.ExtractionScorer;
import org.warta.io.Json;
import org.warta.lang.Languages;
import org.warta.model.Page;
import org.warta.read.Extractors;
import org.warta.read.Inputs;

/**
 * Runs Warta, Readability4J and boilerpipe on the same article-extraction pages in one process and
 * prints their scores (the metric of {@code eval extract}) and speed side by side, with their versions.
 *
 * <pre>
 * ./mvnw -q -pl warta-bench -am package -DskipTests
 * java -cp "$(cat warta-bench/target/classpath.txt):warta-bench/target/classes" org.warta.bench.ExtractionPeers \
 *      --data ../shared/bench/article-extraction [--peers warta-bench/target/peers] [--json]
 * </pre>
 *
 * <p>Each peer lives in its own class loader built from {@code target/peers/NAME/*.jar} (parent: the
 * platform class loader), so Readability4J's jsoup 1.11.2 and Warta's jsoup never meet. Every page is
 * decoded once (Warta's WHATWG decoding); each extractor then gets the same string. There are two
 * passes: the first warms the JIT and is not timed, the second is scored and timed. Speed is given as
 * pages per CPU second of the extracting thread (the machine may be shared, which makes wall time
 * noisy) and as pages per wall-clock second.
 */
public final class ExtractionPeers {
    /** One extractor under test: the text it finds in an HTML string. */
    interface Extractor {
        String body(String url, String html) throws Exception;
    }

    record Peer(String name, String version, String notes, Extractor extractor) {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of("../shared/bench/article-extraction");
        Path peers = Path.of("warta-bench/target/peers");
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--peers" -> peers = Path.of(args[++i]);
                case "--json" -> json = true;
                default -> {
                    System.err.println("usage: ExtractionPeers [--data DIR] [--peers DIR] [--json]");
                    System.exit(2);
                }
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ObjectNode result = run(data, peers(peers));
        if (json) out.println(Json.pretty(result));
        else print(out, result);
    }

    static List<Peer> peers(Path dir) throws Exception {
        List<Peer> list = new ArrayList<>();
        Extractors warta = new Extractors(new Languages(List.of()));
        list.add(new Peer("warta", Warta.VERSION, "jsoup " + org.jsoup.Jsoup.class.getPackage().getImplementationVersion(),
                (url, html) -> warta.extract(Page.html("page", url, html)).body()));

        ClassLoader r4j = loader(dir.resolve("readability4j"));
        Class<?> rc = r4j.loadClass("net.dankito.readability4j.Readability4J");
        var ctor = rc.getConstructor(String.class, String.class);
        Method parse = rc.getMethod("parse");
        Method textContent = r4j.loadClass("net.dankito.readability4j.Article").getMethod("getTextContent");
        list.add(new Peer("readability4j", jarVersion(dir.resolve("readability4j"), "readability4j"),
                "Kotlin port of an old readability.js; pins jsoup " + jarVersion(dir.resolve("readability4j"), "jsoup"),
                (url, html) -> {
                    Object article = parse.invoke(ctor.newInstance(url == null ? "" : url, html));
                    Object text = textContent.invoke(article);
                    return text == null ? "" : text.toString();
                }));

        ClassLoader bp = loader(dir.resolve("boilerpipe"));
        Class<?> bc = bp.loadClass("de.l3s.boilerpipe.extractors.ArticleExtractor");
        Object instance = bc.getField("INSTANCE").get(null);
        Method getText = bc.getMethod("getText", String.class);
        list.add(new Peer("boilerpipe", jarVersion(dir.resolve("boilerpipe"), "boilerpipe"),
                "ArticleExtractor; NekoHTML " + jarVersion(dir.resolve("boilerpipe"), "nekohtml"),
                (url, html) -> {
                    Object text = getText.invoke(instance, html);
                    return text == null ? "" : text.toString();
                }));
        return list;
    }

    private static ClassLoader loader(Path dir) throws IOException {
        if (!Files.isDirectory(dir))
            throw new IOException(dir + " not found; build it with ./mvnw -q -pl warta-bench -am package -DskipTests");
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) urls.add(p.toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static String jarVersion(Path dir, String artifact) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches(java.util.regex.Pattern.quote(artifact) + "-\\d.*\\.jar"))
                    .map(n -> n.substring(artifact.length() + 1, n.length() - 4))
                    .findFirst().orElse("?");
        }
    }

    record Sample(String id, String url, String html, String truth) {}

    static ObjectNode run(Path data, List<Peer> peers) throws Exception {
        JsonNode truth = Json.MAPPER.readTree(Files.readString(data.resolve("ground-truth.json"), StandardCharsets.UTF_8));
        List<Sample> samples = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) truth::fields) {
            byte[] bytes;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(data.resolve("html").resolve(e.getKey() + ".html.gz")))) {
                bytes = in.readAllBytes();
            }
            Page page = Inputs.htmlPage(e.getKey(), e.getValue().path("url").asText(null), bytes, null, Map.of());
            samples.add(new Sample(e.getKey(), page.url(), new String(page.bytes(), StandardCharsets.UTF_8),
                    e.getValue().path("articleBody").asText("")));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int n = peers.size();
        long[] cpu = new long[n];
        long[] wall = new long[n];
        int[] errors = new int[n];
        ExtractionScorer[] scorers = new ExtractionScorer[n];
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < n; k++) scorers[k] = new ExtractionScorer();
            for (int i = 0; i < samples.size(); i++) {
                Sample s = samples.get(i);
                for (int j = 0; j < n; j++) {
                    int k = (i + j) % n; // rotate who goes first, so no one always meets a cold cache
                    long c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
                    String body;
                    try {
                        body = peers.get(k).extractor().body(s.url(), s.html());
                    } catch (Throwable t) {
                        body = "";
                        if (pass == 1) errors[k]++;
                    }
                    if (pass == 1) {
                        cpu[k] += mx.getCurrentThreadCpuTime() - c0;
                        wall[k] += System.nanoTime() - w0;
                    }
                    scorers[k].add(s.truth(), body);
                }
            }
        }
        ObjectNode result = Json.object();
        result.put("data", data.toAbsolutePath().normalize().toString());
        result.put("pages", samples.size());
        ObjectNode byPeer = result.putObject("extractors");
        for (int k = 0; k < n; k++) {
            Peer p = peers.get(k);
            ObjectNode o = byPeer.putObject(p.name());
            o.put("version", p.version());
            o.put("notes", p.notes());
            o.put("f1", scorers[k].f1());
            o.put("precision", scorers[k].precision());
            o.put("recall", scorers[k].recall());
            o.put("accuracy", scorers[k].accuracy());
            o.put("coverage", scorers[k].coverage());
            o.put("pages_per_second", cpu[k] == 0 ? 0 : samples.size() / (cpu[k] / 1e9));
            o.put("pages_per_wall_second", wall[k] == 0 ? 0 : samples.size() / (wall[k] / 1e9));
            o.put("errors", errors[k]);
        }
        return result;
    }

    static void print(PrintStream out, ObjectNode r) {
        out.println("article-extraction: " + r.path("data").asText() + " (" + r.path("pages").asInt() + " pages, same process, second of two passes)");
        out.printf("%-14s %-8s %6s %6s %6s %6s %6s %9s %9s %6s  %s%n", "extractor", "version", "F1", "P", "R", "acc", "cover",
                "pages/cpu-s", "pages/s", "errors", "notes");
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) () -> r.path("extractors").fields()) {
            JsonNode o = e.getValue();
            out.printf("%-14s %-8s %6.3f %6.3f %6.3f %6.3f %6.3f %11.1f %9.1f %6d  %s%n", e.getKey(), o.path("version").asText(),
                    o.path("f1").asDouble(), o.path("precision").asDouble(), o.path("recall").asDouble(),
                    o.path("accuracy").asDouble(), o.path("coverage").asDouble(), o.path("pages_per_second").asDouble(),
                    o.path("pages_per_wall_second").asDouble(), o.path("errors").asInt(), o.path("notes").asText());
        }
    }
}
