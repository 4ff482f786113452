package org.warta.read;

import org.warta.model.Article;
import org.warta.model.Page;

/** Turns a raw {@link Page} into a clean {@link Article}. */
public interface ArticleExtractor {
    Article extract(Page page) throws InputException;
}
