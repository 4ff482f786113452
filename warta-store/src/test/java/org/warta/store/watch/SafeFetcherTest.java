package org.warta.store.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

/**
 * The fetcher's limits against a local HTTP server on loopback. The server is reached because the policy
 * allows exactly 127.0.0.1/32; every other non-public address stays refused.
 */
class SafeFetcherTest {
    interface Handler {
        void handle(HttpExchange ex) throws IOException, InterruptedException;
    }

    HttpServer server;
    ExecutorService pool;
    String base;
    int port;
    final Map<String, Handler> routes = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    static final String PAGE = "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
            + "<p>The harbour of a coastal town reopened on Monday after repairs to the breakwater, the port authority said.</p>"
            + "<p>Fishing boats returned to the quay in the afternoon.</p></article></body></html>";
    static final String RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>http://x.example/</link>"
            + "<item><title>Harbour reopens</title><link>/page.html</link></item></channel></rss>";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        pool = Executors.newCachedThreadPool();
        server.setExecutor(pool);
        port = server.getAddress().getPort();
        base = "http://127.0.0.1:" + port;
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            Handler h = routes.get(path);
            try {
                if (path.equals("/robots.txt")) {
                    send(ex, 404, "text/plain", new byte[0]);
                } else if (h == null) {
                    send(ex, 404, "text/plain", new byte[0]);
                } else {
                    h.handle(ex);
                }
            } catch (IOException | InterruptedException e) {
                // the client went away (a refusal or a timeout)
            } finally {
                ex.close();
            }
        });
        server.start();
        routes.put("/page.html", ex -> send(ex, 200, "text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        pool.shutdownNow();
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    static void redirect(HttpExchange ex, String to) throws IOException {
        ex.getResponseHeaders().add("Location", to);
        ex.sendResponseHeaders(302, -1);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        }
        return bos.toByteArray();
    }

    /** Loopback allowed (127.0.0.1 only), a 200 kB body limit, a 1 s timeout. */
    static SafeFetcher.Policy loopbackOnly() {
        return new SafeFetcher.Policy(false, List.of("127.0.0.1/32"), Duration.ZERO, 200_000, SafeFetcher.DEFAULT_MAX_RATIO, Duration.ofSeconds(1));
    }

    static SafeFetcher fetcher() {
        return new SafeFetcher(loopbackOnly());
    }

    @Test
    void loopbackIsReachedOnlyWhenAllowed() throws Exception {
        assertThat(new String(fetcher().fetchPage(URI.create(base + "/page.html")).body(), StandardCharsets.UTF_8)).contains("Harbour reopens");
        hits.clear();
        SafeFetcher strict = new SafeFetcher(new SafeFetcher.Policy(false, Duration.ZERO, 200_000, Duration.ofSeconds(1)));
        assertThatThrownBy(() -> strict.fetch(URI.create(base + "/page.html"), null, null))
                .hasMessageContaining(base + "/page.html").hasMessageContaining("127.0.0.1").hasMessageContaining("non-public");
        // a host name that resolves to loopback is refused just the same
        assertThatThrownBy(() -> strict.fetch(URI.create("http://localhost:" + port + "/page.html"), null, null))
                .hasMessageContaining("http://localhost:" + port + "/page.html").hasMessageContaining("non-public");
        assertThat(hits).isEmpty();
    }

    @Test
    void aRedirectToAPrivateAddressIsRefusedBeforeAnyConnection() {
        List<String> targets = List.of("http://10.1.2.3/x", "http://192.168.0.1/x", "http://172.16.5.4/x", "http://169.254.169.254/latest/meta-data/",
                "http://100.64.0.1/x", "http://0.0.0.0:" + port + "/page.html", "http://127.0.0.2:" + port + "/page.html",
                "http://[::1]:" + port + "/page.html", "http://[fd00::1]/x", "http://[fe80::1]/x", "http://[::ffff:10.0.0.1]/x", "http://224.0.0.1/x");
        for (int i = 0; i < targets.size(); i++) {
            String to = targets.get(i);
            routes.put("/go/" + i, ex -> redirect(ex, to));
            assertThatThrownBy(() -> fetcher().fetch(URI.create(base + "/go/" + targets.indexOf(to)), null, null))
                    .as(to).isInstanceOf(SafeFetcher.FetchException.class).hasMessageContaining("non-public");
        }
        assertThat(hits.get("/page.html")).isNull(); // the loopback targets other than 127.0.0.1 were never asked
    }

    @Test
    void addressesAreClassified() throws Exception {
        for (String a : List.of("127.0.0.1", "10.0.0.1", "172.31.255.255", "192.168.1.1", "169.254.0.1", "100.64.0.1", "0.0.0.0", "224.0.0.1",
                "239.255.255.250", "255.255.255.255", "192.0.2.1", "198.18.0.1", "::", "::1", "fe80::1", "fec0::1", "fd12:3456::1", "fc00::1",
                "ff02::1", "2001:db8::1", "64:ff9b::a00:1", "2002:c0a8:101::1", "::ffff:127.0.0.1")) {
            assertThat(SafeFetcher.isPublic(InetAddress.getByName(a))).as(a).isFalse();
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 10;
        mapped[15] = 1; // ::ffff:10.0.0.1 kept as an IPv6 address
        assertThat(SafeFetcher.isPublic(Inet6Address.getByAddress(null, mapped, -1))).isFalse();
        for (String a : List.of("93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "2a00:1450:4001::1", "64:ff9b::808:808")) {
            assertThat(SafeFetcher.isPublic(InetAddress.getByName(a))).as(a).isTrue();
        }
        SafeFetcher.Net net = SafeFetcher.Net.parse("10.20.0.0/16");
        assertThat(net.contains(InetAddress.getByName("10.20.3.4"))).isTrue();
        assertThat(net.contains(InetAddress.getByName("10.21.0.1"))).isFalse();
        assertThat(net.contains(InetAddress.getByName("::1"))).isFalse();
        assertThat(SafeFetcher.Net.parse("fd00::/8").contains(InetAddress.getByName("fd12::1"))).isTrue();
        assertThatThrownBy(() -> SafeFetcher.Net.parse("intranet/8")).hasMessageContaining("'intranet/8' is not an address range");
        assertThatThrownBy(() -> SafeFetcher.Net.parse("10.0.0.0/33")).hasMessageContaining("out of range");
    }

    @Test
    void redirectLoopsAndTooManyRedirectsAreRefused() throws Exception {
        routes.put("/self", ex -> redirect(ex, "/self"));
        routes.put("/a", ex -> redirect(ex, "/b"));
        routes.put("/b", ex -> redirect(ex, base + "/a"));
        for (int n = 0; n <= 6; n++) {
            int k = n;
            routes.put("/hop/" + n, ex -> redirect(ex, k == 0 ? "/page.html" : "/hop/" + (k - 1)));
        }
        SafeFetcher f = fetcher();
        assertThatThrownBy(() -> f.fetch(URI.create(base + "/self"), null, null)).hasMessageContaining(base + "/self").hasMessageContaining("redirect loop");
        assertThatThrownBy(() -> f.fetch(URI.create(base + "/a"), null, null)).hasMessageContaining(base + "/a").hasMessageContaining("redirect loop");
        assertThat(f.fetch(URI.create(base + "/hop/4"), null, null).uri().getPath()).isEqualTo("/page.html");
        assertThatThrownBy(() -> f.fetch(URI.create(base + "/hop/6"), null, null))
                .hasMessageContaining(base + "/hop/6").hasMessageContaining("more than 5 redirects");
    }

    @Test
    void oversizedBodiesAreRefusedWithOrWithoutALength() {
        routes.put("/declared", ex -> send(ex, 200, "text/html", new byte[300_000]));
        routes.put("/chunked", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0); // chunked: no length
            try (OutputStream os = ex.getResponseBody()) {
                byte[] block = "<p>words words words</p>\n".repeat(400).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 10_000; i++) os.write(block); // ~100 MB if nobody stopped it
            }
        });
        SafeFetcher f = fetcher();
        assertThatThrownBy(() -> f.fetch(URI.create(base + "/declared"), null, null))
                .hasMessageContaining(base + "/declared").hasMessageContaining("body of 300000 bytes is over the limit of 200000 bytes");
        assertThatThrownBy(() -> f.fetch(URI.create(base + "/chunked"), null, null))
                .hasMessageContaining(base + "/chunked").hasMessageContaining("body is over the limit of 200000 bytes");
    }

    @Test
    void gzipBombsAreRefusedByRatioAndBySize() throws Exception {
        byte[] tenMegabytesOfZeros = gzip(new byte[10_000_000]);
        byte[] page = gzip(PAGE.repeat(20).getBytes(StandardCharsets.UTF_8));
        routes.put("/bomb", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            send(ex, 200, "text/html", tenMegabytesOfZeros);
        });
        routes.put("/gz", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            send(ex, 200, "text/html", page);
        });
        routes.put("/br", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "br");
            send(ex, 200, "text/html", page);
        });
        assertThat(new String(fetcher().fetchPage(URI.create(base + "/gz")).body(), StandardCharsets.UTF_8)).startsWith(PAGE);
        // with a generous size limit the ratio catches it
        SafeFetcher roomy = new SafeFetcher(new SafeFetcher.Policy(false, List.of("127.0.0.1/32"), Duration.ZERO, 50_000_000, 100, Duration.ofSeconds(5)));
        assertThatThrownBy(() -> roomy.fetch(URI.create(base + "/bomb"), null, null))
                .hasMessageContaining(base + "/bomb").hasMessageContaining("expands more than 100 times").hasMessageContaining("decompression bomb");
        // with a small one the absolute cap does
        assertThatThrownBy(() -> fetcher().fetch(URI.create(base + "/bomb"), null, null))
                .hasMessageContaining(base + "/bomb").hasMessageContaining("decompressed body is over the limit of 200000 bytes");
        assertThatThrownBy(() -> fetcher().fetch(URI.create(base + "/br"), null, null))
                .hasMessageContaining(base + "/br").hasMessageContaining("Content-Encoding br is not accepted");
    }

    @Test
    void slowServersTimeOut() {
        routes.put("/silent", ex -> Thread.sleep(5_000));
        routes.put("/drip", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream os = ex.getResponseBody()) {
                for (int i = 0; i < 50; i++) {
                    os.write('<');
                    os.flush();
                    Thread.sleep(100);
                }
            }
        });
        SafeFetcher f = fetcher();
        assertThatThrownBy(() -> f.fetch(URI.create(base + "/silent"), null, null))
                .hasMessageContaining(base + "/silent").hasMessageContaining("timeout of 1 s")
                .isInstanceOfSatisfying(SafeFetcher.FetchException.class, e -> assertThat(e.lasting()).isFalse());
        assertThatThrownBy(() -> f.fetch(URI.create(base + "/drip"), null, null))
                .hasMessageContaining(base + "/drip").hasMessageContaining("timeout of 1 s");
    }

    @Test
    void feedsMustBeFeedsAndPagesMustBeHtmlText() throws Exception {
        byte[] garbage = new byte[5000];
        new Random(7).nextBytes(garbage);
        routes.put("/html-feed", ex -> send(ex, 200, "text/html", PAGE.getBytes(StandardCharsets.UTF_8)));
        routes.put("/json-feed", ex -> send(ex, 200, "application/json", "{\"items\":[]}".getBytes(StandardCharsets.UTF_8)));
        routes.put("/plain-feed", ex -> send(ex, 200, "text/plain", RSS.getBytes(StandardCharsets.UTF_8)));
        routes.put("/rss", ex -> send(ex, 200, "application/rss+xml", RSS.getBytes(StandardCharsets.UTF_8)));
        routes.put("/image", ex -> send(ex, 200, "image/png", garbage));
        routes.put("/garbage", ex -> send(ex, 200, "text/html", garbage));
        SafeFetcher f = fetcher();
        assertThatThrownBy(() -> f.fetchFeed(URI.create(base + "/html-feed"), null, null))
                .hasMessageContaining(base + "/html-feed").hasMessageContaining("content type text/html is not a feed");
        assertThatThrownBy(() -> f.fetchFeed(URI.create(base + "/json-feed"), null, null))
                .hasMessageContaining(base + "/json-feed").hasMessageContaining("content type application/json is not a feed");
        assertThat(f.fetchFeed(URI.create(base + "/plain-feed"), null, null).status()).isEqualTo(200); // vague type, but an <rss> root
        assertThat(f.fetchFeed(URI.create(base + "/rss"), null, null).status()).isEqualTo(200);
        assertThatThrownBy(() -> f.fetchPage(URI.create(base + "/image")))
                .hasMessageContaining(base + "/image").hasMessageContaining("content type image/png is not an HTML page");
        assertThatThrownBy(() -> f.fetchPage(URI.create(base + "/garbage")))
                .hasMessageContaining(base + "/garbage").hasMessageContaining("binary");
        assertThat(SafeFetcher.binary(PAGE.getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(SafeFetcher.binary("Berita terkini: banjir di Jakarta — ribuan warga mengungsi".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void everyRefusalIsReportedByNameAndTheOtherFeedsGoOn() throws Exception {
        byte[] bomb = gzip(new byte[5_000_000]);
        routes.put("/feed/bomb", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            send(ex, 200, "application/rss+xml", bomb);
        });
        routes.put("/feed/slow", ex -> Thread.sleep(5_000));
        routes.put("/feed/html", ex -> send(ex, 200, "text/html", PAGE.getBytes(StandardCharsets.UTF_8)));
        routes.put("/feed/loop", ex -> redirect(ex, "/feed/loop"));
        routes.put("/feed/private", ex -> redirect(ex, "http://192.168.1.1/rss"));
        routes.put("/feed/broken", ex -> send(ex, 200, "application/rss+xml", "<rss><channel><item><title>unclosed".getBytes(StandardCharsets.UTF_8)));
        routes.put("/feed/good", ex -> send(ex, 200, "application/rss+xml", RSS.getBytes(StandardCharsets.UTF_8)));
        List<String> bad = List.of("/feed/bomb", "/feed/slow", "/feed/html", "/feed/loop", "/feed/private", "/feed/broken");
        List<URI> feeds = new java.util.ArrayList<>();
        for (String b : bad) feeds.add(URI.create(base + b));
        feeds.add(URI.create(base + "/feed/good"));
        List<String> log = new CopyOnWriteArrayList<>();
        try (Store store = Store.open(StoreConfig.embedded(dir.resolve("data"), "fetcher test"))) {
            Watcher w = new Watcher(store, fetcher(), FeedParser.standard(), log::add);
            Ingester in = new Ingester(store, Warta.builder().asOf(LocalDate.of(2026, 11, 27)).build(), StoryAssigner.perEvent(),
                    "test-kb", LocalDate.of(2026, 11, 27), 10, null);
            Watcher.Poll p = w.poll(feeds, in);
            assertThat(p.failed()).isEqualTo(bad.size());
            assertThat(p.fetched()).isEqualTo(1);
            assertThat(store.hasUrl(base + "/page.html")).isTrue();
            for (String b : bad) assertThat(log).as(b).anySatisfy(l -> assertThat(l).contains(base + b));
            assertThat(log).hasSize(bad.size());
        }
    }
}
