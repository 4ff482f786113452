package org.warta.read;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.warta.model.Page;

/**
 * RSS (0.9x, 1.0, 2.0) and Atom feeds, parsed with Rome on a hardened XML parser: a document type
 * declaration is refused outright, so neither external entities (XXE) nor entity expansion ("billion
 * laughs") can happen. At most {@link #maxEntries()} entries are read.
 *
 * <pre>{@code
 * for (Feeds.FeedEntry e : Feeds.parse(body, "https://kabar.example/rss"))
 *     System.out.println(e.published() + " " + e.link() + " " + e.title());
 * }</pre>
 *
 * <p>This is the entry point for anything that polls feeds: {@link #parse} takes the fetched body and
 * the feed's URL (for relative links), and each {@link FeedEntry} can become a {@link Page} with
 * {@link FeedEntry#page(String)}.
 */
public final class Feeds {
    public static final int DEFAULT_MAX_ENTRIES = 10_000;
    private static final String DC = "http://purl.org/dc/elements/1.1/";

    /**
     * One entry of a feed.
     *
     * @param link the entry's link, absolute when the feed URL allows, or null
     * @param title the entry's title, or null
     * @param published publication date as ISO 8601 in the offset the feed wrote (RFC 822 dates of RSS
     *     are converted to ISO keeping their offset), else the update date, or null
     * @param author the first author's name, or null
     * @param html the entry's HTML: {@code content:encoded} or Atom {@code content}, else the
     *     description or summary; null when the entry has none
     */
    public record FeedEntry(String link, String title, String published, String author, String html) {
        /** An HTML page of the entry's content, named {@code name}, with the entry's metadata. */
        public Page page(String name) {
            Map<String, String> meta = new LinkedHashMap<>();
            if (title != null) meta.put("title", title);
            if (published != null) meta.put("published", published);
            if (author != null) meta.put("author", author);
            String body = html == null ? "" : html;
            return new Page(name, link, Page.MediaType.HTML, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), meta);
        }
    }

    private Feeds() {}

    public static int maxEntries() {
        return Limits.intProperty("warta.maxFeedEntries", DEFAULT_MAX_ENTRIES);
    }

    /** Whether the start of a document looks like a feed: an {@code <rss>}, {@code <feed>} or {@code <rdf:RDF>} root. */
    public static boolean looksLikeFeed(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), java.nio.charset.StandardCharsets.ISO_8859_1);
        return head.matches("(?s)\\A(?:\\xEF\\xBB\\xBF)?\\s*(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*(?:<\\?xml-stylesheet[^>]*>\\s*)*<(?:rss|feed|rdf:RDF)\\b.*");
    }

    /**
     * Parses a feed body.
     *
     * @param body the bytes as fetched (the XML declaration or BOM decides the encoding)
     * @param feedUrl the feed's URL or file name; relative links are resolved against a URL (else against
 *     the site link the feed gives), and errors name it
     * @throws InputException when the body is not a well-formed RSS or Atom feed, declares a DTD, or has
     *     more than {@link #maxEntries()} entries
     */
    public static List<FeedEntry> parse(byte[] body, String feedUrl) throws InputException {
        String name = feedUrl == null ? "feed" : feedUrl;
        Document doc;
        try {
            SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
            builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
            builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            builder.setExpandEntities(false);
            doc = builder.build(new ByteArrayInputStream(body));
        } catch (Exception e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            if (m.contains("DOCTYPE"))
                throw new InputException(name, "the feed declares a DOCTYPE, which is refused (entity expansion and external entities are unsafe)");
            throw new InputException(name, "not well-formed XML (" + m + "); not a readable feed");
        }
        List<Element> rawEntries = entryElements(doc.getRootElement());
        int max = maxEntries();
        if (rawEntries.size() > max)
            throw new InputException(name, "the feed has " + rawEntries.size() + " entries, over the limit of " + max
                    + " (raise it with -Dwarta.maxFeedEntries=N)");
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(doc);
        } catch (Exception e) {
            throw new InputException(name, "not an RSS or Atom feed (" + e.getMessage() + ")");
        }
        // Relative links resolve against the feed's URL, else against the site link the feed gives.
        String base = isAbsolute(feedUrl) ? feedUrl : isAbsolute(feed.getLink()) ? feed.getLink().strip() : null;
        List<FeedEntry> out = new ArrayList<>();
        List<SyndEntry> entries = feed.getEntries();
        for (int i = 0; i < entries.size(); i++) {
            SyndEntry e = entries.get(i);
            String published = i < rawEntries.size() ? rawDate(rawEntries.get(i)) : null;
            if (published == null && e.getPublishedDate() != null)
                published = e.getPublishedDate().toInstant().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            out.add(new FeedEntry(link(e, base), blankToNull(e.getTitle()), published, author(e), html(e)));
        }
        return out;
    }

    private static List<Element> entryElements(Element root) {
        List<Element> out = new ArrayList<>();
        String n = root.getName();
        if (n.equals("feed")) {
            for (Element c : root.getChildren()) if (c.getName().equals("entry")) out.add(c);
        } else if (n.equals("rss")) {
            for (Element ch : root.getChildren()) if (ch.getName().equals("channel"))
                for (Element c : ch.getChildren()) if (c.getName().equals("item")) out.add(c);
        } else {
            for (Element c : root.getChildren()) if (c.getName().equals("item")) out.add(c);
        }
        return out;
    }

    /** The entry's date as written, made ISO 8601 with its own offset. */
    private static String rawDate(Element entry) {
        for (String name : new String[] {"pubDate", "published", "issued", "date", "updated", "modified"}) {
            for (Element c : entry.getChildren()) {
                if (!c.getName().equals(name)) continue;
                if (name.equals("date") && !DC.equals(c.getNamespaceURI())) continue;
                String v = HtmlMetadata.date(c.getTextNormalize());
                if (v != null) return v;
            }
        }
        return null;
    }

    private static boolean isAbsolute(String url) {
        if (url == null || url.isBlank()) return false;
        try {
            URI u = URI.create(url.strip());
            return u.isAbsolute() && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String link(SyndEntry e, String base) {
        String link = blankToNull(e.getLink());
        if (link == null) link = blankToNull(e.getUri());
        if (link == null || base == null) return link;
        try {
            return URI.create(base).resolve(link).toString();
        } catch (IllegalArgumentException ex) {
            return link;
        }
    }

    private static String author(SyndEntry e) {
        List<SyndPerson> people = e.getAuthors();
        if (people != null) for (SyndPerson p : people) if (blankToNull(p.getName()) != null) return p.getName().strip();
        return blankToNull(e.getAuthor());
    }

    private static String html(SyndEntry e) {
        String best = null;
        for (SyndContent c : e.getContents()) {
            String v = blankToNull(c.getValue());
            if (v != null && (best == null || v.length() > best.length())) best = v;
        }
        if (best != null) return best;
        return e.getDescription() == null ? null : blankToNull(e.getDescription().getValue());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
