package org.warta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warta.io.Json;
import org.warta.pipeline.Pipeline;
import org.warta.store.Store;

/**
 * The server under load: reader threads hit the main read endpoints (events, stories, text search, one
 * article with its annotations) over loopback with the JDK client WHILE articles are ingested into the
 * same store through {@code POST /api/articles} (the store has one writing process: the server's). Every
 * answer must be a 200 with valid JSON of the endpoint's shape, and every posted article must be stored and
 * indexed. Throughput and latency are printed and written to {@code target/load-test.json}; nothing is
 * asserted about speed.
 *
 * <p>The articles are the Indonesian texts of {@code ../shared/bench} (events-id and linking, 32). The readers
 * read for {@code -Dwarta.load.seconds} (default 20), and on while the ingest runs, up to
 * {@code -Dwarta.load.max-seconds} (default 3 times as long; then the ingest finishes alone and the report says how
 * many articles came in while reading). {@code -Dwarta.load.threads}: readers (default 8).
 * {@code -Dwarta.load.long=true} is the longer variant: 120 s at least, readers on until the ingest ends, and the
 * 181 HTML pages of the article-extraction benchmark posted too. Without {@code ../shared} the test skips, except
 * under -Dwarta.ci=true.
 */
class LoadTest {
    static final String TOKEN = "load-test-token";
    static final boolean LONG = Boolean.getBoolean("warta.load.long");
    static final int SECONDS = Integer.getInteger("warta.load.seconds", LONG ? 120 : 20);
    static final int THREADS = Integer.getInteger("warta.load.threads", 8);
    /** The readers go on past {@link #SECONDS} while the ingest runs, up to this (then the ingest finishes alone). */
    static final int MAX_SECONDS = Integer.getInteger("warta.load.max-seconds", LONG ? 3600 : 3 * SECONDS);
    /** The most the ingest may run past the reading before the test gives up on it. */
    static final Duration INGEST_GRACE = Duration.ofMinutes(LONG ? 30 : 5);
    static final List<String> KINDS = List.of("events", "stories", "search", "article");

    @TempDir
    Path dir;

    /** One article to post: a name, and the JSON body of {@code POST /api/articles}. */
    record Post(String name, String json) {}

    @Test
    void readersStayServedWhileArticlesAreIngested() throws Exception {
        Path shared = Path.of(System.getProperty("warta.shared", "../../shared"), "bench");
        boolean present = Files.isDirectory(shared.resolve("events-id/texts")) && Files.isDirectory(shared.resolve("linking/texts"));
        if (!present && Boolean.getBoolean("warta.ci")) {
            throw new AssertionError("CI: " + shared.toAbsolutePath() + " is missing (warta.ci=true turns this skip into a failure)");
        }
        assumeTrue(present, "skipped: " + shared.toAbsolutePath() + " is absent (../shared not beside the clone)");
        List<Post> posts = new ArrayList<>();
        Set<String> words = new TreeSet<>();
        for (String sub : List.of("events-id/texts", "linking/texts")) {
            for (Path f : list(shared.resolve(sub), ".txt")) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                ObjectNode o = Json.object();
                o.put("text", text);
                o.put("name", sub.split("/")[0] + "/" + f.getFileName());
                o.put("language", "id");
                o.put("as_of", DemoStore.AS_OF.toString());
                posts.add(new Post(o.path("name").asText(), Json.MAPPER.writeValueAsString(o)));
                // words of the titles, for the text queries: they find more as the articles arrive
                Arrays.stream(text.lines().findFirst().orElse("").split("[^\\p{L}]+")).filter(w -> w.length() >= 6).limit(2)
                        .forEach(w -> words.add(w.toLowerCase(Locale.ROOT)));
            }
        }
        if (LONG) {
            for (Path f : list(shared.resolve("article-extraction/html"), ".html.gz")) {
                ObjectNode o = Json.object();
                try (var in = new GZIPInputStream(Files.newInputStream(f))) {
                    o.put("html", new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                o.put("name", "article-extraction/" + f.getFileName());
                o.put("as_of", DemoStore.AS_OF.toString());
                posts.add(new Post(o.path("name").asText(), Json.MAPPER.writeValueAsString(o)));
            }
        }
        assertThat(posts).hasSizeGreaterThanOrEqualTo(30);
        assertThat(words).isNotEmpty();

        Pipeline pipeline = DemoStore.pipeline();
        try (Store store = DemoStore.open(dir, pipeline);
             WartaServer server = WartaServer.start(store, pipeline, DemoStore.KB,
                     // the limiter runs, with room for every request of the test; HTML pages are large
                     ServerConfig.loopback(0, TOKEN).withMaxBody(16L << 20).withRateLimit(1_000_000, 1_000_000))) {
            long articlesBefore = count(store, "articles");
            Run run = new Run(server, List.copyOf(words));
            // article ids to read: the seed's, then those the event lists show (the new ones among them)
            for (JsonNode e : run.json(run.client(), "/api/events?modality=all&limit=500").path("events")) run.articleIds.add(e.path("article_id").asText());
            assertThat(run.articleIds).isNotEmpty();

            List<Thread> readers = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Thread t = new Thread(run::read, "load-reader-" + i);
                readers.add(t);
            }
            Ingest ingest = new Ingest(server, posts);
            Thread writer = new Thread(ingest, "load-ingest");
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long start = System.nanoTime();
            readers.forEach(Thread::start);
            writer.start();
            // read for SECONDS, and on while the ingest runs (up to MAX_SECONDS)
            writer.join(SECONDS * 1000L);
            long left = start + SECONDS * 1_000_000_000L - System.nanoTime();
            if (left > 0) Thread.sleep(left / 1_000_000);
            long more = start + MAX_SECONDS * 1_000_000_000L - System.nanoTime();
            if (more > 0) writer.join(Math.max(1, more / 1_000_000));
            run.stop.set(true);
            for (Thread t : readers) t.join(120_000);
            double wall = (System.nanoTime() - start) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            int whileReading = ingest.stored;
            writer.join(INGEST_GRACE.toMillis());
            assertThat(writer.isAlive()).as("the ingest finished within " + INGEST_GRACE + " after the reading").isFalse();

            ObjectNode report = run.report(wall);
            report.put("seconds_planned", SECONDS);
            report.put("long_variant", LONG);
            report.put("articles_posted", posts.size());
            report.put("process_cpu_seconds", Math.round(cpu * 10) / 10.0);
            report.put("articles_ingested", ingest.stored);
            report.put("articles_ingested_while_reading", whileReading);
            report.put("ingest_seconds", Math.round(ingest.seconds * 10) / 10.0);
            report.set("ingest_latency", Run.stats(Run.merge(List.of(ingest.latencies())), ingest.seconds));
            report.put("events_ingested", ingest.events);
            report.put("ingest_failures", ingest.failures.size());
            report.put("processors", Runtime.getRuntime().availableProcessors());
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "load-test.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");
            System.out.println("load test: " + report);

            // every request answered 200 with valid JSON of its endpoint's shape
            assertThat(run.failures).as("failed requests (of " + report.path("requests").asLong() + ")").isEmpty();
            for (String kind : KINDS) assertThat(report.path("endpoints").path(kind).path("requests").asLong()).as(kind).isPositive();
            // every article posted was coded and stored, and the index has them all
            assertThat(ingest.failures).isEmpty();
            assertThat(ingest.stored).isEqualTo(posts.size());
            assertThat(count(store, "articles")).isEqualTo(articlesBefore + posts.size());
            assertThat((long) store.index().size()).isEqualTo(count(store, "articles"));
            assertThat(ingest.events).isPositive();
        }
    }

    static List<Path> list(Path folder, String suffix) throws IOException {
        try (var s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    static long count(Store store, String table) throws Exception {
        try (Connection c = store.read(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Posts the articles one by one with the token, as a client of the API would. */
    static final class Ingest implements Runnable {
        final WartaServer server;
        final List<Post> posts;
        final List<String> failures = new CopyOnWriteArrayList<>();
        volatile int stored;
        volatile int events;
        volatile double seconds;
        private final long[] nanos;

        long[] latencies() {
            return Arrays.copyOf(nanos, stored);
        }

        Ingest(WartaServer server, List<Post> posts) {
            this.server = server;
            this.posts = posts;
            this.nanos = new long[posts.size()];
        }

        @Override
        public void run() {
            HttpClient http = newClient();
            long t0 = System.nanoTime();
            for (Post p : posts) {
                long p0 = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/articles"))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                            .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(p.json())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    JsonNode j = r.statusCode() == 201 ? Json.MAPPER.readTree(r.body()) : null;
                    if (j == null || j.path("read").asInt() != 1 || j.path("added").asInt() + j.path("near_duplicate").asInt() != 1) {
                        failures.add(p.name() + ": " + r.statusCode() + " " + r.body());
                        continue;
                    }
                    nanos[stored] = System.nanoTime() - p0;
                    stored++;
                    events += j.path("events").asInt();
                } catch (IOException | RuntimeException e) {
                    failures.add(p.name() + ": " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.add(p.name() + ": interrupted");
                    return;
                }
            }
            seconds = (System.nanoTime() - t0) / 1e9;
        }
    }

    /** The readers' shared state: what to ask, when to stop, and what they measured. */
    static final class Run {
        final WartaServer server;
        final List<String> words;
        final AtomicBoolean stop = new AtomicBoolean();
        final List<String> articleIds = new CopyOnWriteArrayList<>();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        /** Per endpoint kind, the latencies (ns) of every reader, merged at the end. */
        final Map<String, ConcurrentLinkedQueue<long[]>> latencies = new LinkedHashMap<>();

        Run(WartaServer server, List<String> words) {
            this.server = server;
            this.words = words;
            for (String k : KINDS) latencies.put(k, new ConcurrentLinkedQueue<>());
        }

        HttpClient client() {
            return newClient();
        }

        JsonNode json(HttpClient http, String path) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return Json.MAPPER.readTree(r.body());
        }

        /** One reader: the four kinds of request in turn, with varied parameters, until told to stop. */
        void read() {
            HttpClient http = client();
            Map<String, long[]> mine = new LinkedHashMap<>();
            Map<String, Integer> n = new LinkedHashMap<>();
            for (String k : KINDS) {
                mine.put(k, new long[1024]);
                n.put(k, 0);
            }
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            List<String> sorts = List.of("day", "-day", "score", "-confidence");
            for (int i = rnd.nextInt(KINDS.size()); !stop.get(); i++) {
                String kind = KINDS.get(i % KINDS.size());
                String path = switch (kind) {
                    case "events" -> "/api/events?modality=" + (rnd.nextBoolean() ? "all" : "asserted") + "&sort=" + sorts.get(rnd.nextInt(sorts.size()))
                            + "&limit=" + (1 + rnd.nextInt(100)) + "&offset=" + rnd.nextInt(20);
                    case "stories" -> "/api/stories?modality=all&limit=" + (1 + rnd.nextInt(50));
                    case "search" -> "/api/events?modality=all&q=" + URLEncoder.encode(words.get(rnd.nextInt(words.size())), StandardCharsets.UTF_8);
                    default -> "/api/articles/" + articleIds.get(rnd.nextInt(articleIds.size()));
                };
                long t0 = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                            .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                    long dt = System.nanoTime() - t0;
                    String problem = check(kind, path, r);
                    if (problem != null) {
                        failures.add(problem);
                        continue;
                    }
                    int k = n.get(kind);
                    long[] a = mine.get(kind);
                    if (k == a.length) mine.put(kind, a = Arrays.copyOf(a, k * 2));
                    a[k] = dt;
                    n.put(kind, k + 1);
                } catch (IOException | RuntimeException e) {
                    failures.add(path + ": " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            for (String k : KINDS) latencies.get(k).add(Arrays.copyOf(mine.get(k), n.get(k)));
        }

        /** Null when the answer is a 200 with JSON of the endpoint's shape, else what is wrong. */
        String check(String kind, String path, HttpResponse<String> r) {
            if (r.statusCode() != 200) return path + ": " + r.statusCode() + " " + Params.shorten(r.body());
            if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) return path + ": not JSON";
            JsonNode j;
            try {
                j = Json.MAPPER.readTree(r.body());
            } catch (IOException e) {
                return path + ": invalid JSON: " + e.getMessage();
            }
            boolean ok = switch (kind) {
                case "events", "search" -> j.path("events").isArray() && j.path("total").isNumber();
                case "stories" -> j.path("stories").isArray() && j.path("total").isNumber();
                default -> j.path("id").isTextual() && j.path("sentences").isArray();
            };
            if (!ok) return path + ": unexpected shape " + Params.shorten(r.body());
            if (kind.equals("events") && articleIds.size() < 5000) {
                for (JsonNode e : j.path("events")) {
                    String id = e.path("article_id").asText();
                    if (!articleIds.contains(id)) articleIds.add(id);
                }
            }
            return null;
        }

        /** Requests, requests per second and latency percentiles, in all and per endpoint. */
        ObjectNode report(double wall) {
            ObjectNode o = Json.object();
            List<long[]> all = new ArrayList<>();
            ObjectNode per = Json.object();
            for (var e : latencies.entrySet()) {
                long[] merged = merge(new ArrayList<>(e.getValue()));
                all.add(merged);
                per.set(e.getKey(), stats(merged, wall));
            }
            long[] everything = merge(all);
            o.put("threads", THREADS);
            o.put("wall_seconds", Math.round(wall * 10) / 10.0);
            o.put("errors", failures.size());
            o.setAll(stats(everything, wall));
            o.set("endpoints", per);
            return o;
        }

        static long[] merge(List<long[]> parts) {
            long[] out = new long[parts.stream().mapToInt(a -> a.length).sum()];
            int i = 0;
            for (long[] a : parts) {
                System.arraycopy(a, 0, out, i, a.length);
                i += a.length;
            }
            Arrays.sort(out);
            return out;
        }

        static ObjectNode stats(long[] sorted, double wall) {
            ObjectNode o = Json.object();
            o.put("requests", sorted.length);
            o.put("requests_per_second", Math.round(sorted.length / wall * 10) / 10.0);
            o.put("p50_ms", ms(percentile(sorted, 0.50)));
            o.put("p99_ms", ms(percentile(sorted, 0.99)));
            o.put("max_ms", ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
            return o;
        }

        static long percentile(long[] sorted, double q) {
            if (sorted.length == 0) return 0;
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
        }

        static double ms(long nanos) {
            return Math.round(nanos / 1e4) / 100.0;
        }
    }
}
