package org.warta.store.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warta.Warta;
import org.warta.lang.Languages;
import org.warta.pipeline.Pipeline;
import org.warta.store.ArticleIndex;
import org.warta.store.Ingester;
import org.warta.store.Store;
import org.warta.store.StoreConfig;
import org.warta.store.StoryAssigner;

/**
 * A long run of the watcher: a local server keeps publishing entries to an RSS and an Atom feed while
 * {@link Watcher#watch} polls them into a real DuckDB store, then everything published is checked against
 * what was stored. Good entries (RSS, Atom, both feeds, without a date, listed twice in one feed) must be
 * stored exactly once; an entry updated with a new date must replace its stored text; a republished
 * entry (the same article under a tracking URL) must not be stored again; broken entries (no link, a page
 * that 404s, a page of binary garbage, an item that makes the feed malformed XML) must be reported by name
 * and never stored; a third feed is broken throughout. The full-text index must hold every stored article.
 *
 * <p>It runs 60 seconds of publishing by default (and under {@code -Dwarta.ci=true}); {@code
 * -Dwarta.longrun.minutes=10} makes it a ten-minute run. The figures are printed at the end.
 */
class WatcherLongRunTest {
    enum Kind { RSS, ATOM, BOTH, NO_DATE, TWICE, UPDATED, REPUBLISHED, NO_LINK, PAGE_404, BINARY, MALFORMED }

    static final boolean[] GOOD = new boolean[Kind.values().length];

    static {
        for (Kind k : List.of(Kind.RSS, Kind.ATOM, Kind.BOTH, Kind.NO_DATE, Kind.TWICE)) GOOD[k.ordinal()] = true;
    }

    /** One entry of a feed as the server publishes it. */
    static final class Item {
        final int n;
        final Kind kind;
        final String id; // the article it links to (its page), or null
        final String link; // null: no link
        final String title;
        Instant date; // null: no date
        long removeAfter = Long.MAX_VALUE; // a malformed item leaves the feed after it was served once and this time passed
        boolean served;

        Item(int n, Kind kind, String id, String link, String title, Instant date) {
            this.n = n;
            this.kind = kind;
            this.id = id;
            this.link = link;
            this.title = title;
            this.date = date;
        }
    }

    /** A page's text, and a revision paragraph once its entry was updated. */
    record Article(String title, String body, String token, String revision) {}

    @TempDir
    Path dir;

    static final int FEED_SIZE = 80;
    final Random random = new Random(20261127);
    final List<Item> rss = new ArrayList<>(), atom = new ArrayList<>();
    final Map<String, Article> pages = new HashMap<>();
    final Map<String, byte[]> binary = new HashMap<>();
    final List<Item> published = new ArrayList<>();
    final AtomicLong lastChange = new AtomicLong();
    final AtomicInteger feedRequests = new AtomicInteger(), notModified = new AtomicInteger();
    String base;

    // ------------------------------------------------------------------------------------ the publisher

    static final String[] CITIES = {"Medan", "Surabaya", "Makassar", "Kupang", "Ambon", "Jayapura", "Pontianak", "Manado", "Padang", "Mataram",
            "Davao", "Cebu", "Penang", "Kuching", "Dili", "Hanoi", "Bangkok", "Yangon", "Colombo", "Dhaka"};
    static final String[] ORGS = {"the health ministry", "the navy", "the election commission", "the central bank", "the port authority",
            "the disaster agency", "the teachers' union", "the fishermen's cooperative", "the provincial police", "the farmers' association",
            "the energy regulator", "the supreme court", "the transport ministry", "the city council", "a group of students"};
    static final String[] PEOPLE = {"Budi Santoso", "Siti Rahma", "Agus Wibowo", "Dewi Lestari", "Rudi Hartono", "Maria Gonzales", "Tran Van Minh",
            "Somchai Prasert", "Aung Kyaw", "Nimal Perera", "Rina Marlina", "Hendra Gunawan", "Lina Kusuma", "Joko Susilo"};
    static final String[] SENTENCES = {
            "{org} said on {day} that {n} families in {city} had received emergency supplies after heavy rain flooded several districts.",
            "{person}, a spokesperson for {org}, told reporters in {city} that talks would resume within {n} days.",
            "Hundreds of workers marched through central {city} on {day}, demanding that {org} raise the minimum wage by {n} percent.",
            "{org} signed an agreement with its counterpart from {city} to share data on illegal fishing along the coast.",
            "Police in {city} arrested {n} people suspected of smuggling fuel across the border, {person} said.",
            "The governor of the province met {org} on {day} to discuss the repair of {n} bridges damaged by the earthquake.",
            "{person} accused {org} of ignoring complaints from residents about polluted water in {city}.",
            "A delegation led by {person} arrived in {city} for a {n}-day visit aimed at improving trade ties.",
            "{org} warned that prices of rice and cooking oil could rise by {n} percent before the end of the year.",
            "Rescue teams in {city} evacuated {n} residents after a landslide buried part of a village road on {day}.",
            "Students occupied the office of {org} in {city}, protesting a plan to raise tuition fees.",
            "{org} denied reports that it had cut the budget for {n} rural clinics, {person} told a press conference.",
            "The court in {city} sentenced a former official to {n} years in prison for taking bribes from contractors.",
            "{person} praised {org} for sending {n} doctors to villages hit by the outbreak.",
            "Fishermen in {city} said they had not been paid for {n} weeks and threatened to block the harbour.",
            "{org} announced on {day} that it would build {n} new schools in remote districts next year.",
            "Troops were deployed to {city} after clashes between rival groups left {n} people injured.",
            "{person} called on {org} to release the findings of its investigation into the ferry accident.",
            "Officials in {city} said {n} tonnes of aid had reached the islands cut off by the storm.",
            "{org} and a mining company agreed to compensate {n} households whose land was taken for a new road.",
            "Voters in {city} queued for hours on {day} as {org} extended polling by {n} hours.",
            "{person} resigned from {org} on {day}, citing pressure over the delayed housing project in {city}.",
            "The mayor of {city} promised to meet the demands of market traders within {n} days.",
            "{org} investigated {n} cases of food poisoning reported at schools in {city} last week."};
    static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    static String token(int n, String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        int v = n;
        do {
            sb.append((char) ('a' + v % 26));
            v /= 26;
        } while (v > 0);
        return sb.append("x").toString();
    }

    String fill(String template) {
        return template.replace("{org}", pick(ORGS)).replace("{city}", pick(CITIES)).replace("{person}", pick(PEOPLE))
                .replace("{day}", pick(DAYS)).replace("{n}", Integer.toString(2 + random.nextInt(400)));
    }

    String pick(String[] a) {
        return a[random.nextInt(a.length)];
    }

    Article newArticle(int n) {
        List<String> pool = new ArrayList<>(List.of(SENTENCES));
        java.util.Collections.shuffle(pool, random);
        StringBuilder body = new StringBuilder();
        String token = token(n, "zq");
        for (int i = 0; i < 6; i++) {
            String s = fill(pool.get(i));
            s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
            body.append("<p>").append(s).append(i == 2 ? " Residents of the hamlet of " + token + " were among those affected." : "")
                    .append("</p>");
        }
        String title = fill(pool.get(6)).replaceAll("\\.$", "");
        title = Character.toUpperCase(title.charAt(0)) + title.substring(0, Math.min(title.length(), 80)).substring(1);
        return new Article(title, body.toString(), token, null);
    }

    /** Publishes entry {@code n}; called by the publisher thread. */
    synchronized void publish(int n) {
        Kind kind = drawKind();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String id = "a" + n;
        String link = base + "/news/" + id + ".html";
        Item item;
        switch (kind) {
            case UPDATED -> {
                Item old = candidate(i -> i.kind == Kind.RSS && i.n < n - 5 && pages.get(i.id).revision() == null);
                if (old == null) {
                    kind = Kind.RSS;
                    item = good(n, kind, id, link, now);
                    break;
                }
                Article a = pages.get(old.id);
                pages.put(old.id, new Article(a.title(), a.body(), a.token(), token(n, "rev")));
                old.date = now; // a new date, and to the top of the feed as feeds do
                rss.remove(old);
                rss.add(0, old);
                item = new Item(n, kind, old.id, old.link, old.title, now);
            }
            case REPUBLISHED -> {
                Item old = candidate(i -> GOOD[i.kind.ordinal()] && i.link != null);
                if (old == null) {
                    kind = Kind.RSS;
                    item = good(n, kind, id, link, now);
                    break;
                }
                item = new Item(n, kind, old.id, old.link + "?utm_source=feed&utm_medium=rss", old.title, now);
                add(rss, item);
            }
            case NO_LINK -> {
                item = new Item(n, kind, null, null, "Untitled brief " + token(n, "nl"), now);
                add(n % 2 == 0 ? rss : atom, item);
            }
            case PAGE_404 -> {
                item = new Item(n, kind, null, base + "/news/gone-" + id + ".html", "Removed story " + token(n, "gn"), now);
                add(rss, item);
            }
            case BINARY -> {
                byte[] junk = new byte[3000 + random.nextInt(5000)];
                random.nextBytes(junk);
                binary.put(id, junk);
                item = new Item(n, kind, id, link, "Garbled story " + token(n, "gb"), now);
                add(atom, item);
            }
            case MALFORMED -> {
                item = new Item(n, kind, id, link, "Broken & <b>unclosed", now);
                item.removeAfter = System.currentTimeMillis() + 4_000;
                add(n % 2 == 0 ? rss : atom, item);
            }
            default -> item = good(n, kind, id, link, now);
        }
        published.add(item);
        lastChange.set(System.nanoTime());
    }

    Item good(int n, Kind kind, String id, String link, Instant now) {
        Article a = newArticle(n);
        pages.put(id, a);
        Item item = new Item(n, kind, id, link, a.title(), kind == Kind.NO_DATE ? null : now);
        switch (kind) {
            case ATOM -> add(atom, item);
            case BOTH -> {
                add(rss, item);
                add(atom, item);
            }
            case TWICE -> {
                add(rss, item);
                add(rss, item);
            }
            default -> add(rss, item);
        }
        return item;
    }

    Item candidate(java.util.function.Predicate<Item> p) {
        List<Item> c = new ArrayList<>();
        for (Item i : published) if (p.test(i) && (rss.contains(i) || atom.contains(i))) c.add(i);
        return c.isEmpty() ? null : c.get(random.nextInt(c.size()));
    }

    /** Kinds are dealt from a shuffled deck of 20 cards, so that every 20 entries hold every kind. */
    static final Map<Kind, Integer> DECK = Map.ofEntries(Map.entry(Kind.RSS, 5), Map.entry(Kind.ATOM, 4), Map.entry(Kind.BOTH, 2),
            Map.entry(Kind.NO_DATE, 1), Map.entry(Kind.TWICE, 1), Map.entry(Kind.UPDATED, 1), Map.entry(Kind.REPUBLISHED, 1),
            Map.entry(Kind.NO_LINK, 1), Map.entry(Kind.PAGE_404, 1), Map.entry(Kind.BINARY, 1), Map.entry(Kind.MALFORMED, 2));
    final List<Kind> deck = new ArrayList<>();

    Kind drawKind() {
        if (deck.isEmpty()) {
            for (Kind k : Kind.values()) for (int i = 0; i < DECK.getOrDefault(k, 0); i++) deck.add(k);
            java.util.Collections.shuffle(deck, random);
        }
        return deck.remove(deck.size() - 1);
    }

    void add(List<Item> feed, Item item) {
        feed.add(0, item);
        while (feed.size() > FEED_SIZE) feed.remove(feed.size() - 1);
    }

    /** Takes malformed items out of the feeds once they were served and their time is up. */
    synchronized void tidy() {
        long now = System.currentTimeMillis();
        for (List<Item> feed : List.of(rss, atom)) {
            if (feed.removeIf(i -> i.kind == Kind.MALFORMED && i.served && now > i.removeAfter)) lastChange.set(System.nanoTime());
        }
    }

    synchronized boolean malformedPending() {
        for (List<Item> feed : List.of(rss, atom)) for (Item i : feed) if (i.kind == Kind.MALFORMED) return true;
        return false;
    }

    // ------------------------------------------------------------------------------------ the server

    static final DateTimeFormatter RFC822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    synchronized String renderRss() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Long-run wire</title><link>")
                .append(base).append("/</link><description>test</description>\n");
        for (Item i : rss) {
            sb.append("<item><title>").append(i.kind == Kind.MALFORMED ? i.title : esc(i.title)).append("</title>");
            if (i.link != null) sb.append("<link>").append(esc(i.link)).append("</link>");
            if (i.date != null) sb.append("<pubDate>").append(RFC822.format(i.date)).append("</pubDate>");
            sb.append("</item>\n");
        }
        return sb.append("</channel></rss>\n").toString();
    }

    synchronized String renderAtom() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Long-run "
                + "Atom</title><id>urn:warta:test:atom</id><updated>" + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "</updated>\n");
        for (Item i : atom) {
            sb.append("<entry><title>").append(i.kind == Kind.MALFORMED ? i.title : esc(i.title)).append("</title>");
            if (i.link != null) sb.append("<link rel=\"alternate\" href=\"").append(esc(i.link)).append("\"/>");
            else sb.append("<id>urn:warta:test:entry:").append(i.n).append("</id>");
            if (i.date != null) sb.append("<updated>").append(i.date).append("</updated>");
            sb.append("</entry>\n");
        }
        return sb.append("</feed>\n").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    synchronized String renderPage(String id) {
        Article a = pages.get(id);
        if (a == null) return null;
        String revision = a.revision() == null ? "" : "<p>Updated: officials later said the figures had been revised, and the review "
                + "board, code-named " + a.revision() + ", would publish its report next month.</p>";
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(a.title()) + "</title>"
                + "<link rel=\"canonical\" href=\"" + base + "/news/" + id + ".html\"></head><body><nav>Home | World | Business</nav>"
                + "<article><h1>" + esc(a.title()) + "</h1>" + a.body() + revision + "</article><footer>Copyright Long-run wire</footer></body></html>";
    }

    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        try {
            if (path.equals("/robots.txt")) {
                send(ex, 200, "text/plain", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8), null);
            } else if (path.equals("/feeds/rss.xml") || path.equals("/feeds/atom.xml")) {
                feedRequests.incrementAndGet();
                boolean isRss = path.contains("rss");
                byte[] body;
                String etag;
                synchronized (this) {
                    body = (isRss ? renderRss() : renderAtom()).getBytes(StandardCharsets.UTF_8);
                    // (the Atom feed's own <updated> changes each time: its validator is made of its entries)
                    etag = "\"" + Integer.toHexString(isRss ? java.util.Arrays.hashCode(body) : renderAtomKey().hashCode()) + "\"";
                    if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                        body = null;
                    } else {
                        served(isRss ? rss : atom);
                    }
                }
                if (body == null) {
                    notModified.incrementAndGet();
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
                send(ex, 200, isRss ? "application/rss+xml; charset=utf-8" : "application/atom+xml", body, etag);
            } else if (path.equals("/feeds/broken.xml")) {
                send(ex, 200, "application/rss+xml", "<rss version=\"2.0\"><channel><item><title>never closed".getBytes(StandardCharsets.UTF_8), null);
            } else if (path.startsWith("/news/") && path.endsWith(".html")) {
                String id = path.substring(6, path.length() - 5);
                byte[] junk;
                String page;
                synchronized (this) {
                    junk = binary.get(id);
                    page = junk == null ? renderPage(id) : null;
                }
                if (junk != null) send(ex, 200, "text/html; charset=utf-8", junk, null);
                else if (page != null) send(ex, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), null);
                else ex.sendResponseHeaders(404, -1);
            } else {
                ex.sendResponseHeaders(404, -1);
            }
        } finally {
            ex.close();
        }
    }

    /** Marks the malformed items of a feed as served (a client got them with a 200). */
    synchronized void served(List<Item> feed) {
        for (Item i : feed) if (i.kind == Kind.MALFORMED) i.served = true;
    }

    synchronized String renderAtomKey() {
        StringBuilder sb = new StringBuilder();
        for (Item i : atom) sb.append(i.n).append(' ').append(i.date).append('\n');
        return sb.toString();
    }

    static void send(HttpExchange ex, int status, String type, byte[] body, String etag) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        if (etag != null) ex.getResponseHeaders().add("ETag", etag);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    // ------------------------------------------------------------------------------------ the run

    @Test
    void watchingAPublishingServerStoresEveryGoodEntryOnceAndReportsEveryBrokenOne() throws Exception {
        String minutes = System.getProperty("warta.longrun.minutes", "").strip();
        boolean longRun = !minutes.isEmpty();
        Duration publishing = longRun ? Duration.ofSeconds(Math.round(Double.parseDouble(minutes) * 60)) : Duration.ofSeconds(60);
        Duration every = longRun ? Duration.ofSeconds(5) : Duration.ofSeconds(3);
        long step = longRun ? 2_000 : 1_000;

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        List<String> log = new CopyOnWriteArrayList<>();
        List<Watcher.Poll> polls = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        long publishEnd = started + publishing.toNanos();
        try (Store store = Store.open(StoreConfig.embedded(dir.resolve("data"), "watch long run"))) {
            // warm the pipeline before the clock of the publisher starts
            Pipeline pipeline = Warta.builder().asOf(LocalDate.now()).build();
            StoryAssigner stories = StoryAssigner.linked(new Languages(List.of()));
            AtomicInteger n = new AtomicInteger();
            started = System.nanoTime();
            long end = started + publishing.toNanos();
            publishEnd = end;
            publisher.scheduleAtFixedRate(() -> {
                try {
                    tidy();
                    if (System.nanoTime() < end) publish(n.getAndIncrement());
                } catch (RuntimeException e) {
                    log.add("publisher: " + e);
                }
            }, 0, step, TimeUnit.MILLISECONDS);
            List<URI> feeds = List.of(URI.create(base + "/feeds/rss.xml"), URI.create(base + "/feeds/atom.xml"), URI.create(base + "/feeds/broken.xml"));
            SafeFetcher fetcher = new SafeFetcher(new SafeFetcher.Policy(false, List.of("127.0.0.1/32"), Duration.ofMillis(5), 2_000_000,
                    SafeFetcher.DEFAULT_MAX_RATIO, Duration.ofSeconds(10)));
            Watcher watcher = new Watcher(store, fetcher, FeedParser.standard(), log::add);
            AtomicLong lastPollStart = new AtomicLong();
            List<org.warta.store.IngestReport> reports = new CopyOnWriteArrayList<>();
            watcher.watch(feeds, every, () -> {
                lastPollStart.set(System.nanoTime());
                return new Ingester(store, pipeline, stories, "long-run-kb", LocalDate.now(), 50, new Ingester.Listener() {
                    @Override
                    public void failed(String input, String reason) {
                        log.add("ingest " + reason);
                    }
                });
            }, (p, in) -> {
                polls.add(p);
                reports.add(in.finish());
            }, () -> System.nanoTime() > end && !malformedPending() && lastPollStart.get() > lastChange.get());
            long elapsed = System.nanoTime() - started;
            publisher.shutdownNow();
            publisher.awaitTermination(5, TimeUnit.SECONDS);

            // ------------------------------------------------------------------ what was published
            Map<Kind, Integer> byKind = new EnumMap<>(Kind.class);
            for (Item i : published) byKind.merge(i.kind, 1, Integer::sum);
            Map<String, Item> goodById = new LinkedHashMap<>();
            for (Item i : published) if (GOOD[i.kind.ordinal()]) goodById.put(i.id, i);

            // ------------------------------------------------------------------ what was stored
            Map<String, Integer> rowsByKey = new HashMap<>();
            Map<String, String> textByKey = new HashMap<>(), idByKey = new HashMap<>();
            int rows;
            try (Connection c = store.read(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT url_key, text, id FROM articles")) {
                rows = 0;
                while (rs.next()) {
                    rows++;
                    rowsByKey.merge(rs.getString(1), 1, Integer::sum);
                    textByKey.put(rs.getString(1), rs.getString(2));
                    idByKey.put(rs.getString(1), rs.getString(3));
                }
            }
            assertThat(log).as("no internal error").noneSatisfy(l -> assertThat(l).contains("internal error"));
            assertThat(log).noneSatisfy(l -> assertThat(l).startsWith("publisher"));
            // every good entry stored exactly once, nothing else stored
            for (Item i : goodById.values()) {
                assertThat(rowsByKey.getOrDefault(base + "/news/" + i.id + ".html", 0)).as("stored once: %s (%s)", i.link, i.kind).isEqualTo(1);
            }
            assertThat(rows).as("articles stored").isEqualTo(goodById.size());
            // an updated entry's text is the new one
            int updatedSeen = 0;
            for (Item i : published) {
                if (i.kind != Kind.UPDATED) continue;
                String revision = pages.get(i.id).revision();
                assertThat(textByKey.get(base + "/news/" + i.id + ".html")).as("updated text of %s", i.link).contains(revision);
                updatedSeen++;
            }
            // broken entries reported by name and not stored
            Map<Kind, Integer> reported = new EnumMap<>(Kind.class);
            for (Item i : published) {
                switch (i.kind) {
                    case NO_LINK -> {
                        assertThat(log).as("reported: %s", i.title).anySatisfy(l -> assertThat(l).contains(i.title));
                        reported.merge(i.kind, 1, Integer::sum);
                    }
                    case PAGE_404, BINARY -> {
                        String why = i.kind == Kind.PAGE_404 ? "HTTP 404" : "binary";
                        assertThat(log).as("reported: %s", i.link).anySatisfy(l -> assertThat(l).contains(i.link).contains(why));
                        assertThat(store.hasUrl(i.link)).isFalse();
                        reported.merge(i.kind, 1, Integer::sum);
                    }
                    case MALFORMED -> {
                        // the watcher got the feed with this item in it (it stays until then) and reported the feed broken
                        String feed = base + (i.n % 2 == 0 ? "/feeds/rss.xml" : "/feeds/atom.xml");
                        assertThat(i.served).as("served: item %d", i.n).isTrue();
                        assertThat(log).as("reported: %s", feed).anySatisfy(l -> assertThat(l).startsWith("feed " + feed + ": not well-formed XML"));
                        assertThat(store.hasUrl(i.link)).isFalse();
                        reported.merge(i.kind, 1, Integer::sum);
                    }
                    default -> {}
                }
            }
            assertThat(log).anySatisfy(l -> assertThat(l).contains(base + "/feeds/broken.xml").contains("not well-formed XML"));
            // the same broken page is not fetched again and again
            for (Item i : published) {
                if (i.kind == Kind.PAGE_404 || i.kind == Kind.BINARY) {
                    assertThat(log.stream().filter(l -> l.startsWith("page " + i.link + ":")).count()).as("reported once: %s", i.link).isEqualTo(1);
                }
            }
            // the full-text index holds every stored article and finds each by its own word
            ArticleIndex index = store.index();
            assertThat(index.size()).isEqualTo(rows);
            for (Item i : goodById.values()) {
                String key = base + "/news/" + i.id + ".html";
                List<ArticleIndex.Hit> hits = index.search(pages.get(i.id).token(), 3);
                assertThat(hits).as("search %s", pages.get(i.id).token()).extracting(ArticleIndex.Hit::articleId).containsExactly(idByKey.get(key));
            }
            for (Item i : published) {
                if (i.kind == Kind.UPDATED) {
                    assertThat(index.search(pages.get(i.id).revision(), 3)).extracting(ArticleIndex.Hit::articleId)
                            .containsExactly(idByKey.get(base + "/news/" + i.id + ".html"));
                }
            }
            assertThat(byKind.keySet()).as("every kind was published").containsExactlyInAnyOrder(Kind.values());

            int fetched = polls.stream().mapToInt(Watcher.Poll::fetched).sum();
            int refetched = polls.stream().mapToInt(Watcher.Poll::refetched).sum();
            int failed = polls.stream().mapToInt(Watcher.Poll::failed).sum();
            int notRetried = polls.stream().mapToInt(Watcher.Poll::notRetried).sum();
            int added = reports.stream().mapToInt(r -> r.added).sum(), updated = reports.stream().mapToInt(r -> r.updated).sum();
            int duplicate = reports.stream().mapToInt(r -> r.duplicate).sum();
            System.out.printf(Locale.ROOT, "watch long run: %.0f s (%.0f s publishing), %d polls (%d feed requests, %d not modified), "
                            + "%d entries published %s; %d good articles, %d stored rows (%d new, %d updated, %d duplicate refused by the store); "
                            + "%d page fetches (%d again for a new date), %d updated entries checked; refused and reported: %s; "
                            + "%d failures logged in all, %d not retried; index %d documents%n",
                    elapsed / 1e9, publishing.toSeconds() * 1.0, polls.size(), feedRequests.get(), notModified.get(), published.size(), byKind,
                    goodById.size(), rows, added, updated, duplicate, fetched, refetched, updatedSeen, reported, failed, notRetried, index.size());
        } finally {
            publisher.shutdownNow();
            server.stop(0);
            pool.shutdownNow();
        }
    }
}
