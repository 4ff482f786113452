package org.warta.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warta.io.DocJson;
import org.warta.io.Json;
import org.warta.model.Page;
import org.warta.pipeline.Pipeline;
import org.warta.read.InputException;
import org.warta.store.EventFilter;
import org.warta.store.Explore;
import org.warta.store.IngestReport;
import org.warta.store.Ingester;
import org.warta.store.Queries;
import org.warta.store.Store;
import org.warta.store.StoreException;
import org.warta.store.StoryAssigner;

/**
 * The explorer: Warta's REST API (described by {@code /openapi.json}) and its web UI, on Javalin, over one
 * open {@link Store}. Every request passes the same gate, in this order: a Host header that is not this
 * server's own is refused with 421 (DNS rebinding); a client address over its rate (a token bucket per
 * address) with 429 and Retry-After; a body over the limit with 413 (its Content-Length, else the bytes as
 * they are read: a chunked body is counted too); a write without the right token with 401 (with no token
 * configured, writes are refused with 403; the token is compared in constant time); then each handler
 * answers malformed parameters with 400. Errors are {@code {"error": "..."}}, never a stack trace or an
 * internal class name (the log has the details). Every answer carries the security headers of
 * {@link #SECURITY_HEADERS} (nosniff, no framing, a Content-Security-Policy of this origin's scripts only);
 * CORS is off unless origins are configured. The server binds loopback unless told otherwise
 * ({@link ServerConfig#allowRemote()}, which needs a token).
 *
 * <pre>{@code
 * try (WartaServer s = WartaServer.start(store, pipeline, kbVersion, ServerConfig.loopback(0, null))) {
 *     System.out.println(s.url());
 * }
 * }</pre>
 */
public final class WartaServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WartaServer.class);
    /** Text-query hits considered before the other filters apply. */
    static final int MAX_SEARCH_HITS = 2000;
    static final String API_PREFIX = "/api/";
    private static final String ERROR_SENT = "warta.error";
    private static final String BODY = "warta.body";
    /**
     * Sent with every answer. The UI loads scripts, styles, data and images from this origin only; inline
     * styles are allowed because the chart library (ECharts) writes its tooltips with style attributes.
     */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
                    + "form-action 'self'; frame-ancestors 'none'");

    private final Store store;
    private final Pipeline pipeline;
    private final String kbVersion;
    private final ServerConfig config;
    private final Javalin app;
    private final Set<String> hosts = new HashSet<>();
    private final Object writeLock = new Object();
    /** Null when the rate is not limited. */
    private final RateLimiter limiter;
    /** The token's SHA-256, so that the comparison takes the same time whatever the length of the token sent. */
    private final byte[] tokenHash;
    /** Groups the events of articles posted to {@code POST /api/articles} into stories, as {@code warta ingest} does. */
    private final StoryAssigner stories = StoryAssigner.linked(new org.warta.lang.Languages(List.of()));
    private final List<String> routes = new java.util.ArrayList<>();

    private WartaServer(Store store, Pipeline pipeline, String kbVersion, ServerConfig config) {
        this.store = store;
        this.pipeline = pipeline;
        this.kbVersion = kbVersion;
        this.config = config;
        this.limiter = config.ratePerSecond() > 0 ? new RateLimiter(config.ratePerSecond(), config.rateBurst(), System::nanoTime) : null;
        this.tokenHash = config.token() == null ? null : sha256(config.token());
        this.app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.http.maxRequestSize = config.maxBodyBytes();
            c.jetty.modifyHttpConfiguration(h -> {
                // Jetty caches repeated header values per connection, by default matching them case-insensitively:
                // a token sent in another case would then arrive as the cached (right) one
                h.setHeaderCacheCaseSensitive(true);
                h.setSendServerVersion(false);
                h.setSendXPoweredBy(false);
            });
            c.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/warta/server/web";
                sf.location = Location.CLASSPATH;
            });
            c.staticFiles.enableWebjars();
            if (!config.corsOrigins().isEmpty()) {
                c.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    for (String o : config.corsOrigins()) rule.allowHost(o);
                }));
            }
        });
        registerRoutes();
    }

    /** Starts a server on the config's host and port (port 0: a free one). */
    public static WartaServer start(Store store, Pipeline pipeline, String kbVersion, ServerConfig config) {
        WartaServer s = new WartaServer(store, pipeline, kbVersion, config);
        s.app.start(config.host(), config.port());
        int port = s.app.port();
        for (String h : List.of("127.0.0.1", "localhost", "[::1]", hostName(config.host()))) s.hosts.add(h.toLowerCase(Locale.ROOT) + ":" + port);
        for (String h : config.extraHosts()) s.hosts.add(h.toLowerCase(Locale.ROOT).contains(":") ? h.toLowerCase(Locale.ROOT) : h.toLowerCase(Locale.ROOT) + ":" + port);
        return s;
    }

    private static String hostName(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    public int port() {
        return app.port();
    }

    /** The address the server listens on, as its connector holds it. */
    String boundHost() {
        for (var c : app.jettyServer().server().getConnectors()) {
            if (c instanceof org.eclipse.jetty.server.ServerConnector sc) return sc.getHost();
        }
        return null;
    }

    /** The address to open in a browser. */
    public String url() {
        return "http://" + hostName(config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host()) + ":" + port() + "/";
    }

    @Override
    public void close() {
        app.stop();
    }

    // --- the gate ------------------------------------------------------------------------------------------

    private void gate(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
        String host = ctx.header("Host");
        if (host == null || !hosts.contains(withPort(host.strip().toLowerCase(Locale.ROOT)))) {
            throw new ApiException(421, "Host '" + Params.shorten(host) + "' is not this server's; open " + url());
        }
        if (limiter != null) {
            long wait = limiter.acquire(ctx.req().getRemoteAddr());
            if (wait > 0) {
                ctx.header("Retry-After", Long.toString(wait));
                throw new ApiException(429, "too many requests from " + ctx.req().getRemoteAddr() + "; retry in " + wait + " s");
            }
        }
        long length = ctx.req().getContentLengthLong();
        if (length > config.maxBodyBytes()) {
            throw new ApiException(413, "the request body has " + length + " bytes; the limit is " + config.maxBodyBytes());
        }
        boolean write = ctx.method() == HandlerType.POST || ctx.method() == HandlerType.PUT
                || ctx.method() == HandlerType.DELETE || ctx.method() == HandlerType.PATCH;
        if (!write) return;
        // the Content-Length may be absent (chunked) or a lie: count the bytes as they come
        ctx.attribute(BODY, readBody(ctx));
        // a page of another site may send a simple POST without a preflight: refuse it (CORS origins excepted)
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("null") && !sameOrigin(origin) && !config.corsOrigins().contains(origin)) {
            throw new ApiException(403, "cross-origin write from " + Params.shorten(origin) + " refused (allow it with --cors-origin)");
        }
        if (!ctx.path().equals("/api/code")) {
            if (tokenHash == null) {
                throw new ApiException(403, "writes are disabled: start the server with WARTA_TOKEN or --token-file to allow them");
            }
            String given = token(ctx);
            if (given == null || !MessageDigest.isEqual(sha256(given), tokenHash)) {
                throw new ApiException(401, given == null ? "this write needs the token: send 'Authorization: Bearer TOKEN'" : "wrong token");
            }
        }
    }

    /** The request body, at most the limit: 413 as soon as more arrives. */
    private byte[] readBody(Context ctx) {
        int max = (int) config.maxBodyBytes();
        byte[] body;
        try {
            body = ctx.req().getInputStream().readNBytes(max + 1);
        } catch (IOException e) {
            throw new ApiException(400, "the request body could not be read (the client stopped sending?)");
        }
        if (body.length > max) throw new ApiException(413, "the request body has more than " + max + " bytes; the limit is " + max);
        return body;
    }

    /** The body the gate read (a write's handlers use this, never {@code ctx.body()}, whose stream the gate consumed). */
    private static String body(Context ctx) {
        byte[] b = ctx.attribute(BODY);
        String cs = ctx.req().getCharacterEncoding();
        java.nio.charset.Charset charset = StandardCharsets.UTF_8;
        if (cs != null) {
            try {
                charset = java.nio.charset.Charset.forName(cs);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Content-Type charset " + Params.shorten(cs) + " is unknown (use UTF-8)");
            }
        }
        return b == null ? "" : new String(b, charset);
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private boolean sameOrigin(String origin) {
        String o = origin.toLowerCase(Locale.ROOT);
        if (!o.startsWith("http://")) return false;
        return hosts.contains(withPort(o.substring("http://".length())));
    }

    private String withPort(String host) {
        return host.endsWith("]") || !host.contains(":") ? host + ":80" : host;
    }

    private static String token(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) return auth.substring(7).strip();
        return ctx.header("X-Warta-Token");
    }

    // --- routes --------------------------------------------------------------------------------------------

    private void registerRoutes() {
        app.before(this::gate);
        get("/openapi.json", ctx -> {
            try (var in = WartaServer.class.getResourceAsStream("/warta/server/openapi.json")) {
                ctx.contentType("application/json").result(in.readAllBytes());
            }
        });
        get("/api/events", ctx -> page(ctx, "events", Explore::events));
        get("/api/mentions", ctx -> page(ctx, "mentions", Explore::mentions));
        get("/api/stories", this::stories);
        get("/api/events/{id}", ctx -> {
            allow(ctx);
            ObjectNode ev = read(c -> Explore.event(c, ctx.pathParam("id")))
                    .orElseThrow(() -> new ApiException(404, "no event " + Params.shorten(ctx.pathParam("id"))));
            json(ctx, ev);
        });
        get("/api/articles/{id}", this::article);
        get("/api/actors", ctx -> topList(ctx, "actors", 100, Explore::actors));
        get("/api/actors/{code}/timeline", ctx -> {
            allow(ctx, Params.FILTER_PARAMS);
            String code = ctx.pathParam("code");
            if (!code.matches("[A-Za-z0-9_.-]{1,64}")) throw ApiException.badRequest("actor code '" + Params.shorten(code) + "' is malformed");
            EventFilter f = Params.filter(ctx);
            json(ctx, read(c -> Explore.timeline(c, code, f)));
        });
        get("/api/network", ctx -> topList(ctx, "dyads", 200, Explore::network));
        get("/api/counts", ctx -> {
            allow(ctx, Params.FILTER_PARAMS, "by", "split", "q");
            EventFilter f = Params.filter(ctx);
            String by = Params.choice(ctx, "by", "day", Set.of("day", "type", "quad", "country", "mode"));
            String split = Params.choice(ctx, "split", null, Set.of("type", "quad"));
            Set<String> ids = textQuery(ctx);
            ObjectNode o = Json.object();
            o.put("by", by);
            o.put("split", split);
            o.set("counts", read(c -> Explore.counts(c, f, ids, by, split)));
            json(ctx, o);
        });
        post("/api/code", this::code);
        post("/api/articles", this::ingest);

        app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        app.exception(StoreException.class, (e, ctx) -> {
            LOG.warn("store error on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            error(ctx, 503, "the store could not answer; see the server log");
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("internal error on " + ctx.method() + " " + ctx.path(), e);
            error(ctx, 500, "internal error; see the server log");
        });
        app.error(404, ctx -> {
            if (ctx.path().startsWith(API_PREFIX) && ctx.attribute(ERROR_SENT) == null) {
                error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path() + " (see /openapi.json)");
            }
        });
    }

    private void get(String path, io.javalin.http.Handler h) {
        routes.add("GET " + path);
        app.get(path, h);
    }

    private void post(String path, io.javalin.http.Handler h) {
        routes.add("POST " + path);
        app.post(path, h);
    }

    /** The API's routes as "METHOD /path/{param}" (the OpenAPI document must describe each). */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    /** Refuses query parameters a route does not take (a typo otherwise silently widens a query). */
    private static void allow(Context ctx, Object... names) {
        Set<String> ok = new LinkedHashSet<>();
        for (Object n : names) {
            if (n instanceof Set<?> s) s.forEach(x -> ok.add((String) x));
            else ok.add((String) n);
        }
        for (String p : ctx.queryParamMap().keySet()) {
            if (!ok.contains(p)) {
                throw ApiException.badRequest("unknown parameter '" + Params.shorten(p) + "'" + (ok.isEmpty() ? "" : " (this endpoint takes " + ok + ")"));
            }
        }
    }

    @FunctionalInterface
    private interface TopQuery {
        ArrayNode run(Connection c, EventFilter f, int limit) throws SQLException;
    }

    /** A list of the filter's top rows (actors, dyads) under {@code key}, at most {@code limit} of them. */
    private void topList(Context ctx, String key, int defaultLimit, TopQuery q) {
        allow(ctx, Params.FILTER_PARAMS, "limit");
        EventFilter f = Params.filter(ctx);
        int limit = Params.integer(ctx, "limit", defaultLimit, 1, ServerConfig.MAX_LIMIT);
        ObjectNode o = Json.object();
        o.set(key, read(c -> q.run(c, f, limit)));
        json(ctx, o);
    }

    @FunctionalInterface
    private interface PageQuery {
        Explore.Page run(Connection c, EventFilter f, java.util.Collection<String> articleIds, String sort, int offset, int limit) throws SQLException;
    }

    private void page(Context ctx, String key, PageQuery q) {
        allow(ctx, Params.FILTER_PARAMS, "q", "offset", "limit", "sort");
        EventFilter f = Params.filter(ctx);
        int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Params.integer(ctx, "limit", 50, 1, ServerConfig.MAX_LIMIT);
        String sort = Params.choice(ctx, "sort", "day", Explore.EVENT_SORTS.keySet());
        Set<String> ids = textQuery(ctx);
        Explore.Page p = read(c -> q.run(c, f, ids, sort, offset, limit));
        ObjectNode o = Json.object();
        o.set(key, p.items());
        o.put("total", p.total());
        o.put("offset", offset);
        o.put("limit", limit);
        json(ctx, o);
    }

    /** The articles a {@code q} text query finds (null when there is none). */
    private Set<String> textQuery(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) return null;
        if (q.length() > 500) throw ApiException.badRequest("q: at most 500 characters");
        try {
            Set<String> ids = new LinkedHashSet<>();
            store.index().search(q, MAX_SEARCH_HITS).forEach(h -> ids.add(h.articleId()));
            return ids;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("q: " + e.getMessage());
        }
    }

    private void stories(Context ctx) {
        allow(ctx, Params.FILTER_PARAMS, "offset", "limit");
        EventFilter f = Params.filter(ctx);
        int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Params.integer(ctx, "limit", 50, 1, ServerConfig.MAX_LIMIT);
        ArrayNode all = Json.array();
        read(c -> {
            Queries.stories(c, f, r -> {
                ObjectNode s = all.addObject();
                r.values().forEach(s::put);
            });
            return null;
        });
        ArrayNode page = Json.array();
        for (int i = offset; i < all.size() && page.size() < limit; i++) page.add(all.get(i));
        ObjectNode o = Json.object();
        o.set("stories", page);
        o.put("total", all.size());
        o.put("offset", offset);
        o.put("limit", limit);
        json(ctx, o);
    }

    private void article(Context ctx) throws InputException {
        allow(ctx);
        String id = ctx.pathParam("id");
        Explore.ArticleRow row = read(c -> Explore.article(c, id))
                .orElseThrow(() -> new ApiException(404, "no article " + Params.shorten(id)));
        LocalDate asOf = row.page().asOf() != null ? row.page().asOf() : pipeline.asOf();
        Pipeline.Result r = pipeline.code(row.page().page(), asOf);
        ObjectNode o = DocJson.node(r.doc(), kbVersion, false);
        o.put("id", id);
        o.put("duplicate_of", row.duplicateOf());
        ArrayNode ids = o.putArray("stored_events");
        row.eventIds().forEach(ids::add);
        json(ctx, o);
    }

    /** A pasted article: a text/plain body, or JSON {@code {"text" | "html", "url", "title", "as_of", "language"}}. */
    private record Pasted(Page page, LocalDate asOf) {}

    private Pasted pasted(Context ctx) {
        allow(ctx);
        String body = body(ctx);
        if (body.isBlank()) throw ApiException.badRequest("the body is empty: send the article's text (text/plain) or JSON {\"text\": ...}");
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) return new Pasted(Page.text("pasted", body), pipeline.asOf());
        JsonNode j;
        try {
            j = Json.MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!j.isObject()) throw ApiException.badRequest("the JSON body must be an object {\"text\": ...} or {\"html\": ...}");
        for (var it = j.fieldNames(); it.hasNext(); ) {
            String n = it.next();
            if (!Set.of("text", "html", "url", "title", "as_of", "language", "name").contains(n)) {
                throw ApiException.badRequest("unknown field '" + Params.shorten(n) + "' (use text or html, url, title, as_of, language, name)");
            }
        }
        String text = j.path("text").asText(null);
        String html = j.path("html").asText(null);
        if ((text == null || text.isBlank()) == (html == null || html.isBlank())) {
            throw ApiException.badRequest("give exactly one of \"text\" and \"html\"");
        }
        String name = j.path("name").asText("pasted");
        String url = j.path("url").asText(null);
        String title = j.path("title").asText(null);
        Page page = html != null ? Page.html(name, url, html)
                : Page.text(name, title == null ? text : title.strip() + "\n\n" + text);
        if (html == null && url != null) page = new Page(page.name(), url, page.type(), page.bytes(), page.meta());
        String lang = j.path("language").asText(null);
        if (lang != null) {
            if (!lang.matches("[a-z]{2}")) throw ApiException.badRequest("language=" + Params.shorten(lang) + ": a two-letter code (id, en)");
            Map<String, String> meta = new java.util.HashMap<>(page.meta());
            meta.put("language", lang);
            page = new Page(page.name(), page.url(), page.type(), page.bytes(), meta);
        }
        LocalDate asOf = pipeline.asOf();
        if (j.hasNonNull("as_of")) {
            try {
                asOf = LocalDate.parse(j.get("as_of").asText());
            } catch (java.time.format.DateTimeParseException e) {
                throw ApiException.badRequest("as_of: expected a date YYYY-MM-DD");
            }
        }
        return new Pasted(page, asOf);
    }

    private void code(Context ctx) {
        Pasted p = pasted(ctx);
        try {
            json(ctx, DocJson.node(pipeline.code(p.page(), p.asOf()).doc(), kbVersion, false));
        } catch (InputException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private void ingest(Context ctx) {
        Pasted p = pasted(ctx);
        IngestReport report;
        synchronized (writeLock) {
            Ingester in = new Ingester(store, pipeline, stories, kbVersion, p.asOf(), 1, null);
            in.accept(p.page(), p.asOf());
            report = in.finish();
        }
        if (report.failed > 0) {
            // the ingester's reasons: a page it cannot read is the client's (400); a failure of the code or the store is not
            String reasons = String.join("; ", report.failures);
            if (report.internalErrors > 0 || !report.notStored.isEmpty()) {
                LOG.error("POST /api/articles failed: {}", reasons);
                throw new ApiException(!report.notStored.isEmpty() ? 503 : 500, "the article was not stored; see the server log");
            }
            throw ApiException.badRequest(reasons);
        }
        ObjectNode o = Json.object();
        o.put("read", report.read);
        o.put("added", report.added);
        o.put("updated", report.updated);
        o.put("duplicate", report.duplicate);
        o.put("near_duplicate", report.nearDuplicate);
        o.put("events", report.events);
        ctx.status(201);
        json(ctx, o);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Read<T> q) {
        try (Connection c = store.read()) {
            return q.run(c);
        } catch (SQLException e) {
            throw new StoreException("query failed: " + e.getMessage(), e);
        }
    }

    private static void json(Context ctx, JsonNode node) {
        try {
            ctx.contentType("application/json; charset=utf-8").result(Json.MAPPER.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void error(Context ctx, int status, String message) {
        ctx.attribute(ERROR_SENT, Boolean.TRUE);
        ObjectNode o = Json.object();
        o.put("error", message == null ? "error " + status : message);
        ctx.status(status);
        json(ctx, o);
    }
}
