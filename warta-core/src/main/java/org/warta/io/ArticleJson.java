package org.warta.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.warta.model.Article;

/**
 * Writes an {@link Article} as the article record of the product brief, described by
 * {@code schema/article.schema.json} (version 2): id, url, canonical_url, outlet, title, text, language,
 * published (ISO 8601 at its precision), published_precision, published_inferred, published_source (where
 * the date came from), modified, dateline, authors, editors.
 */
public final class ArticleJson {
    private ArticleJson() {}

    public static ObjectNode node(Article a) {
        ObjectNode o = Json.object();
        o.put("id", a.id());
        o.put("url", a.url());
        o.put("canonical_url", a.canonicalUrl());
        o.put("outlet", a.outlet());
        o.put("title", a.title());
        o.put("text", a.text());
        o.put("language", a.language());
        o.put("published", a.published());
        o.put("published_precision", a.publishedPrecision());
        o.put("published_inferred", a.publishedInferred());
        o.put("published_source", a.publishedSource());
        o.put("modified", a.modified());
        o.put("dateline", a.dateline());
        o.set("authors", Json.strings(a.authors()));
        o.set("editors", Json.strings(a.editors()));
        return o;
    }

    public static String line(Article a) {
        return Json.line(node(a));
    }
}
