package org.warta.read;

import org.warta.lang.Languages;
import org.warta.model.Article;
import org.warta.model.Page;

/** PLACEHOLDER: being written. */
public final class Extractors implements ArticleExtractor {
    public Extractors(Languages langs) {}

    @Override
    public Article extract(Page page) throws InputException {
        throw new InputException(page.name(), "not yet");
    }
}
