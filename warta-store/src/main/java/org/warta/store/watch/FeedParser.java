package org.warta.store.watch;

import java.util.List;

/**
 * Turns the bytes of an RSS or Atom feed into its entries. The watcher needs only this; the one
 * implementation here ({@link RomeFeedParser}) is a small adapter meant to give way to the core's feed
 * reader ({@code org.warta.read}) when that exists.
 */
public interface FeedParser {
    /** One item of a feed: the article's link, and what the feed says of it (any may be null). */
    record Entry(String link, String title, String published) {}

    /** The entries of a feed; throws {@link IllegalArgumentException} naming the feed for a malformed one. */
    List<Entry> parse(String feedUrl, byte[] xml);
}
