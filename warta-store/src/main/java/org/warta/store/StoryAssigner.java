package org.warta.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.warta.model.Event;

/**
 * Groups reports (the events of different articles) into stories: the reports of one real-world event.
 * The store calls it after each ingest batch with every stored event in the batch's date window (widened
 * by {@link #windowDays()}) and every event already in a story that reaches into that window; it then
 * keeps story ids stable (a re-formed story inherits the id of the stored story it shares most events
 * with). Implementations must be deterministic: the same reports in any order give the same groups.
 */
public interface StoryAssigner {

    /**
     * One report: an event with the article it comes from.
     *
     * @param text the article's text (title and body), or null when the caller has none; text-based
     *     linkers use it as a similarity signal
     */
    record Report(String articleId, String url, String outlet, LocalDate published, Event event, String text) {
        /** A report without the article's text. */
        public Report(String articleId, String url, String outlet, LocalDate published, Event event) {
            this(articleId, url, outlet, published, event, null);
        }
    }

    /** Groups the reports; each inner list is one story. Every report is in exactly one group. */
    List<List<Report>> group(Collection<Report> reports);

    /** How many days around a batch's events the store re-groups. */
    default int windowDays() {
        return 7;
    }

    /** Version of the linking method, kept in the store's metadata. */
    default String version() {
        return "per-event-1";
    }

    /**
     * The cross-article linker of the core ({@code org.warta.link.StoryLinker}, default settings) with the
     * stop words of the given language packs: the default of the store commands. See {@link LinkedStories}.
     */
    static StoryAssigner linked(org.warta.lang.Languages languages) {
        return LinkedStories.of(languages);
    }

    /** The trivial assigner: one story per event (tests, and a baseline without linking). */
    static StoryAssigner perEvent() {
        return reports -> {
            List<List<Report>> out = new ArrayList<>(reports.size());
            for (Report r : reports) out.add(List.of(r));
            return out;
        };
    }
}
