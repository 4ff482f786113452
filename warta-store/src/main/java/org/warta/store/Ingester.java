package org.warta.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.warta.model.Article;
import org.warta.model.Page;
import org.warta.pipeline.Pipeline;
import org.warta.read.InputException;

/**
 * Feeds pages into a store in batches: each page is extracted, skipped without coding when the store
 * already holds the same article (same id and content), else coded; every {@code batchSize} pages are
 * written in one transaction. A crash loses at most the batch in flight, and re-running the same inputs
 * resumes: what was committed is recognised and skipped. Not thread-safe; one per run.
 *
 * <pre>{@code
 * Ingester in = new Ingester(store, pipeline, StoryAssigner.perEvent(), kbVersion, asOf, 100, listener);
 * Inputs.read(paths, in::accept, in::failed);
 * IngestReport report = in.finish();
 * }</pre>
 */
public final class Ingester {
    /** Called as the run goes on (a progress bar, a log). */
    public interface Listener {
        /** After each page is read (failed or not) and after each batch commit. */
        default void progress(IngestReport report) {}

        default void failed(String input, String reason) {}

        default void committed(IngestReport report) {}
    }

    private final Store store;
    private final Pipeline pipeline;
    private final StoryAssigner assigner;
    private final String kbVersion;
    private final LocalDate asOf;
    private final int batchSize;
    private final Listener listener;
    private final boolean recode;
    private final List<Store.Coded> pending = new ArrayList<>();
    private final IngestReport report = new IngestReport();

    public Ingester(Store store, Pipeline pipeline, StoryAssigner assigner, String kbVersion, LocalDate asOf,
                    int batchSize, Listener listener) {
        this(store, pipeline, assigner, kbVersion, asOf, batchSize, listener, false);
    }

    private Ingester(Store store, Pipeline pipeline, StoryAssigner assigner, String kbVersion, LocalDate asOf,
                     int batchSize, Listener listener, boolean recode) {
        this.store = Objects.requireNonNull(store);
        this.pipeline = Objects.requireNonNull(pipeline);
        this.assigner = Objects.requireNonNull(assigner);
        this.kbVersion = kbVersion;
        this.asOf = Objects.requireNonNull(asOf);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1");
        this.batchSize = batchSize;
        this.listener = listener == null ? new Listener() {} : listener;
        this.recode = recode;
    }

    /** An ingester that re-codes stored pages (each replaced even when its text is unchanged). */
    public static Ingester recoder(Store store, Pipeline pipeline, StoryAssigner assigner, String kbVersion,
                                   int batchSize, Listener listener) {
        return new Ingester(store, pipeline, assigner, kbVersion, pipeline.asOf(), batchSize, listener, true);
    }

    /** Takes one page (with the processing date of the run). */
    public void accept(Page page) {
        accept(page, asOf);
    }

    /** Takes one page coded as of {@code date} (recode keeps each article's original processing date). */
    public void accept(Page page, LocalDate date) {
        report.read++;
        try {
            Article article = pipeline.article(page);
            if (!recode && store.known(article.id(), Fingerprint.contentHash(article.text())) == Store.Known.SAME) {
                report.duplicate++;
                listener.progress(report);
                return;
            }
            LocalDate d = date == null ? asOf : date;
            Pipeline.Result r = pipeline.code(article, d);
            pending.add(new Store.Coded(page, r.article(), r.events(), kbVersion, d, recode));
        } catch (InputException e) {
            fail(page.name(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            report.internalErrors++;
            fail(page.name(), page.name() + ": internal error: " + e);
            return;
        }
        if (pending.size() >= batchSize) flush();
        listener.progress(report);
    }

    /** Records an input that could not be read. */
    public void failed(InputException e) {
        report.read++;
        fail(e.input(), e.getMessage());
        listener.progress(report);
    }

    private void fail(String input, String reason) {
        report.failed++;
        report.failures.add(reason);
        listener.failed(input, reason);
    }

    /** Writes what is pending as one transaction. */
    public void flush() {
        if (pending.isEmpty()) return;
        List<Store.Coded> batch = List.copyOf(pending);
        pending.clear();
        try {
            Store.BatchResult r = store.write(batch, assigner);
            for (Store.Written w : r.written()) {
                switch (w.outcome()) {
                    case NEW -> report.added++;
                    case UPDATED -> report.updated++;
                    case RECODED -> report.recoded++;
                    case DUPLICATE -> report.duplicate++;
                    case NEAR_DUPLICATE -> report.nearDuplicate++;
                }
            }
            report.events += r.events();
            report.batches++;
            listener.committed(report);
        } catch (StoreException e) {
            for (Store.Coded c : batch) {
                report.notStored.add(c.page().name());
                fail(c.page().name(), c.page().name() + ": not stored: " + e.getMessage());
            }
        }
    }

    /**
     * Re-codes every stored original page (an ingester made by {@link #recoder}): the pages are read
     * first, then fed through in batches, each article keeping its processing date. A crash loses at most
     * the batch in flight; running it again re-codes everything (each batch replaces its articles whole).
     */
    public IngestReport recodeStored() {
        if (!recode) throw new IllegalStateException("recodeStored needs an ingester made by Ingester.recoder");
        List<Store.StoredPage> pages = new ArrayList<>();
        store.forEachPage(pages::add);
        for (Store.StoredPage p : pages) accept(p.page(), p.asOf());
        return finish();
    }

    /** Writes the last batch and returns the run's report. */
    public IngestReport finish() {
        flush();
        return report;
    }

    public IngestReport report() {
        return report;
    }
}
