package org.warta.read;

import org.warta.lang.Languages;
import org.warta.model.Article;
import org.warta.model.Page;

/**
 * The extractor for any page: text pages go to {@link TextPageExtractor}, HTML pages to
 * {@link HtmlExtractor}. Thread-safe.
 *
 * <pre>{@code
 * ArticleExtractor extractors = new Extractors(new Languages(List.of()));
 * Article a = extractors.extract(page);
 * }</pre>
 */
public final class Extractors implements ArticleExtractor {
    private final TextPageExtractor text;
    private final HtmlExtractor html;

    public Extractors(Languages langs) {
        ArticleAssembler assembler = new ArticleAssembler(new PageChrome(langs));
        this.text = new TextPageExtractor(assembler);
        this.html = new HtmlExtractor(assembler, new TextDates(langs));
    }

    @Override
    public Article extract(Page page) throws InputException {
        return switch (page.type()) {
            case TEXT -> text.extract(page);
            case HTML -> html.extract(page);
        };
    }
}
