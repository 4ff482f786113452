package org.warta.link;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.warta.model.Article;
import org.warta.model.Event;

/**
 * One article's report of one event: what {@link StoryLinker} links across articles.
 *
 * <pre>{@code
 * Report r = new Report(article.id(), article.url(), article.outlet(), day, event, article.text());
 * }</pre>
 *
 * @param articleId the article's id (reports with the same id are never linked to each other directly)
 * @param url the article's URL, or null
 * @param outlet the outlet (source) that published the article, or null; stories count distinct outlets
 * @param published the article's publication day, or null when unknown
 * @param event the coded event, or null for an <b>article-level report</b>: the article as a whole, which
 *     links only to other article-level reports, by text similarity and publication day (see
 *     {@link StoryLinker}); it lets articles whose events the coder missed still join a story
 * @param text optional text of the article (title and body) for the article-level similarity signal; null
 *     when the caller has none, and then that signal is not used for this report
 */
public record Report(String articleId, String url, String outlet, LocalDate published, Event event, String text) {
    public Report {
        Objects.requireNonNull(articleId, "articleId");
        if (event == null && (text == null || text.isBlank())) {
            throw new IllegalArgumentException("an article-level report (no event) needs the article text: " + articleId);
        }
    }

    /** An article-level report: the article as a whole, linked by its text and publication day. */
    public static Report ofArticle(String articleId, String url, String outlet, LocalDate published, String text) {
        return new Report(articleId, url, outlet, published, null, text);
    }

    /**
     * The reports of one coded article: one per event, then the article-level report (when the article has
     * text). The publication day is {@link Article#publishedDay()}, the outlet {@link Article#outlet()}.
     */
    public static List<Report> of(Article article, List<Event> events) {
        LocalDate day = article.publishedDay().orElse(null);
        List<Report> out = new ArrayList<>();
        for (Event e : events) out.add(new Report(article.id(), article.url(), article.outlet(), day, e, article.text()));
        if (!article.text().isBlank()) out.add(ofArticle(article.id(), article.url(), article.outlet(), day, article.text()));
        return out;
    }

    /** Whether this is an article-level report (no event). */
    public boolean articleLevel() {
        return event == null;
    }

    /** A report without article text (the text signal is then skipped for it). */
    public Report(String articleId, String url, String outlet, LocalDate published, Event event) {
        this(articleId, url, outlet, published, event, null);
    }
}
