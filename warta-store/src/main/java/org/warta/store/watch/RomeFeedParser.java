package org.warta.store.watch;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.xml.sax.InputSource;

/** RSS 0.9x/1.0/2.0 and Atom through Rome, with DOCTYPEs refused (no external entities: XXE-safe). */
public final class RomeFeedParser implements FeedParser {
    @Override
    public List<Entry> parse(String feedUrl, byte[] xml) {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        input.setXmlHealerOn(true);
        SyndFeed feed;
        try {
            feed = input.build(new InputSource(new ByteArrayInputStream(xml)));
        } catch (FeedException | RuntimeException e) {
            throw new IllegalArgumentException(feedUrl + ": not a readable RSS or Atom feed: " + e.getMessage(), e);
        }
        List<Entry> out = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            String link = e.getLink();
            if ((link == null || link.isBlank()) && e.getUri() != null && e.getUri().startsWith("http")) link = e.getUri();
            if (link == null || link.isBlank()) continue;
            try {
                link = URI.create(feedUrl).resolve(link.strip()).toString();
            } catch (IllegalArgumentException ex) {
                continue; // a link that is no URL: nothing to fetch
            }
            Date d = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
            out.add(new Entry(link, e.getTitle(), d == null ? null : d.toInstant().toString()));
        }
        return out;
    }
}
