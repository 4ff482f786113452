package org.warta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.warta.io.Json;
import org.warta.pipeline.Pipeline;
import org.warta.store.Store;

/** Every endpoint of the REST API on a real server (ephemeral loopback port) over the demo store. */
class ApiTest {
    static final String TOKEN = "test-token-5f1c";
    static final long MAX_BODY = 200_000;

    @TempDir
    static Path dir;
    static Store store;
    static WartaServer server;
    static WartaServer readOnly;
    static Pipeline pipeline;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        pipeline = DemoStore.pipeline();
        store = DemoStore.open(dir, pipeline);
        // the rate limiter runs, with room for every request of this class (rateLimitPerClientAddress has its own server)
        server = WartaServer.start(store, pipeline, DemoStore.KB, ServerConfig.loopback(0, TOKEN).withMaxBody(MAX_BODY).withRateLimit(100_000, 100_000));
        readOnly = WartaServer.start(store, pipeline, DemoStore.KB, ServerConfig.loopback(0, null).withRateLimit(100_000, 100_000));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (readOnly != null) readOnly.close();
        if (store != null) store.close();
    }

    record Answer(int status, JsonNode json, String body) {}

    static Answer get(String path) throws Exception {
        return get(server, path);
    }

    static Answer get(WartaServer s, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(s.url() + path.substring(1))).GET().build());
    }

    static Answer post(WartaServer s, String path, String contentType, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url() + path.substring(1)))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return send(b.build());
    }

    static Answer send(HttpRequest r) throws Exception {
        HttpResponse<String> res = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        JsonNode j = null;
        if (res.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) j = Json.MAPPER.readTree(res.body());
        return new Answer(res.statusCode(), j, res.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** An error answer: the status, a JSON {"error"} naming the problem, and no stack trace. */
    static void assertError(Answer a, int status, String mentions) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.json()).as(a.body()).isNotNull();
        assertThat(a.json().path("error").asText()).contains(mentions);
        assertThat(a.body()).doesNotContain("\tat ", "Exception:", "org.warta.");
    }

    static String seedText() throws IOException {
        return Files.readString(DemoStore.seed(), StandardCharsets.UTF_8);
    }

    // --- the OpenAPI document ----------------------------------------------------------------------------

    @Test
    void openApiDocumentIsValidAndDescribesEveryRoute() throws Exception {
        Answer a = get("/openapi.json");
        assertThat(a.status()).isEqualTo(200);
        JsonNode doc = a.json();
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.path("info").path("title").asText()).isNotBlank();
        assertThat(server.routes()).hasSizeGreaterThanOrEqualTo(12);
        for (String route : server.routes()) {
            String[] mp = route.split(" ", 2);
            JsonNode op = doc.path("paths").path(mp[1]).path(mp[0].toLowerCase());
            assertThat(op.isObject()).as("documented: " + route).isTrue();
            assertThat(op.path("responses").isObject()).as("responses of " + route).isTrue();
            // the gate's answers: every route may get 421 and 429 (with Retry-After), every write 413
            assertThat(op.path("responses").has("421")).as(route + " documents 421").isTrue();
            JsonNode tooMany = resolve(doc, op.path("responses").path("429"));
            assertThat(tooMany.path("headers").has("Retry-After")).as(route + " documents 429 with Retry-After").isTrue();
            if (mp[0].equals("POST")) assertThat(op.path("responses").has("413")).as(route + " documents 413").isTrue();
            // every path parameter is declared
            for (String p : mp[1].split("/")) {
                if (!p.startsWith("{")) continue;
                String name = p.substring(1, p.length() - 1);
                boolean declared = false;
                for (JsonNode par : op.path("parameters")) declared |= par.path("in").asText().equals("path") && par.path("name").asText().equals(name);
                assertThat(declared).as(route + " declares " + name).isTrue();
            }
        }
        // and nothing is documented that the server does not serve
        Set<String> documented = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(server.routes());
        // valid against the OpenAPI 3.0 schema (OAI/OpenAPI-Specification, schemas/v3.0, a test resource)
        try (InputStream in = ApiTest.class.getResourceAsStream("/openapi/schema-3.0.json")) {
            assertThat(in).isNotNull();
            var schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V4).getSchema(in);
            assertThat(schema.validate(doc)).isEmpty();
            // and the check is real: a document without paths fails
            JsonNode broken = doc.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) broken).remove("paths");
            assertThat(schema.validate(broken)).isNotEmpty();
        }
        // every $ref resolves
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        for (String r : refs) assertThat(doc.at(r.substring(1)).isMissingNode()).as(r).isFalse();
    }

    private static JsonNode resolve(JsonNode doc, JsonNode n) {
        return n.has("$ref") ? doc.at(n.get("$ref").asText().substring(1)) : n;
    }

    private static void collectRefs(JsonNode n, List<String> out) {
        if (n.isObject()) {
            if (n.has("$ref")) out.add(n.get("$ref").asText());
            n.elements().forEachRemaining(c -> collectRefs(c, out));
        } else if (n.isArray()) n.elements().forEachRemaining(c -> collectRefs(c, out));
    }

    // --- lists -----------------------------------------------------------------------------------------------

    @Test
    void eventsArePagedFilteredAndSorted() throws Exception {
        Answer all = get("/api/events?modality=all&limit=500");
        assertThat(all.status()).isEqualTo(200);
        long total = all.json().path("total").asLong();
        assertThat(total).isEqualTo(all.json().path("events").size()).isGreaterThan(0);
        Answer asserted = get("/api/events");
        assertThat(asserted.json().path("total").asLong()).isPositive().isLessThanOrEqualTo(total);
        for (JsonNode e : asserted.json().path("events")) assertThat(e.path("modality").asText()).isEqualTo("asserted");

        Answer page = get("/api/events?modality=all&limit=2&offset=1&sort=-day");
        assertThat(page.json().path("events").size()).isEqualTo(Math.min(2, (int) total - 1));
        assertThat(page.json().path("total").asLong()).isEqualTo(total);

        String type = all.json().path("events").get(0).path("event").asText();
        Answer typed = get("/api/events?modality=all&type=" + type.toLowerCase());
        assertThat(typed.json().path("total").asLong()).isPositive();
        for (JsonNode e : typed.json().path("events")) assertThat(e.path("event").asText()).isEqualTo(type);

        String actor = firstCode(all.json().path("events"), "actor_codes");
        Answer byActor = get("/api/events?modality=all&actor=" + actor);
        assertThat(byActor.json().path("total").asLong()).isPositive();
        for (JsonNode e : byActor.json().path("events")) assertThat(e.path("actor_codes").asText().split(";")).contains(actor);

        Answer future = get("/api/events?from=2999-01-01");
        assertThat(future.json().path("total").asLong()).isZero();
        assertThat(future.json().path("events").size()).isZero();
    }

    private static String firstCode(JsonNode events, String field) {
        for (JsonNode e : events) {
            String s = e.path(field).asText("");
            if (!s.isBlank()) return s.split(";")[0];
        }
        throw new AssertionError("no event has " + field);
    }

    @Test
    void textQueryRestrictsToMatchingArticles() throws Exception {
        // a word of the seed's title, read at run time
        String title = seedText().lines().findFirst().orElseThrow();
        String word = java.util.Arrays.stream(title.split("[^\\p{L}]+")).filter(w -> w.length() >= 5).findFirst().orElseThrow();
        Answer hit = get("/api/events?modality=all&q=" + enc(word));
        assertThat(hit.json().path("total").asLong()).isPositive();
        Answer miss = get("/api/events?q=" + enc("zzqxjv"));
        assertThat(miss.json().path("total").asLong()).isZero();
        Answer counted = get("/api/counts?by=type&modality=all&q=" + enc(word));
        assertThat(sum(counted.json().path("counts"))).isEqualTo(hit.json().path("total").asLong());
    }

    @Test
    void mentionsCarryTheirEvidenceText() throws Exception {
        Answer a = get("/api/mentions?modality=all&limit=500");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("total").asLong()).isGreaterThanOrEqualTo(get("/api/events?modality=all").json().path("total").asLong());
        for (JsonNode m : a.json().path("mentions")) {
            assertThat(m.path("text").asText()).isNotBlank();
            assertThat(m.path("text").asText()).contains(m.path("trigger").asText().split(" ")[0]);
        }
    }

    @Test
    void storiesArePaged() throws Exception {
        Answer a = get("/api/stories?modality=all");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("total").asLong()).isPositive();
        assertThat(a.json().path("stories").get(0).path("story_id").asText()).isNotBlank();
        Answer one = get("/api/stories?modality=all&limit=1");
        assertThat(one.json().path("stories").size()).isEqualTo(1);
        assertThat(one.json().path("total")).isEqualTo(a.json().path("total"));
    }

    @Test
    void oneEventWithMentionsActorsAndStory() throws Exception {
        JsonNode first = get("/api/events?limit=1").json().path("events").get(0);
        Answer a = get("/api/events/" + first.path("id").asText());
        assertThat(a.status()).isEqualTo(200);
        JsonNode e = a.json();
        assertThat(e.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(e.path("mentions").size()).isPositive();
        assertThat(e.path("actors").size()).isPositive();
        assertThat(e.path("story_reports").isArray()).isTrue();
        assertThat(e.path("record").path("mentions").size()).isEqualTo(e.path("mentions").size());
        assertError(get("/api/events/nope-0000"), 404, "no event");
    }

    @Test
    void articleWithItsAnnotations() throws Exception {
        JsonNode first = get("/api/events?limit=1").json().path("events").get(0);
        Answer a = get("/api/articles/" + first.path("article_id").asText());
        assertThat(a.status()).isEqualTo(200);
        JsonNode d = a.json();
        String text = d.path("article").path("text").asText();
        assertThat(text).isNotBlank();
        assertThat(d.path("entities").size()).isPositive();
        assertThat(d.path("sentences").size()).isPositive();
        assertThat(d.path("events").size()).isPositive();
        Set<String> stored = new HashSet<>();
        d.path("stored_events").forEach(x -> stored.add(x.asText()));
        assertThat(stored).contains(first.path("id").asText());
        Set<String> coded = new HashSet<>();
        d.path("events").forEach(x -> coded.add(x.path("id").asText()));
        assertThat(coded).as("re-coding the stored page gives the stored events").containsAll(stored);
        int n = text.codePointCount(0, text.length());
        for (JsonNode ent : d.path("entities")) assertThat(ent.path("end").asInt()).isLessThanOrEqualTo(n);
        assertError(get("/api/articles/no-such-article"), 404, "no article");
    }

    @Test
    void actorsTimelineAndNetwork() throws Exception {
        Answer actors = get("/api/actors?modality=all");
        assertThat(actors.status()).isEqualTo(200);
        JsonNode top = actors.json().path("actors").get(0);
        String code = top.path("code").asText();
        assertThat(top.path("events").asInt()).isPositive();
        Answer tl = get("/api/actors/" + code + "/timeline?modality=all");
        assertThat(tl.status()).isEqualTo(200);
        assertThat(tl.json().path("code").asText()).isEqualTo(code);
        long days = 0;
        for (JsonNode d : tl.json().path("days")) days += d.path("events").asLong();
        long types = sum(tl.json().path("types"), "events");
        assertThat(types).isEqualTo(top.path("events").asLong());
        assertThat(days).isLessThanOrEqualTo(types);

        Answer net = get("/api/network?modality=all");
        assertThat(net.status()).isEqualTo(200);
        assertThat(net.json().path("dyads").size()).isPositive();
        Set<String> codes = new HashSet<>();
        actors.json().path("actors").forEach(x -> codes.add(x.path("code").asText()));
        for (JsonNode d : net.json().path("dyads")) {
            assertThat(codes).contains(d.path("source").asText(), d.path("target").asText());
            assertThat(d.path("events").asInt()).isPositive();
            assertThat(d.path("mean_score").isNumber() || d.path("mean_score").isNull()).isTrue();
        }
        Answer ranged = get("/api/network?from=2999-01-01&to=2999-12-31");
        assertThat(ranged.json().path("dyads").size()).isZero();
    }

    @Test
    void countsByDayTypeAndQuad() throws Exception {
        long total = get("/api/events?modality=all").json().path("total").asLong();
        for (String by : List.of("day", "type", "quad", "country")) {
            Answer a = get("/api/counts?modality=all&by=" + by);
            assertThat(a.status()).isEqualTo(200);
            assertThat(sum(a.json().path("counts"))).as(by).isEqualTo(total);
        }
        Answer split = get("/api/counts?modality=all&by=day&split=quad");
        assertThat(sum(split.json().path("counts"))).isEqualTo(total);
        assertThat(split.json().path("counts").get(0).has("group")).isTrue();
    }

    static long sum(JsonNode counts) {
        return sum(counts, "n");
    }

    static long sum(JsonNode rows, String field) {
        long n = 0;
        for (JsonNode c : rows) n += c.path(field).asLong();
        return n;
    }

    // --- coding and ingesting -----------------------------------------------------------------------------------

    @Test
    void codePastedTextGivesTheStoredEventsWithoutStoring() throws Exception {
        long before = get("/api/events?modality=all").json().path("total").asLong();
        Answer a = post(readOnly, "/api/code", "application/json",
                Json.MAPPER.writeValueAsString(java.util.Map.of("text", seedText(), "as_of", DemoStore.AS_OF.toString())), null);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        List<String> coded = new ArrayList<>();
        a.json().path("events").forEach(e -> coded.add(e.path("event").asText()));
        List<String> stored = new ArrayList<>();
        String title = seedText().lines().findFirst().orElseThrow().strip();
        get("/api/events?modality=all&limit=500").json().path("events").forEach(e -> {
            if (e.path("title").asText().equals(title)) stored.add(e.path("event").asText());
        });
        assertThat(coded).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(get("/api/events?modality=all").json().path("total").asLong()).as("nothing stored").isEqualTo(before);

        Answer plain = post(server, "/api/code", "text/plain; charset=utf-8", seedText(), null);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.json().path("events").size()).isPositive();
        assertThat(plain.json().path("article").path("text").asText()).isNotBlank();
        // open on a server with writes disabled too
        assertThat(post(readOnly, "/api/code", "text/plain", seedText(), null).status()).isEqualTo(200);
    }

    @Test
    void ingestNeedsTheToken() throws Exception {
        String article = "Warga Desa Sukamaju Berunjuk Rasa\n\nJAKARTA - Ratusan warga berunjuk rasa di depan kantor bupati pada Senin (25/11), "
                + "menuntut perbaikan jalan desa.";
        assertError(post(server, "/api/articles", "text/plain", article, null), 401, "token");
        assertError(post(server, "/api/articles", "text/plain", article, "wrong"), 401, "wrong token");
        assertError(post(readOnly, "/api/articles", "text/plain", article, TOKEN), 403, "disabled");
        // the token check comes before the parameter check
        assertError(post(server, "/api/articles", "application/json", "{not json", null), 401, "token");

        Answer ok = post(server, "/api/articles", "application/json",
                Json.MAPPER.writeValueAsString(java.util.Map.of("text", article, "as_of", "2024-11-27", "language", "id")), TOKEN);
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().path("read").asInt()).isEqualTo(1);
        assertThat(ok.json().path("added").asInt() + ok.json().path("duplicate").asInt()).isEqualTo(1);
        Answer again = post(server, "/api/articles", "text/plain", article, TOKEN);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("added").asInt()).isZero();
    }

    // --- hardening, in the issue's order -----------------------------------------------------------------------

    /** Sends a raw request (so the Host header can be anything) and returns the status line's code and the body. */
    static String[] raw(WartaServer s, String request) throws IOException {
        Raw r = raw(s, null, request);
        return new String[] {r.status(), r.body()};
    }

    /** A raw answer: the status code, the header block (lower-cased names) and the body. */
    record Raw(String status, String headers, String body) {
        String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) return line.substring(colon + 1).strip();
            }
            return null;
        }
    }

    /** Sends a raw request from a local address of the loopback network (null: the default one). */
    static Raw raw(WartaServer s, java.net.InetAddress from, String request) throws IOException {
        try (Socket sock = from == null ? new Socket("127.0.0.1", s.port()) : new Socket(java.net.InetAddress.getByName("127.0.0.1"), s.port(), from, 0)) {
            sock.setSoTimeout(20_000);
            OutputStream out = sock.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = sock.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] b = new byte[8192];
            for (int n; (n = in.read(b)) > 0; ) buf.write(b, 0, n);
            String res = buf.toString(StandardCharsets.UTF_8);
            int end = res.indexOf("\r\n\r\n");
            return new Raw(res.split(" ", 3)[1], res.substring(0, end), res.substring(end + 4));
        }
    }

    @ParameterizedTest
    @CsvSource({"evil.example", "evil.example:80", "127.0.0.1.nip.io", "localhost:1"})
    void foreignHostIsRefused(String host) throws Exception {
        String[] r = raw(server, "GET /api/events HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
        assertThat(r[0]).isEqualTo("421");
        assertThat(r[1]).contains("\"error\"").contains("not this server's");
        // the UI itself is refused too
        assertThat(raw(server, "GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")[0]).isEqualTo("421");
    }

    @Test
    void ownHostNamesAreAccepted() throws Exception {
        for (String host : List.of("127.0.0.1:" + server.port(), "localhost:" + server.port(), "[::1]:" + server.port())) {
            assertThat(raw(server, "GET /api/events?limit=1 HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")[0]).as(host).isEqualTo("200");
        }
    }

    @Test
    void checksRunInOrder() throws Exception {
        String big = "x".repeat((int) MAX_BODY + 10);
        // 421 before 413
        assertThat(raw(server, "POST /api/articles HTTP/1.1\r\nHost: evil.example\r\nContent-Type: text/plain\r\nContent-Length: "
                + big.length() + "\r\nConnection: close\r\n\r\n" + big)[0]).isEqualTo("421");
        // 413 before 401
        assertError(post(server, "/api/articles", "text/plain", big, null), 413, "limit");
        assertError(post(server, "/api/code", "text/plain", big, null), 413, "limit");
        // 401 before 400 is in ingestNeedsTheToken
    }

    @Test
    void bindsLoopbackUnlessToldOtherwise() {
        assertThat(server.boundHost()).isEqualTo("127.0.0.1");
        assertThat(ServerConfig.loopback(0, null).host()).isEqualTo("127.0.0.1");
        assertThat(new ServerConfig(null, 0, null, 0, null, null, false, 0, 0).host()).isEqualTo(ServerConfig.DEFAULT_HOST);
        for (String loop : List.of("127.0.0.1", "127.3.2.1", "localhost", "::1", "[::1]", "0:0:0:0:0:0:0:1")) {
            assertThat(new ServerConfig(loop, 0, null, 0, null, null, false, 0, 0).host()).isEqualTo(loop);
        }
        for (String other : List.of("0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "example.org", "[2001:db8::1]")) {
            // another address needs the explicit flag ...
            assertThatThrownBy(() -> new ServerConfig(other, 0, TOKEN, 0, null, null, false, 0, 0))
                    .as(other).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--allow-remote").hasMessageContaining(other);
            // ... and a token
            assertThatThrownBy(() -> new ServerConfig(other, 0, null, 0, null, null, true, 0, 0))
                    .as(other).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token");
            assertThat(new ServerConfig(other, 0, TOKEN, 0, null, null, true, 0, 0).host()).isEqualTo(other);
        }
    }

    @Test
    void chunkedBodyIsCountedAsItIsRead() throws Exception {
        // no Content-Length: the size is only known by reading
        String big = "x".repeat((int) MAX_BODY + 1000);
        Raw over = raw(server, null, "POST /api/code HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nContent-Type: text/plain\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunked(big));
        assertThat(over.status()).as(over.body()).isEqualTo("413");
        assertThat(over.body()).contains("\"error\"").contains("limit");
        // 413 before 401, chunked too
        Raw write = raw(server, null, "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nContent-Type: text/plain\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunked(big));
        assertThat(write.status()).as(write.body()).isEqualTo("413");
        // a chunked body within the limit is read whole
        Raw ok = raw(server, null, "POST /api/code HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunked(seedText()));
        assertThat(ok.status()).as(ok.body()).isEqualTo("200");
        assertThat(Json.MAPPER.readTree(ok.body()).path("article").path("text").asText()).isNotBlank();
        // the JDK client sends a body of unknown length chunked
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.url() + "api/code")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))).build();
        assertError(send(r), 413, "limit");
    }

    /** A body in HTTP/1.1 chunked transfer coding, 4 KiB a chunk. */
    static String chunked(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b.length; i += 4096) {
            int n = Math.min(4096, b.length - i);
            s.append(Integer.toHexString(n)).append("\r\n").append(new String(b, i, n, StandardCharsets.ISO_8859_1)).append("\r\n");
        }
        return s.append("0\r\n\r\n").toString();
    }

    @Test
    void theTokenMustMatchWhole() throws Exception {
        // the right token first: on the same connection, a value that differs only in case must not match the one Jetty cached
        assertError(post(server, "/api/articles", "text/plain", " ", TOKEN), 400, "empty");
        for (String wrong : List.of(TOKEN.toUpperCase(java.util.Locale.ROOT), TOKEN.substring(0, TOKEN.length() - 1), TOKEN + "x",
                TOKEN.substring(1), "x".repeat(2000), TOKEN.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + TOKEN.substring(1))) {
            Answer a = post(server, "/api/articles", "text/plain", "Judul\n\nTeks.", wrong);
            assertThat(a.status()).as(wrong).isEqualTo(401);
            assertError(a, 401, "wrong token");
        }
        assertError(post(server, "/api/articles", "text/plain", "Judul\n\nTeks.", " "), 401, "token");
        // the right one passes the gate (then the empty body is a 400), by either header
        assertError(post(server, "/api/articles", "text/plain", " ", TOKEN), 400, "empty");
        HttpRequest alt = HttpRequest.newBuilder(URI.create(server.url() + "api/articles")).header("Content-Type", "text/plain")
                .header("X-Warta-Token", TOKEN).POST(HttpRequest.BodyPublishers.ofString(" ")).build();
        assertError(send(alt), 400, "empty");
        // the comparison is of fixed-length digests, whatever the length sent
        assertThat(WartaServer.sha256("a")).hasSize(32);
        assertThat(WartaServer.sha256("x".repeat(5000))).hasSize(32);
    }

    @Test
    void rateLimitPerClientAddress() throws Exception {
        // 3 at once, then one every 5 s
        try (WartaServer limited = WartaServer.start(store, pipeline, DemoStore.KB,
                ServerConfig.loopback(0, TOKEN).withMaxBody(1000).withRateLimit(0.2, 3))) {
            String req = "GET /api/events?limit=1 HTTP/1.1\r\nHost: 127.0.0.1:" + limited.port() + "\r\nConnection: close\r\n\r\n";
            java.net.InetAddress one = java.net.InetAddress.getByName("127.0.0.1");
            for (int i = 0; i < 3; i++) assertThat(raw(limited, one, req).status()).as("request " + i).isEqualTo("200");
            Raw refused = raw(limited, one, req);
            assertThat(refused.status()).isEqualTo("429");
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 5);
            assertThat(Json.MAPPER.readTree(refused.body()).path("error").asText()).contains("too many requests");
            // the UI's files count too
            assertThat(raw(limited, one, req.replace("/api/events?limit=1", "/app.js")).status()).isEqualTo("429");
            // another client address has its own bucket
            java.net.InetAddress two = java.net.InetAddress.getByName("127.0.0.2");
            assertThat(raw(limited, two, req).status()).isEqualTo("200");
            // the Host check comes first
            assertThat(raw(limited, one, req.replace("Host: 127.0.0.1:" + limited.port(), "Host: evil.example")).status()).isEqualTo("421");
            // 429 before 413 and 401
            String big = "x".repeat(2000);
            Raw write = raw(limited, one, "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1:" + limited.port()
                    + "\r\nContent-Type: text/plain\r\nContent-Length: " + big.length() + "\r\nConnection: close\r\n\r\n" + big);
            assertThat(write.status()).isEqualTo("429");
            assertThat(raw(limited, two, "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1:" + limited.port()
                    + "\r\nContent-Type: text/plain\r\nContent-Length: " + big.length() + "\r\nConnection: close\r\n\r\n" + big).status())
                    .as("the other address, not limited yet").isEqualTo("413");
        }
    }

    /** Values that would change a query pasted into SQL, and a few that pass the code check and so reach it. */
    static final List<String> INJECTIONS = List.of("' OR '1'='1", "1' OR 1=1 --", "x'); DROP TABLE events; --",
            "\"; DELETE FROM articles; --", "1) OR (1=1", "PRK' UNION SELECT id, text FROM articles --", "%' OR e.id LIKE '%",
            "0 OR 1=1", "IDN--", "1;--", "a.b:c-d_e", "REQUEST'--");

    @Test
    void sqlInjectionInEveryParameterGetsANormalAnswerAndTheDataStays() throws Exception {
        Map<String, Long> before = tableCounts();
        long events = get("/api/events?modality=all").json().path("total").asLong();
        Map<String, List<String>> endpoints = new java.util.LinkedHashMap<>();
        List<String> filters = new ArrayList<>(Params.FILTER_PARAMS);
        endpoints.put("/api/events", concat(filters, "q", "sort", "offset", "limit"));
        endpoints.put("/api/mentions", concat(filters, "q", "sort", "offset", "limit"));
        endpoints.put("/api/stories", concat(filters, "offset", "limit"));
        endpoints.put("/api/actors", concat(filters, "limit"));
        endpoints.put("/api/network", concat(filters, "limit"));
        endpoints.put("/api/counts", concat(filters, "by", "split", "q"));
        String actor = get("/api/actors?modality=all").json().path("actors").get(0).path("code").asText();
        endpoints.put("/api/actors/" + actor + "/timeline", filters);
        Set<String> codes = Set.of("actor", "recipient", "type", "mode", "country", "story");
        Map<String, Integer> reached = new java.util.TreeMap<>();
        for (var ep : endpoints.entrySet()) {
            for (String param : ep.getValue()) {
                for (String inj : INJECTIONS) {
                    String path = ep.getKey() + "?modality=all&" + param + "=" + enc(inj);
                    if (param.equals("modality")) path = ep.getKey() + "?modality=" + enc(inj);
                    Answer a = get(path);
                    assertThat(a.status()).as(path + ": " + a.body()).isIn(200, 400);
                    assertThat(a.json()).as(path + " answers JSON").isNotNull();
                    if (a.status() == 400) {
                        assertThat(a.json().path("error").asText()).as(path).contains(param);
                        continue;
                    }
                    reached.merge(param, 1, Integer::sum);
                    // nothing widened: no code is one of these strings, and a text query finds at most what there is
                    if (codes.contains(param)) assertThat(rows(a.json())).as(path).isZero();
                    if (a.json().has("total")) assertThat(a.json().path("total").asLong()).as(path).isLessThanOrEqualTo(events);
                }
            }
        }
        // the strings of the code alphabet and the text query did reach the SQL (as parameters)
        assertThat(reached.keySet()).as("answered 200: " + reached).containsAll(codes).contains("q");
        // path parameters
        for (String inj : INJECTIONS) {
            String p = enc(inj).replace("+", "%20");
            assertThat(get("/api/events/" + p).status()).as(inj).isEqualTo(404);
            assertThat(get("/api/articles/" + p).status()).as(inj).isEqualTo(404);
            assertThat(get("/api/actors/" + p + "/timeline").status()).as(inj).isIn(200, 400);
        }
        // and the data is intact
        assertThat(tableCounts()).isEqualTo(before);
        assertThat(get("/api/events?modality=all").json().path("total").asLong()).isEqualTo(events);
    }

    private static List<String> concat(List<String> a, String... more) {
        List<String> out = new ArrayList<>(a);
        out.addAll(List.of(more));
        return out;
    }

    /** The rows of a list answer (events, mentions, stories, actors, dyads, counts, a timeline's days). */
    private static long rows(JsonNode a) {
        for (String k : List.of("events", "mentions", "stories", "actors", "dyads", "counts", "days")) {
            if (a.has(k)) return a.path(k).size();
        }
        throw new AssertionError("no list in " + a);
    }

    private static Map<String, Long> tableCounts() throws Exception {
        Map<String, Long> n = new java.util.TreeMap<>();
        try (java.sql.Connection c = store.read(); java.sql.Statement st = c.createStatement()) {
            for (String t : List.of("articles", "events", "mentions", "actors", "stories", "story_events")) {
                try (java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + t)) {
                    rs.next();
                    n.put(t, rs.getLong(1));
                }
            }
        }
        return n;
    }

    @Test
    void internalErrorsShowNoStackTraceOrClassName(@TempDir Path own) throws Exception {
        Store broken = DemoStore.open(own, pipeline);
        try (WartaServer s = WartaServer.start(broken, pipeline, DemoStore.KB, ServerConfig.loopback(0, TOKEN))) {
            String id = get(s, "/api/events?limit=1").json().path("events").get(0).path("article_id").asText();
            // a stored page of a type the code does not know: reading it fails inside the server
            try (java.sql.Connection c = broken.read(); java.sql.Statement st = c.createStatement()) {
                assertThat(st.executeUpdate("UPDATE articles SET page_type = 'NOT_A_MEDIA_TYPE'")).isPositive();
            }
            Answer a = get(s, "/api/articles/" + id);
            assertThat(a.status()).as(a.body()).isEqualTo(500);
            assertNoInternals(a, "NOT_A_MEDIA_TYPE");
            // the store gone: every read fails in the store
            broken.close();
            Answer b = get(s, "/api/events");
            assertThat(b.status()).as(b.body()).isEqualTo(503);
            assertNoInternals(b, "closed");
            // a write fails in the store too
            Answer w = post(s, "/api/articles", "text/plain", seedText() + "\n\nTambahan.", TOKEN);
            assertThat(w.status()).as(w.body()).isIn(500, 503);
            assertNoInternals(w, "closed");
        } finally {
            broken.close();
        }
        // malformed requests that fail before any handler
        for (String bad : List.of("GET /api/events?actor=%zz HTTP/1.1", "GET /%zz HTTP/1.1", "GET /api/events/%00 HTTP/1.1",
                "GET /api/../../etc/passwd HTTP/1.1", "POST /api/code HTTP/1.1\r\nContent-Length: -5")) {
            Raw r = raw(server, null, bad + "\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n");
            assertThat(r.status()).as(bad).isNotEqualTo("500");
            assertThat(r.body()).as(bad).doesNotContain("\tat ", "Exception", "org.eclipse", "org.warta", "java.", "io.javalin");
        }
    }

    private static void assertNoInternals(Answer a, String detail) {
        assertThat(a.json()).as(a.body()).isNotNull();
        assertThat(a.json().path("error").asText()).contains("server log");
        assertThat(a.body()).doesNotContain("\tat ", "Exception", "org.", "java.", "duckdb", "DuckDB", "SQL", detail);
    }

    @Test
    void corsIsOffUnlessConfigured() throws Exception {
        String evil = "http://evil.example";
        String friend = "http://friend.example";
        // off: no origin gets an Access-Control-Allow-Origin, a preflight gets no permission
        for (WartaServer s : List.of(server, readOnly)) {
            assertThat(corsGet(s, friend).headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(preflight(s, friend).headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
        // on for one origin
        try (WartaServer cors = WartaServer.start(store, pipeline, DemoStore.KB, ServerConfig.loopback(0, TOKEN).withCorsOrigins(List.of(friend)))) {
            HttpResponse<String> ok = corsGet(cors, friend);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).hasValue(friend);
            assertThat(corsGet(cors, evil).headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            HttpResponse<String> pre = preflight(cors, friend);
            assertThat(pre.statusCode()).isLessThan(300);
            assertThat(pre.headers().firstValue("Access-Control-Allow-Origin")).hasValue(friend);
            assertThat(pre.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase(java.util.Locale.ROOT)).contains("authorization");
            assertThat(preflight(cors, evil).headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            // the friend's page may post, another's may not; the token is still needed for a store
            assertThat(postFrom(cors, "/api/code", friend, seedText(), null).statusCode()).isEqualTo(200);
            assertThat(postFrom(cors, "/api/code", evil, seedText(), null).statusCode()).isEqualTo(403);
            assertThat(postFrom(cors, "/api/articles", friend, "Judul\n\nTeks.", null).statusCode()).isEqualTo(401);
        }
    }

    private static HttpResponse<String> corsGet(WartaServer s, String origin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + "api/events?limit=1")).header("Origin", origin).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> preflight(WartaServer s, String origin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + "api/articles")).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postFrom(WartaServer s, String path, String origin, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url() + path.substring(1))).header("Origin", origin)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void securityHeadersOnEveryAnswer() throws Exception {
        String csp = WartaServer.SECURITY_HEADERS.get("Content-Security-Policy");
        assertThat(csp).contains("frame-ancestors 'none'").contains("script-src 'self';").contains("object-src 'none'");
        assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")))).doesNotContain("unsafe");
        for (String path : List.of("/", "/app.js", "/style.css", "/api/events?limit=1", "/api/nothing", "/api/events?limit=0", "/openapi.json")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            WartaServer.SECURITY_HEADERS.forEach((k, v) -> assertThat(r.headers().firstValue(k)).as(path + " " + k).hasValue(v));
            // and no software version for a scanner to match
            assertThat(r.headers().firstValue("Server")).as(path).isEmpty();
        }
        Raw foreign = raw(server, null, "GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(foreign.status()).isEqualTo("421");
        WartaServer.SECURITY_HEADERS.forEach((k, v) -> assertThat(foreign.header(k)).as("421 " + k).isEqualTo(v));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/events?limit=100000|limit",
            "/api/events?limit=0|limit",
            "/api/events?offset=-1|offset",
            "/api/events?limit=ten|limit",
            "/api/events?from=2024-13-01|from",
            "/api/events?from=2024-11-02&to=2024-11-01|before",
            "/api/events?sort=random|sort",
            "/api/events?modality=maybe|modality",
            "/api/events?actor=%3Bdrop|actor",
            "/api/events?colour=red|unknown parameter 'colour'",
            "/api/events?q=%28unclosed|q",
            "/api/mentions?limit=9999|limit",
            "/api/stories?to=yesterday|to",
            "/api/actors?limit=-5|limit",
            "/api/actors/%3Cb%3E/timeline|malformed",
            "/api/network?from=nope|from",
            "/api/counts?by=hour|by",
            "/api/counts?by=day&split=country|split",
            "/api/events/x?y=1|unknown parameter"})
    void badParametersAreClear400s(String path, String mentions) throws Exception {
        assertError(get(path), 400, mentions);
    }

    @Test
    void badBodiesAreClear400s() throws Exception {
        assertError(post(server, "/api/code", "text/plain", "   ", null), 400, "empty");
        assertError(post(server, "/api/code", "application/json", "{not json", null), 400, "not valid JSON");
        assertError(post(server, "/api/code", "application/json", "[1]", null), 400, "object");
        assertError(post(server, "/api/code", "application/json", "{\"txt\": \"a\"}", null), 400, "unknown field 'txt'");
        assertError(post(server, "/api/code", "application/json", "{\"text\": \"a\", \"html\": \"<p>b</p>\"}", null), 400, "exactly one");
        assertError(post(server, "/api/code", "application/json", "{\"text\": \"a\", \"as_of\": \"soon\"}", null), 400, "as_of");
    }

    @Test
    void crossOriginWritesAreRefused() throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.url() + "api/code")).header("Content-Type", "text/plain")
                .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString("Judul\n\nTeks.")).build();
        assertError(send(r), 403, "cross-origin");
        HttpRequest own = HttpRequest.newBuilder(URI.create(server.url() + "api/code")).header("Content-Type", "text/plain")
                .header("Origin", "http://127.0.0.1:" + server.port()).POST(HttpRequest.BodyPublishers.ofString(seedText())).build();
        assertThat(send(own).status()).isEqualTo(200);
    }

    @Test
    void unknownApiPathsAreJson404sAndCorsIsOff() throws Exception {
        assertError(get("/api/nothing"), 404, "not found");
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "api/events"))
                .header("Origin", "http://evil.example").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void servesTheUiAndItsLibrariesFromTheClasspath() throws Exception {
        Answer index = get("/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("<script type=\"module\" src=\"/app.js\">");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(index.body());
        int n = 0;
        while (m.find()) {
            if (m.group(1).startsWith("/#") || m.group(1).equals("/openapi.json")) continue;
            assertThat(get(m.group(1)).status()).as(m.group(1)).isEqualTo(200);
            n++;
        }
        assertThat(n).isGreaterThanOrEqualTo(3);
        Answer geo = get("/countries.geo.json");
        assertThat(geo.status()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(geo.body()).path("features").size()).isGreaterThan(150);
    }
}
