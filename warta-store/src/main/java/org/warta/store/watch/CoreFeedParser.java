package org.warta.store.watch;

import java.util.ArrayList;
import java.util.List;
import org.warta.read.Feeds;
import org.warta.read.InputException;

/**
 * The watcher's feed parser on the core's feed reader ({@link Feeds#parse}): RSS 0.9x/1.0/2.0 and Atom,
 * DOCTYPEs refused (no XXE, no entity expansion), at most {@link Feeds#maxEntries()} entries, links resolved
 * against the feed URL. Every entry is returned, those without a link too (the watcher reports them).
 */
public final class CoreFeedParser implements FeedParser {
    @Override
    public List<Entry> parse(String feedUrl, byte[] xml) {
        List<Feeds.FeedEntry> entries;
        try {
            entries = Feeds.parse(xml, feedUrl);
        } catch (InputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        List<Entry> out = new ArrayList<>(entries.size());
        for (Feeds.FeedEntry e : entries) {
            String link = e.link() == null || e.link().isBlank() ? null : e.link().strip();
            out.add(new Entry(link, e.title(), e.published()));
        }
        return out;
    }
}
