package org.warta.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.warta.lang.Languages;
import org.warta.model.Article;
import org.warta.model.Page;

/**
 * A minimal main-content extractor for HTML pages (jsoup). Title from {@code og:title}, else the first
 * {@code <h1>}, else {@code <title>}; body from the {@code <p>}, {@code <h2>}, {@code <h3>}, {@code <li>}
 * and {@code <blockquote>} blocks of {@code <article>} (else of the whole page, without navigation,
 * header, footer and asides), in document order; published date from JSON-LD {@code datePublished},
 * {@code article:published_time} or {@code <time datetime>}; outlet from {@code og:site_name}; canonical
 * URL from {@code <link rel=canonical>}. Site chrome rules are those of text pages. HTML articles have
 * no source offsets.
 *
 * <pre>{@code
 * Article a = new HtmlExtractor(new Languages(List.of())).extract(Page.html("a.html", url, html));
 * }</pre>
 */
public final class HtmlExtractor implements ArticleExtractor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BLOCKS = "p, h2, h3, h4, li, blockquote";

    private final ArticleAssembler assembler;

    public HtmlExtractor(Languages langs) {
        this(new ArticleAssembler(new PageChrome(langs)));
    }

    HtmlExtractor(ArticleAssembler assembler) {
        this.assembler = assembler;
    }

    @Override
    public Article extract(Page page) throws InputException {
        String html = new String(page.bytes(), StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(html, page.url() == null ? "" : page.url());
        String title = firstNonBlank(page.meta("title"), attr(doc, "meta[property=og:title]", "content"),
                text(doc.selectFirst("h1")), doc.title());

        doc.select("script:not([type=application/ld+json]), style, noscript, template").remove();
        Element root = doc.selectFirst("article");
        if (root == null) {
            root = doc.body();
            if (root != null) root.select("nav, header, footer, aside, form").remove();
        }
        List<ArticleAssembler.Block> blocks = new ArrayList<>();
        if (root != null) {
            Elements found = root.select(BLOCKS);
            for (Element e : found) {
                if (hasBlockAncestor(e, root)) continue;
                String t = e.text();
                if (!t.isBlank()) blocks.add(new ArticleAssembler.Block(t, -1));
            }
        }
        ArticleAssembler.Block titleBlock = title == null ? null : new ArticleAssembler.Block(title.strip(), -1);
        String canonical = attr(doc, "link[rel=canonical]", "href");
        if (canonical != null && page.url() != null) {
            String abs = doc.selectFirst("link[rel=canonical]").absUrl("href");
            if (!abs.isBlank()) canonical = abs;
        }
        String outlet = firstNonBlank(page.meta("outlet"), attr(doc, "meta[property=og:site_name]", "content"));
        String published = firstNonBlank(page.meta("published"), jsonLdDate(doc),
                attr(doc, "meta[property=article:published_time]", "content"),
                attr(doc, "time[datetime]", "datetime"));
        String language = firstNonBlank(page.meta("language"), languageOf(doc));
        ArticleAssembler.Known known = new ArticleAssembler.Known(page.url(), canonical, outlet,
                normaliseDate(published), language);
        return assembler.assemble(page, titleBlock, blocks, null, known);
    }

    private static boolean hasBlockAncestor(Element e, Element root) {
        for (Element p = e.parent(); p != null && p != root; p = p.parent())
            if (p.is(BLOCKS)) return true;
        return false;
    }

    private static String languageOf(Document doc) {
        Element h = doc.selectFirst("html[lang]");
        if (h == null) return null;
        String lang = h.attr("lang").strip();
        int dash = lang.indexOf('-');
        if (dash > 0) lang = lang.substring(0, dash);
        return lang.isEmpty() ? null : lang;
    }

    /** Keeps an ISO date or date-time as written when its precision is known, else its date part. */
    private static String normaliseDate(String value) {
        if (value == null) return null;
        String v = value.strip();
        if (ArticleAssembler.precision(v) != null) return v;
        if (v.matches("\\d{4}-\\d{2}-\\d{2}.*")) return v.substring(0, 10);
        return null;
    }

    private static String jsonLdDate(Document doc) {
        for (Element s : doc.select("script[type=application/ld+json]")) {
            try {
                String found = findDate(JSON.readTree(s.data()));
                if (found != null) return found;
            } catch (Exception e) {
                // malformed JSON-LD is common; the other date sources still apply
            }
        }
        return null;
    }

    private static String findDate(JsonNode node) {
        if (node == null) return null;
        if (node.isObject()) {
            JsonNode d = node.get("datePublished");
            if (d != null && d.isTextual() && !d.asText().isBlank()) return d.asText();
            var it = node.elements();
            while (it.hasNext()) {
                String r = findDate(it.next());
                if (r != null) return r;
            }
        } else if (node.isArray()) {
            for (JsonNode n : node) {
                String r = findDate(n);
                if (r != null) return r;
            }
        }
        return null;
    }

    private static String attr(Document doc, String css, String attr) {
        Element e = doc.selectFirst(css);
        if (e == null) return null;
        String v = e.attr(attr);
        return v.isBlank() ? null : v.strip();
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return null;
    }
}
