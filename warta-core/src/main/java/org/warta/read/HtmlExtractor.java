package org.warta.read;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.warta.lang.Languages;
import org.warta.model.Article;
import org.warta.model.Page;

/**
 * The extractor for HTML pages (jsoup): metadata from JSON-LD, OpenGraph, {@code <meta>}, {@code <time>}
 * and the URL ({@link HtmlMetadata}); the main content by {@link MainContent} (pruning, block scoring,
 * block collection), checked against the JSON-LD {@code articleBody} when the page has one; then the
 * chrome rules of every language pack, bylines, editor initials and dateline ({@link ArticleAssembler}).
 * Pages nested deeper than {@link #maxDepth()} levels are refused. HTML articles have no source offsets.
 *
 * <pre>{@code
 * Article a = new HtmlExtractor(new Languages(List.of())).extract(Page.html("a.html", url, html));
 * }</pre>
 */
public final class HtmlExtractor implements ArticleExtractor {
    /** Default limit on element nesting; system property {@code warta.maxHtmlDepth} overrides it. */
    public static final int DEFAULT_MAX_DEPTH = 2000;

    private final ArticleAssembler assembler;

    public HtmlExtractor(Languages langs) {
        this(new ArticleAssembler(new PageChrome(langs)));
    }

    HtmlExtractor(ArticleAssembler assembler) {
        this.assembler = assembler;
    }

    /** The nesting limit in elements. */
    public static int maxDepth() {
        return Limits.intProperty("warta.maxHtmlDepth", DEFAULT_MAX_DEPTH);
    }

    @Override
    public Article extract(Page page) throws InputException {
        String html = new String(page.bytes(), StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(html, page.url() == null ? "" : page.url());
        int limit = maxDepth();
        int depth = depth(doc, limit);
        if (depth > limit)
            throw new InputException(page.name(), "HTML nested deeper than " + limit
                    + " elements; not a readable page (raise the limit with -Dwarta.maxHtmlDepth=N)");
        HtmlMetadata meta = HtmlMetadata.read(doc, page.url());
        String title = HtmlMetadata.firstNonBlank(page.meta("title"), meta.title());
        List<ArticleAssembler.Block> blocks = new ArrayList<>();
        for (MainContent.Block b : JsonLdCheck.choose(MainContent.extract(doc), meta.articleBody(), doc))
            blocks.add(new ArticleAssembler.Block(b.text(), -1));
        ArticleAssembler.Block titleBlock = title == null ? null : new ArticleAssembler.Block(title.strip(), -1);
        String published = page.meta("published");
        String source = published != null && !published.isBlank() ? "input" : meta.publishedSource();
        if (source != null && source.equals("input")) published = published.strip();
        else published = meta.published();
        ArticleAssembler.Known known = new ArticleAssembler.Known(page.url(), meta.canonicalUrl(),
                HtmlMetadata.firstNonBlank(page.meta("outlet"), meta.siteName()), published,
                HtmlMetadata.firstNonBlank(page.meta("language"), meta.language()), source, meta.modified(),
                authors(page, meta));
        return assembler.assemble(page, titleBlock, blocks, null, known);
    }

    private static List<String> authors(Page page, HtmlMetadata meta) {
        String given = page.meta("author");
        if (given == null || given.isBlank()) return meta.authors();
        List<String> out = new ArrayList<>(List.of(given.strip()));
        out.addAll(meta.authors());
        return out;
    }

    /** The depth of the deepest node, counting stops once past {@code limit}. Iterative. */
    static int depth(Document doc, int limit) {
        int[] max = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (depth > max[0]) max[0] = depth;
                return max[0] > limit ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, doc);
        return max[0];
    }
}
