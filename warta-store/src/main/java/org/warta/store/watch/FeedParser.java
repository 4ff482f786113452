package org.warta.store.watch;

import java.util.List;

/**
 * Turns the bytes of an RSS or Atom feed into its entries. The watcher needs only this; the
 * implementation ({@link CoreFeedParser}, {@link #standard()}) is an adapter on the core's feed reader
 * ({@code org.warta.read.Feeds}).
 */
public interface FeedParser {
    /** One item of a feed: the article's link (null when it has none), and what the feed says of it (any may be null). */
    record Entry(String link, String title, String published) {}

    /** The entries of a feed; throws {@link IllegalArgumentException} naming the feed for a malformed one. */
    List<Entry> parse(String feedUrl, byte[] xml);

    /** The parser on the core's feed reader. */
    static FeedParser standard() {
        return new CoreFeedParser();
    }
}
