package org.warta.store.watch;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.warta.read.Feeds;
import org.warta.read.InputException;

/**
 * The watcher's feed parser on the core's feed reader ({@link Feeds#parse}): RSS 0.9x/1.0/2.0 and Atom,
 * DOCTYPEs refused (no XXE, no entity expansion), at most {@link Feeds#maxEntries()} entries, links resolved
 * against the feed URL. Entries without an absolute http(s) link are left out (nothing to fetch).
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
            String link = e.link() == null ? null : e.link().strip();
            if (link == null || link.isEmpty()) continue;
            try {
                String scheme = URI.create(link).getScheme();
                if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) continue;
            } catch (IllegalArgumentException ex) {
                continue; // a link that is no URL: nothing to fetch
            }
            out.add(new Entry(link, e.title(), e.published()));
        }
        return out;
    }
}
