package org.warta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code warta watch --once} in-process against a feed on a loopback server, and its limit flags (with the
 * stand-in pipeline of {@link EvalCommandsTest}: the watcher is under test, not the coder).
 */
class WatchCommandTest {
    @TempDir
    Path dir;

    HttpServer server;
    String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            String body = null, type = "text/html; charset=utf-8";
            if (path.equals("/feed.xml")) {
                type = "application/rss+xml";
                body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
                        + "<item><title>Harbour reopens after repairs</title><link>" + base + "/news/harbour.html</link>"
                        + "<pubDate>Mon, 14 Oct 2024 08:00:00 GMT</pubDate></item>"
                        + "<item><title>Gone</title><link>" + base + "/news/gone.html</link></item></channel></rss>";
            } else if (path.equals("/news/harbour.html")) {
                body = "<html lang=\"en\"><head><title>Harbour reopens after repairs</title></head><body><article>"
                        + "<h1>Harbour reopens after repairs</h1><p>The harbour of Kupang reopened on Monday after repairs to the "
                        + "breakwater, the port authority said.</p><p>Fishing boats returned to the quay in the afternoon.</p>"
                        + "</article></body></html>";
            }
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                byte[] b = body.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", type);
                ex.sendResponseHeaders(200, b.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(b);
                }
            }
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void watchesOnceWithinTheLimitsItIsGiven() throws Exception {
        Path feeds = dir.resolve("feeds.txt");
        Files.writeString(feeds, base + "/feed.xml\n");
        String data = dir.resolve("data").toString();

        EvalCommandsTest.Run refused = EvalCommandsTest.run("watch", "--once", "--feeds", feeds.toString(), "--data-dir", data, "--host-interval", "0s");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains(base + "/feed.xml").contains("non-public").contains("--allow-net");

        EvalCommandsTest.Run ok = EvalCommandsTest.run("watch", "--once", "--feeds", feeds.toString(), "--data-dir", data, "--host-interval", "0s",
                "--allow-net", "127.0.0.1/32", "--timeout", "5s", "--max-bytes", "100000", "--max-ratio", "50");
        assertThat(ok.code()).as(ok.err()).isEqualTo(1); // one page 404s
        assertThat(ok.err()).contains("1 fetched").contains(base + "/news/gone.html: HTTP 404");
        EvalCommandsTest.Run search = EvalCommandsTest.run("search", "--data-dir", data, "breakwater");
        assertThat(search.out()).contains("Harbour reopens");

        EvalCommandsTest.Run badNet = EvalCommandsTest.run("watch", "--once", "--feeds", feeds.toString(), "--data-dir", data, "--allow-net", "intranet");
        assertThat(badNet.code()).isEqualTo(2);
        assertThat(badNet.err()).contains("'intranet' is not an address range");
        EvalCommandsTest.Run badRatio = EvalCommandsTest.run("watch", "--once", "--feeds", feeds.toString(), "--data-dir", data, "--max-ratio", "0");
        assertThat(badRatio.code()).isEqualTo(2);
        assertThat(badRatio.err()).contains("gzip ratio limit must be at least 1");
    }
}
