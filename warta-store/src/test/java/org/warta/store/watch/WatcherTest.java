package org.warta.store.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warta.Warta;
import org.warta.store.Ingester;
import org.warta.store.Store;
import org.warta.store.StoreConfig;
import org.warta.store.StoryAssigner;

/** The watcher against feeds and pages served by a local HTTP server (loopback allowed for the test). */
class WatcherTest {
    HttpServer server;
    String base;
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    final List<String> agents = new CopyOnWriteArrayList<>();
    final List<String> conditional = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    static String article(String title, String body) {
        return "<html lang=\"en\"><head><title>" + title + "</title></head><body><nav>Home | World</nav><article><h1>" + title
                + "</h1>" + body + "</article><footer>Copyright</footer></body></html>";
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        agents.add(ex.getRequestHeaders().getFirst("User-Agent"));
        byte[] body;
        String type = "text/html; charset=utf-8";
        switch (path) {
            case "/robots.txt" -> {
                body = "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8);
                type = "text/plain";
            }
            case "/feed.xml" -> {
                String inm = ex.getRequestHeaders().getFirst("If-None-Match");
                if (inm != null) conditional.add(inm);
                if ("\"v1\"".equals(inm)) {
                    ex.sendResponseHeaders(304, -1);
                    ex.close();
                    return;
                }
                ex.getResponseHeaders().add("ETag", "\"v1\"");
                body = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test feed</title><link>" + base + "/</link>"
                        + "<item><title>Ministers agree on fisheries deal</title><link>" + base + "/news/a.html</link>"
                        + "<pubDate>Mon, 14 Oct 2024 08:00:00 GMT</pubDate></item>"
                        + "<item><title>Flood relief reaches coastal towns</title><link>/news/b.html</link>"
                        + "<pubDate>Tue, 15 Oct 2024 09:30:00 GMT</pubDate></item>"
                        + "<item><title>Hidden page</title><link>" + base + "/private/c.html</link></item>"
                        + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
                type = "application/rss+xml";
            }
            case "/broken.xml" -> {
                body = "<rss><channel><item><title>unclosed".getBytes(StandardCharsets.UTF_8);
                type = "application/rss+xml";
            }
            case "/xxe.xml" -> {
                body = ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel>"
                        + "<title>&x;</title><item><title>&x;</title><link>" + base + "/news/a.html</link></item></channel></rss>")
                        .getBytes(StandardCharsets.UTF_8);
                type = "application/rss+xml";
            }
            case "/news/a.html" -> body = article("Ministers agree on fisheries deal",
                    "<p>The fisheries ministers of two neighbouring countries agreed on Monday to share patrol data along their sea border, "
                            + "officials said after a day of talks in the capital.</p><p>The agreement also sets up a joint committee that will "
                            + "meet every three months to review catches and settle disputes between fishing crews.</p>")
                    .getBytes(StandardCharsets.UTF_8);
            case "/news/b.html" -> body = article("Flood relief reaches coastal towns",
                    "<p>Relief trucks carrying rice, clean water and tents reached three coastal towns on Tuesday after floods cut the main "
                            + "road for a week, the regional disaster agency said.</p><p>Volunteers from neighbouring districts helped unload "
                            + "the supplies while engineers began repairing a collapsed bridge.</p>").getBytes(StandardCharsets.UTF_8);
            case "/big.html" -> body = new byte[300_000];
            case "/bomb.html" -> {
                ByteArrayOutputStream bos = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
                    gz.write(new byte[5_000_000]);
                }
                body = bos.toByteArray();
                ex.getResponseHeaders().add("Content-Encoding", "gzip");
            }
            default -> {
                if (path.startsWith("/hop/")) {
                    int n = Integer.parseInt(path.substring(5));
                    ex.getResponseHeaders().add("Location", n == 0 ? "/news/a.html" : "/hop/" + (n - 1));
                    ex.sendResponseHeaders(302, -1);
                    ex.close();
                    return;
                }
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
        }
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    SafeFetcher fetcher(boolean allowPrivate) {
        return new SafeFetcher(new SafeFetcher.Policy(allowPrivate, Duration.ofMillis(20), 200_000, Duration.ofSeconds(10)));
    }

    @Test
    void pollsTheFeedPolitelyAndIngestsOnlyWhatIsNew() throws Exception {
        Path feeds = dir.resolve("feeds.txt");
        Files.writeString(feeds, "# test feeds\n\n" + base + "/feed.xml   # the only one\n");
        List<URI> list = Watcher.readFeeds(feeds);
        assertThat(list).containsExactly(URI.create(base + "/feed.xml"));
        List<String> log = new CopyOnWriteArrayList<>();
        try (Store store = Store.open(StoreConfig.embedded(dir.resolve("data"), "watch test"))) {
            Watcher w = new Watcher(store, fetcher(true), FeedParser.standard(), log::add);
            Ingester in = new Ingester(store, Warta.builder().asOf(LocalDate.of(2026, 11, 27)).build(), StoryAssigner.perEvent(),
                    "test-kb", LocalDate.of(2026, 11, 27), 10, null);
            Watcher.Poll first = w.poll(list, in);
            assertThat(first.entries()).isEqualTo(3);
            assertThat(first.fetched()).isEqualTo(2);
            assertThat(first.failed()).isEqualTo(1);
            assertThat(log).anySatisfy(l -> assertThat(l).contains("/private/c.html").contains("robots.txt"));
            assertThat(hits).doesNotContainKey("/private/c.html");
            assertThat(store.hasUrl(base + "/news/a.html")).isTrue();
            assertThat(store.hasUrl(base + "/news/b.html")).isTrue();
            assertThat(in.report().added).isEqualTo(2);

            Watcher.Poll second = w.poll(list, in);
            assertThat(second.notModified()).isEqualTo(1);
            assertThat(conditional).containsExactly("\"v1\"");
            assertThat(hits.get("/news/a.html").get()).isEqualTo(1);
            assertThat(hits.get("/robots.txt").get()).isEqualTo(1);
            assertThat(agents).allSatisfy(a -> assertThat(a).startsWith("Warta/"));
        }
    }

    @Test
    void refusesLoopbackUnlessAllowed() {
        assertThatThrownBy(() -> fetcher(false).fetch(URI.create(base + "/news/a.html"), null, null))
                .hasMessageContaining("--allow-private").hasMessageContaining("127.0.0.1");
        assertThat(hits).isEmpty();
        assertThat(SafeFetcher.isPublic(InetAddress.getLoopbackAddress())).isFalse();
    }

    @Test
    void limitsRedirectsBodySizeAndDecompression() throws Exception {
        SafeFetcher f = fetcher(true);
        assertThat(f.fetch(URI.create(base + "/hop/4"), null, null).uri().getPath()).isEqualTo("/news/a.html");
        assertThatThrownBy(() -> f.fetch(URI.create(base + "/hop/5"), null, null)).hasMessageContaining("more than 5 redirects");
        assertThatThrownBy(() -> f.fetch(URI.create(base + "/big.html"), null, null)).hasMessageContaining("over the limit");
        assertThatThrownBy(() -> f.fetch(URI.create(base + "/bomb.html"), null, null)).hasMessageContaining("decompressed body is over the limit");
        assertThatThrownBy(() -> f.fetch(URI.create("file:///etc/passwd"), null, null)).hasMessageContaining("only http and https");
    }

    @Test
    void aBrokenOrHostileFeedIsReportedAndThePollGoesOn() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (Store store = Store.open(StoreConfig.embedded(dir.resolve("data"), "watch test"))) {
            Watcher w = new Watcher(store, fetcher(true), FeedParser.standard(), log::add);
            Ingester in = new Ingester(store, Warta.builder().asOf(LocalDate.of(2026, 11, 27)).build(), StoryAssigner.perEvent(),
                    "test-kb", LocalDate.of(2026, 11, 27), 10, null);
            Watcher.Poll p = w.poll(List.of(URI.create(base + "/broken.xml"), URI.create(base + "/xxe.xml"),
                    URI.create(base + "/missing.xml"), URI.create(base + "/feed.xml")), in);
            assertThat(p.failed()).isGreaterThanOrEqualTo(3);
            assertThat(p.fetched()).isEqualTo(2);
            assertThat(log).anySatisfy(l -> assertThat(l).contains("/broken.xml"));
            assertThat(log).anySatisfy(l -> assertThat(l).contains("/xxe.xml"));
            assertThat(log).anySatisfy(l -> assertThat(l).contains("/missing.xml").contains("404"));
            assertThat(log).noneSatisfy(l -> assertThat(l).contains("root:"));
        }
    }

    @Test
    void pagesWhoseBatchWasNotWrittenAreTriedAgainAtTheNextPoll() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (Store real = Store.open(StoreConfig.embedded(dir.resolve("data"), "watch test"))) {
            java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
            Store store = (Store) java.lang.reflect.Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class}, (proxy, m, args) -> {
                if (m.getName().equals("write") && broken.get()) throw new org.warta.store.StoreException("disk full (simulated)");
                try {
                    return m.invoke(real, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                }
            });
            Watcher w = new Watcher(store, fetcher(true), FeedParser.standard(), log::add);
            org.warta.pipeline.Pipeline pipeline = Warta.builder().asOf(LocalDate.of(2026, 11, 27)).build();
            Ingester first = new Ingester(store, pipeline, StoryAssigner.perEvent(), "test-kb", LocalDate.of(2026, 11, 27), 10, null);
            Watcher.Poll p1 = w.poll(List.of(URI.create(base + "/feed.xml")), first);
            assertThat(first.report().failures).anySatisfy(f -> assertThat(f).contains("/news/a.html: not stored: disk full"));
            assertThat(real.hasUrl(base + "/news/a.html")).isFalse();
            assertThat(p1.failed()).isGreaterThanOrEqualTo(1);
            broken.set(false);
            Ingester second = new Ingester(store, pipeline, StoryAssigner.perEvent(), "test-kb", LocalDate.of(2026, 11, 27), 10, null);
            Watcher.Poll p2 = w.poll(List.of(URI.create(base + "/feed.xml")), second);
            assertThat(p2.notModified()).as("the feed's validators were not kept").isZero();
            assertThat(p2.fetched()).isEqualTo(2);
            assertThat(real.hasUrl(base + "/news/a.html")).isTrue();
            assertThat(real.hasUrl(base + "/news/b.html")).isTrue();
        }
    }

    @Test
    void onlyALaterDateFetchesAStoredEntryAgain() {
        assertThat(Watcher.later("2026-11-27T10:00:01Z", "2026-11-27T10:00:00Z")).isTrue();
        assertThat(Watcher.later("2026-11-27T10:00:00+00:00", "2026-11-27T10:00:00Z")).isFalse(); // one instant, two spellings
        assertThat(Watcher.later("2026-11-27T17:00:00+07:00", "2026-11-27T10:00:00Z")).isFalse();
        assertThat(Watcher.later("2026-11-26T10:00:00Z", "2026-11-27T10:00:00Z")).isFalse(); // an older copy
        assertThat(Watcher.later("2026-11-28", "2026-11-27")).isTrue();
        assertThat(Watcher.later(null, "2026-11-27")).isFalse();
    }

    @Test
    void aBadLineInTheFeedsFileNamesFileAndLine() throws Exception {
        Path feeds = dir.resolve("feeds.txt");
        Files.writeString(feeds, "https://example.org/rss\nftp://example.org/feed\n");
        assertThatThrownBy(() -> Watcher.readFeeds(feeds)).hasMessageContaining("feeds.txt:2");
    }
}
