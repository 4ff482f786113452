package org.warta.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What an HTML page says about itself: title, publication and modification dates (with the source of the
 * publication date), authors, site name, canonical URL, language and the JSON-LD {@code articleBody}.
 * Dates are kept as written, in the page's own offset (never converted to UTC): JSON-LD, then
 * OpenGraph {@code article:published_time}, then other {@code <meta>} names, then {@code <time>}, then the
 * URL. Read before the page is pruned.
 */
record HtmlMetadata(String title, String published, String publishedSource, String modified, List<String> authors,
                    String siteName, String canonicalUrl, String language, String articleBody) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "blogposting", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "webpage", "liveblogposting",
            "scholarlyarticle", "techarticle", "report", "socialmediaposting");
    private static final String[] META_DATE_NAMES = {"pubdate", "publishdate", "publish-date", "publish_date",
            "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued", "sailthru.date",
            "parsely-pub-date", "article.published", "article_date_original", "og:published_time",
            "datepublished", "content_publish_date", "cxenseparse:recs:publishtime", "publication_date",
            "release_date", "originalpublicationdate"};
    private static final Pattern URL_DATE = Pattern.compile(
            "/((?:19|20)\\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\\d|3[01])(?:/|$|[^0-9])|/((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?:/|$|[^0-9])");

    static HtmlMetadata read(Document doc, String url) {
        // Every <meta> by its name, property and itemprop (lower case), first one wins: one pass.
        java.util.Map<String, String> metas = new java.util.HashMap<>();
        for (Element m : doc.getElementsByTag("meta")) {
            String content = m.attr("content");
            if (content.isBlank()) continue;
            for (String key : new String[] {m.attr("name"), m.attr("property"), m.attr("itemprop")})
                if (!key.isBlank()) metas.putIfAbsent(key.strip().toLowerCase(Locale.ROOT), content.strip());
        }
        List<JsonNode> ld = jsonLd(doc);
        JsonNode article = null;
        for (JsonNode n : ld) {
            if (isArticle(n) && (article == null || n.has("articleBody") && !article.has("articleBody"))) article = n;
        }
        String title = firstNonBlank(metas.get("og:title"),
                text(article, "headline"), textOf(doc.selectFirst("h1")), doc.title());

        String published = null, source = null;
        String v = date(text(article, "datePublished"));
        if (v == null) v = date(text(article, "dateCreated"));
        if (v != null) { published = v; source = "json-ld"; }
        if (published == null) {
            v = date(metas.get("article:published_time"));
            if (v != null) { published = v; source = "opengraph"; }
        }
        if (published == null) {
            for (String name : META_DATE_NAMES) {
                v = date(metas.get(name));
                if (v != null) { published = v; source = "meta"; break; }
            }
        }
        if (published == null) {
            v = date(attr(doc, "[itemprop=datePublished]", "content"));
            if (v == null) v = date(attr(doc, "[itemprop=datePublished]", "datetime"));
            if (v == null) v = date(attr(doc, "time[pubdate]", "datetime"));
            if (v == null) v = date(attr(doc, "time[datetime]", "datetime"));
            if (v != null) { published = v; source = "time"; }
        }
        if (published == null && url != null) {
            Matcher m = URL_DATE.matcher(url);
            if (m.find()) {
                published = m.group(1) != null ? m.group(1) + "-" + m.group(2) + "-" + m.group(3)
                        : m.group(4) + "-" + m.group(5) + "-" + m.group(6);
                source = "url";
                if (ArticleAssembler.precision(published) == null) { // /2024/13/45/: not a day
                    published = null;
                    source = null;
                }
            }
        }
        String modified = date(text(article, "dateModified"));
        if (modified == null) modified = date(metas.get("article:modified_time"));

        Set<String> authors = new LinkedHashSet<>();
        if (article != null) names(article.get("author"), authors);
        if (authors.isEmpty()) {
            for (Element m : doc.select("meta[name=author], meta[property=article:author], meta[name=dc.creator]")) {
                String a = m.attr("content").strip();
                if (!a.isEmpty() && !a.startsWith("http")) authors.add(a);
            }
        }
        String siteName = metas.get("og:site_name");
        if (siteName == null && article != null) {
            JsonNode pub = article.get("publisher");
            if (pub != null && pub.isObject()) siteName = text(pub, "name");
        }
        String canonical = null;
        Element link = doc.selectFirst("link[rel=canonical]");
        if (link != null) {
            String abs = link.absUrl("href");
            canonical = !abs.isBlank() ? abs : link.attr("href").isBlank() ? null : link.attr("href").strip();
        }
        String body = text(article, "articleBody");
        return new HtmlMetadata(title == null ? null : title.strip(), published, source, modified,
                new ArrayList<>(authors), siteName, canonical, language(doc), body);
    }

    private static boolean isArticle(JsonNode n) {
        JsonNode t = n.get("@type");
        if (t == null) return false;
        if (t.isArray()) {
            for (JsonNode x : t) if (ARTICLE_TYPES.contains(x.asText().toLowerCase(Locale.ROOT))) return true;
            return false;
        }
        return ARTICLE_TYPES.contains(t.asText().toLowerCase(Locale.ROOT));
    }

    /** Every JSON-LD object on the page, @graph members included, breadth first, at most 200. */
    private static List<JsonNode> jsonLd(Document doc) {
        List<JsonNode> out = new ArrayList<>();
        for (Element s : doc.select("script[type=application/ld+json]")) {
            JsonNode root;
            try {
                root = JSON.readTree(s.data());
            } catch (Exception e) {
                continue; // malformed JSON-LD is common; the other sources still apply
            }
            List<JsonNode> queue = new ArrayList<>();
            queue.add(root);
            for (int i = 0; i < queue.size() && out.size() < 200; i++) {
                JsonNode n = queue.get(i);
                if (n == null) continue;
                if (n.isArray()) n.forEach(queue::add);
                else if (n.isObject()) {
                    out.add(n);
                    JsonNode g = n.get("@graph");
                    if (g != null) queue.add(g);
                    JsonNode main = n.get("mainEntity");
                    if (main != null) queue.add(main);
                }
            }
        }
        return out;
    }

    private static void names(JsonNode n, Set<String> out) {
        if (n == null || out.size() > 10) return;
        if (n.isArray()) for (JsonNode x : n) names(x, out);
        else if (n.isObject()) {
            String name = text(n, "name");
            if (name != null) out.add(name.strip());
        } else if (n.isTextual() && !n.asText().isBlank() && !n.asText().startsWith("http")) out.add(n.asText().strip());
    }

    private static String language(Document doc) {
        String lang = null;
        Element h = doc.selectFirst("html[lang]");
        if (h != null) lang = h.attr("lang");
        if (lang == null || lang.isBlank()) lang = attr(doc, "meta[http-equiv=content-language]", "content");
        if (lang == null || lang.isBlank()) lang = attr(doc, "meta[property=og:locale]", "content");
        // (read only when <html lang> is missing)
        if (lang == null) return null;
        lang = lang.strip().toLowerCase(Locale.ROOT);
        int cut = lang.indexOf('-');
        if (cut < 0) cut = lang.indexOf('_');
        if (cut > 0) lang = lang.substring(0, cut);
        return lang.matches("[a-z]{2,3}") ? lang : null;
    }

    private static final DateTimeFormatter RFC = DateTimeFormatter.RFC_1123_DATE_TIME;

    /**
     * An ISO 8601 date or date-time at its precision, in the offset written (a space before the time
     * becomes {@code T}, {@code +0700} becomes {@code +07:00}); RFC 1123 dates are read too. Null when the
     * value is not a date.
     */
    static String date(String value) {
        if (value == null) return null;
        String v = value.strip();
        if (v.isEmpty()) return null;
        Matcher m = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)\\s*(Z|[+-]\\d{2}:?\\d{2})?)?").matcher(v);
        if (m.lookingAt()) {
            String day = m.group(1);
            if (m.group(2) == null) return ArticleAssembler.precision(day) != null ? day : null;
            String zone = m.group(3);
            if (zone != null && zone.length() == 5 && zone.charAt(3) != ':') zone = zone.substring(0, 3) + ":" + zone.substring(3);
            String out = day + "T" + m.group(2) + (zone == null ? "" : zone);
            return ArticleAssembler.precision(out) != null ? out : ArticleAssembler.precision(day) != null ? day : null;
        }
        if (v.matches("\\d{4}-\\d{2}")) return ArticleAssembler.precision(v) != null ? v : null;
        try {
            ZonedDateTime z = ZonedDateTime.parse(v, RFC);
            return z.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            // not RFC 1123 either
        }
        try {
            return OffsetDateTime.parse(v).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        if (v == null) return null;
        if (v.isArray() && v.size() > 0) v = v.get(0);
        return v.isValueNode() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static String attr(Document doc, String css, String attr) {
        Element e = doc.selectFirst(css);
        if (e == null) return null;
        String v = e.attr(attr);
        return v.isBlank() ? null : v.strip();
    }

    private static String textOf(Element e) {
        return e == null ? null : e.text();
    }

    static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return null;
    }
}
