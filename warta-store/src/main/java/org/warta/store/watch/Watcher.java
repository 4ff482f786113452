package org.warta.store.watch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.warta.model.Page;
import org.warta.store.Ingester;
import org.warta.store.Store;

/**
 * Polls feeds and ingests the new articles they link to. One poll: for each feed, a conditional GET (the
 * validators of the last poll are kept in the store's {@code feeds} table) that must come back as RSS or
 * Atom; for each entry whose URL the store does not hold yet, the page is fetched (robots.txt, rate limit
 * and safety rules of {@link SafeFetcher}), must be HTML text, and is handed to the {@link Ingester} as an
 * HTML page carrying the feed's title and date. An entry seen again is skipped, unless the feed gives it a
 * later date: then its page is fetched again, and a changed text replaces the stored one. A failing feed,
 * entry or page is reported (naming it) and the poll goes on; a lasting refusal (a 404, a body over the
 * limit, binary content, a page the pipeline cannot read, an entry without a link) is reported once and
 * not tried again in this run until the feed gives the entry another date.
 */
public final class Watcher {
    /**
     * The counts of one poll: feeds polled, of which not modified; entries in the feeds read; pages fetched
     * and handed to the ingester, of which {@code refetched} because the feed gave them a new date; entries
     * skipped as already stored or already seen in this poll; failures reported; entries not tried again
     * after a lasting refusal.
     */
    public record Poll(int feeds, int notModified, int entries, int fetched, int refetched, int skipped, int failed, int notRetried) {}

    private static final int MEMORY = 100_000;

    private final Store store;
    private final SafeFetcher fetcher;
    private final FeedParser parser;
    private final Consumer<String> log;
    /** Entries fetched or found stored in this run: link to the date the feed gave. */
    private final Map<String, String> dates = lru();
    /** Lasting refusals: entry key to the date the feed gave when it was refused. */
    private final Map<String, String> refused = lru();

    public Watcher(Store store, SafeFetcher fetcher, FeedParser parser, Consumer<String> log) {
        this.store = store;
        this.fetcher = fetcher;
        this.parser = parser;
        this.log = log;
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > MEMORY;
            }
        };
    }

    /**
     * Reads a feeds file: one feed URL a line, {@code #} starts a comment, blank lines ignored. A line that
     * is not an http(s) URL is an error naming the file and line.
     */
    public static List<URI> readFeeds(Path file) throws IOException {
        List<URI> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            int hash = l.indexOf('#');
            if (hash >= 0) l = l.substring(0, hash);
            l = l.strip();
            if (l.isEmpty()) continue;
            URI u;
            try {
                u = URI.create(l);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a URL: " + l);
            }
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected an http or https feed URL, got " + l);
            }
            out.add(u);
        }
        return out;
    }

    /**
     * Polls until {@code stop} says so (checked after each poll), one poll every {@code every} (counted from
     * the start of the last one): each poll gets a fresh ingester from {@code ingesters} and is handed with
     * it to {@code afterPoll}. A poll that fails as a whole is reported and the next one comes on time.
     *
     * @return the last poll
     */
    public Poll watch(List<URI> feeds, Duration every, Supplier<Ingester> ingesters, BiConsumer<Poll, Ingester> afterPoll,
                      BooleanSupplier stop) throws InterruptedException {
        while (true) {
            long start = System.nanoTime();
            Ingester in = ingesters.get();
            Poll p;
            try {
                p = poll(feeds, in);
            } catch (RuntimeException e) {
                log.accept("the poll failed: " + e);
                p = new Poll(feeds.size(), 0, 0, 0, 0, 0, feeds.size(), 0);
            }
            afterPoll.accept(p, in);
            if (stop.getAsBoolean()) return p;
            long left = every.toNanos() - (System.nanoTime() - start);
            if (left > 0) Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /** Polls every feed once and ingests what is new (the ingester's batches are flushed after each feed). */
    public Poll poll(List<URI> feeds, Ingester ingester) {
        Counts c = new Counts();
        Set<String> seen = new HashSet<>();
        for (URI feed : feeds) {
            try {
                pollFeed(feed, ingester, c, seen);
            } catch (RuntimeException e) {
                c.failed++;
                log.accept("feed " + feed + ": internal error: " + e);
            }
        }
        int unstoredBefore = ingester.report().notStored.size();
        ingester.flush();
        forgetUnstored(ingester, unstoredBefore);
        return new Poll(feeds.size(), c.notModified, c.entries, c.fetched, c.refetched, c.skipped, c.failed, c.notRetried);
    }

    private static final class Counts {
        int notModified, entries, fetched, refetched, skipped, failed, notRetried;
    }

    private void pollFeed(URI feed, Ingester ingester, Counts c, Set<String> seen) {
        Store.FeedState state = store.feed(feed.toString());
        SafeFetcher.Response r;
        List<FeedParser.Entry> items;
        try {
            r = fetcher.fetchFeed(feed, state.etag(), state.lastModified());
            if (r.status() == 304) {
                c.notModified++;
                store.saveFeed(feed.toString(), state.etag(), state.lastModified(), "not modified");
                return;
            }
            items = parser.parse(feed.toString(), r.body());
        } catch (SafeFetcher.FetchException | IllegalArgumentException e) {
            c.failed++;
            log.accept("feed " + e.getMessage());
            store.saveFeed(feed.toString(), state.etag(), state.lastModified(), "failed: " + e.getMessage());
            return;
        }
        c.entries += items.size();
        for (int i = 0; i < items.size(); i++) {
            FeedParser.Entry item = items.get(i);
            try {
                entry(feed, i, item, ingester, c, seen);
            } catch (RuntimeException e) {
                c.failed++;
                log.accept("page " + item.link() + " (feed " + feed + "): internal error: " + e);
            }
        }
        // validators are saved after the feed's pages went in, so a crash re-reads the feed
        int unstoredBefore = ingester.report().notStored.size();
        ingester.flush();
        if (!forgetUnstored(ingester, unstoredBefore).isEmpty()) {
            store.saveFeed(feed.toString(), state.etag(), state.lastModified(), "failed: some of its pages were not stored");
            return;
        }
        store.saveFeed(feed.toString(), r.etag(), r.lastModified(), "ok: " + items.size() + " entries");
    }

    /**
     * Whether a feed's date for an entry is later than the one remembered: compared as instants when both are
     * ISO date-times (so that two feeds writing one date differently, or an older copy, fetch nothing), else as text.
     */
    static boolean later(String date, String before) {
        if (date == null || before == null) return false;
        try {
            return OffsetDateTime.parse(date).toInstant().isAfter(OffsetDateTime.parse(before).toInstant());
        } catch (DateTimeParseException e) {
            return !date.equals(before);
        }
    }

    /**
     * The pages whose batch was not written, of the ingester's since the {@code from}-th: they are forgotten, so
     * that the next poll tries them again.
     */
    private Set<String> forgetUnstored(Ingester ingester, int from) {
        List<String> pages = ingester.report().notStored;
        Set<String> out = new HashSet<>(pages.subList(from, pages.size()));
        for (String link : out) dates.remove(link);
        return out;
    }

    private void entry(URI feed, int index, FeedParser.Entry item, Ingester ingester, Counts c, Set<String> seen) {
        String date = item.published();
        String link = item.link() == null ? null : item.link().strip();
        String scheme = link == null ? "" : link.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*):.*$", "$1").toLowerCase(Locale.ROOT);
        if (link == null || link.isEmpty() || !(scheme.equals("http") || scheme.equals("https"))) {
            String key = feed + " " + (item.title() == null ? "#" + index : item.title()); // (entries shift as new ones come)
            if (refused.containsKey(key) && Objects.equals(refused.get(key), date)) {
                c.notRetried++;
                return;
            }
            refused.put(key, date);
            c.failed++;
            log.accept("feed " + feed + ": entry " + (index + 1) + (item.title() == null ? "" : " \"" + item.title() + "\"")
                    + (link == null || link.isEmpty() ? " has no link" : " has no http(s) link (" + link + ")") + ": nothing to fetch");
            return;
        }
        if (!seen.add(link)) {
            c.skipped++; // in two feeds, or twice in one
            return;
        }
        if (refused.containsKey(link) && Objects.equals(refused.get(link), date)) {
            c.notRetried++;
            return;
        }
        boolean again = false;
        if (dates.containsKey(link) || store.hasUrl(link)) {
            String before = dates.get(link);
            if (before == null) dates.put(link, date);
            if (!later(date, before)) {
                c.skipped++;
                return;
            }
            again = true; // the feed gives a later date: the text may have changed
        }
        SafeFetcher.Response p;
        try {
            p = fetcher.fetchPage(URI.create(link));
        } catch (SafeFetcher.FetchException e) {
            c.failed++;
            log.accept("page " + e.getMessage() + " (feed " + feed + ")");
            if (e.lasting()) refused.put(link, date);
            return;
        } catch (IllegalArgumentException e) {
            c.failed++;
            log.accept("page " + link + ": not a URL (feed " + feed + ")");
            refused.put(link, date);
            return;
        }
        Map<String, String> meta = new HashMap<>();
        if (date != null) meta.put("published", date);
        if (item.title() != null && !item.title().isBlank()) meta.put("title", item.title().strip());
        int failuresBefore = ingester.report().failures.size();
        int unstoredBefore = ingester.report().notStored.size();
        ingester.accept(new Page(link, p.uri().toString(), Page.MediaType.HTML, p.body(), meta));
        Set<String> notStored = forgetUnstored(ingester, unstoredBefore);
        if (ingester.report().failures.size() > failuresBefore + notStored.size()) {
            c.failed++; // the page could not be read or coded (the ingester reported why): the same bytes would fail again
            refused.put(link, date);
            dates.remove(link);
            return;
        }
        if (notStored.contains(link)) {
            c.failed++; // its batch was not written (the ingester reported why): tried again at the next poll
            return;
        }
        refused.remove(link);
        dates.put(link, date);
        c.fetched++;
        if (again) c.refetched++;
    }
}
