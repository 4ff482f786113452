package org.warta.store.watch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.warta.model.Page;
import org.warta.store.Ingester;
import org.warta.store.Store;

/**
 * Polls feeds and ingests the new articles they link to. One poll: for each feed, a conditional GET (the
 * validators of the last poll are kept in the store's {@code feeds} table); for each entry whose URL the
 * store does not hold yet, the page is fetched (robots.txt, rate limit and safety rules of
 * {@link SafeFetcher}) and handed to the {@link Ingester} as an HTML page carrying the feed's title and date.
 * A failing feed or page is reported and the poll goes on.
 */
public final class Watcher {
    /** The counts of one poll. */
    public record Poll(int feeds, int notModified, int entries, int fetched, int skipped, int failed) {}

    private final Store store;
    private final SafeFetcher fetcher;
    private final FeedParser parser;
    private final Consumer<String> log;

    public Watcher(Store store, SafeFetcher fetcher, FeedParser parser, Consumer<String> log) {
        this.store = store;
        this.fetcher = fetcher;
        this.parser = parser;
        this.log = log;
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

    /** Polls every feed once and ingests what is new (the ingester's batches are flushed at the end). */
    public Poll poll(List<URI> feeds, Ingester ingester) {
        int notModified = 0, entries = 0, fetched = 0, skipped = 0, failed = 0;
        for (URI feed : feeds) {
            Store.FeedState state = store.feed(feed.toString());
            SafeFetcher.Response r;
            try {
                r = fetcher.fetch(feed, state.etag(), state.lastModified());
            } catch (SafeFetcher.FetchException e) {
                failed++;
                log.accept("feed " + e.getMessage());
                store.saveFeed(feed.toString(), state.etag(), state.lastModified(), "failed: " + e.getMessage());
                continue;
            }
            if (r.status() == 304) {
                notModified++;
                store.saveFeed(feed.toString(), state.etag(), state.lastModified(), "not modified");
                continue;
            }
            List<FeedParser.Entry> items;
            try {
                items = parser.parse(feed.toString(), r.body());
            } catch (IllegalArgumentException e) {
                failed++;
                log.accept("feed " + e.getMessage());
                store.saveFeed(feed.toString(), state.etag(), state.lastModified(), "failed: " + e.getMessage());
                continue;
            }
            entries += items.size();
            for (FeedParser.Entry item : items) {
                if (store.hasUrl(item.link())) {
                    skipped++;
                    continue;
                }
                URI page;
                try {
                    page = URI.create(item.link());
                    SafeFetcher.Response p = fetcher.fetch(page, null, null);
                    Map<String, String> meta = new HashMap<>();
                    if (item.published() != null) meta.put("published", item.published());
                    if (item.title() != null && !item.title().isBlank()) meta.put("title", item.title().strip());
                    ingester.accept(new Page(item.link(), p.uri().toString(), Page.MediaType.HTML, p.body(), meta));
                    fetched++;
                } catch (SafeFetcher.FetchException | IllegalArgumentException e) {
                    failed++;
                    log.accept("page " + e.getMessage());
                }
            }
            // validators are saved after the feed's pages went in, so a crash re-reads the feed
            ingester.flush();
            store.saveFeed(feed.toString(), r.etag(), r.lastModified(), "ok: " + items.size() + " entries");
        }
        ingester.flush();
        return new Poll(feeds.size(), notModified, entries, fetched, skipped, failed);
    }
}
