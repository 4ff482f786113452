package org.warta.time;

import java.time.LocalDate;
import java.util.List;
import org.warta.lang.Languages;
import org.warta.model.Article;
import org.warta.model.Doc;
import org.warta.model.TimeExpr;

/** Shared helpers for the time tests. */
final class TimeTestSupport {
    static final Languages LANGS = new Languages(List.of());

    private TimeTestSupport() {}

    static Article article(String text, String lang, String published) {
        return new Article("test", null, null, null, null, null, text, lang, published, published == null ? null : "day",
                false, null, null, null, null);
    }

    static Doc doc(String text, String lang, String published, LocalDate asOf) {
        return new Doc(article(text, lang, published), asOf);
    }

    /** Tags the text with the given publication date and returns the expressions. */
    static List<TimeExpr> tag(String text, String lang, String published) {
        Doc d = doc(text, lang, published, LocalDate.parse("2030-01-01"));
        new TimeTagger(LANGS).process(d);
        return d.times();
    }

    /** The single expression found, failing otherwise. */
    static TimeExpr one(String text, String lang, String published) {
        List<TimeExpr> t = tag(text, lang, published);
        if (t.size() != 1) throw new AssertionError("expected one expression in '" + text + "' but got " + t);
        return t.get(0);
    }
}
