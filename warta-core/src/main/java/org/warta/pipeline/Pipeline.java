package org.warta.pipeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.warta.model.Article;
import org.warta.model.Doc;
import org.warta.model.Event;
import org.warta.model.Page;
import org.warta.read.ArticleExtractor;
import org.warta.read.InputException;

/**
 * The explicit chain {@code Page → Article → Doc → Event}: an extractor, then a fixed list of
 * {@link Stage}s. Thread-safe: the stages share only immutable data, and each call works on its own Doc.
 *
 * <pre>{@code
 * Pipeline pipeline = Warta.pipeline();
 * Pipeline.Result r = pipeline.code(Page.text("seed.txt", text));
 * r.events().forEach(e -> System.out.println(e.type() + " " + e.actor()));
 * }</pre>
 */
public final class Pipeline {
    private final ArticleExtractor extractor;
    private final List<Stage> stages;
    private final LocalDate defaultAsOf;

    /** What coding one page produced. */
    public record Result(Article article, Doc doc, List<Event> events) {}

    public Pipeline(ArticleExtractor extractor, List<Stage> stages, LocalDate defaultAsOf) {
        this.extractor = Objects.requireNonNull(extractor);
        this.stages = List.copyOf(stages);
        this.defaultAsOf = Objects.requireNonNull(defaultAsOf);
    }

    public List<Stage> stages() { return stages; }

    public LocalDate asOf() { return defaultAsOf; }

    /** Extracts the article only. */
    public Article article(Page page) throws InputException {
        return extractor.extract(page);
    }

    /** Codes a page with the pipeline's processing date. */
    public Result code(Page page) throws InputException {
        return code(page, defaultAsOf);
    }

    /** Codes a page as of the given processing date (the anchor for dates written without a year). */
    public Result code(Page page, LocalDate asOf) throws InputException {
        return code(extractor.extract(page), asOf);
    }

    /** Runs the analysis stages on an already extracted article. */
    public Result code(Article article, LocalDate asOf) {
        Doc doc = new Doc(article, asOf);
        for (Stage stage : stages) stage.process(doc);
        return new Result(doc.article(), doc, doc.events());
    }
}
