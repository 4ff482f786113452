package org.warta.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.warta.lang.Languages;
import org.warta.link.Story;
import org.warta.link.StoryLinker;

/**
 * The store's {@link StoryAssigner} on the core's cross-article linker ({@link StoryLinker}): the reports
 * of different articles that describe the same real-world event (same or neighbouring type, a participant
 * in common, days within the linker's window, compatible location, alike texts) form one story.
 * <p>
 * Only <b>event reports</b> are given to the linker. The linker's article-level reports (an article as a
 * whole, no event) link only to each other, so they never change how events are grouped; the store's
 * stories are stories of events (each row counts events, articles and sources of its events), and a story
 * made only of article-level reports would have no events and would inflate the story counts analysts
 * query. They are therefore left out: an article whose events the coder missed is in no story.
 * <p>
 * The store re-groups {@link #windowDays()} days around a batch: the linker's window plus its longest
 * story span, so every story a new report can join or split is re-formed whole. Story ids stay stable
 * through {@code StoryWriter} (a re-formed story inherits the id of the stored story it shares most
 * events with), not through the linker's own member-derived ids.
 */
public final class LinkedStories implements StoryAssigner {
    private final StoryLinker linker;
    private final String version;
    private final int windowDays;

    private LinkedStories(StoryLinker linker, String version, int windowDays) {
        this.linker = Objects.requireNonNull(linker, "linker");
        this.version = version;
        this.windowDays = windowDays;
    }

    /** The linker's default settings with the stop words of the language packs. */
    public static LinkedStories of(Languages languages) {
        return new LinkedStories(StoryLinker.builder().stopwords(languages).build(), "warta-link-1",
                StoryLinker.Builder.DEFAULT_WINDOW_DAYS + StoryLinker.Builder.DEFAULT_SPAN_DAYS);
    }

    /** A linker with your own settings; {@code windowDays} must cover its window plus its story span. */
    public static LinkedStories of(StoryLinker linker, String version, int windowDays) {
        if (windowDays < 0) throw new IllegalArgumentException("windowDays must not be negative: " + windowDays);
        return new LinkedStories(linker, version, windowDays);
    }

    @Override
    public List<List<Report>> group(Collection<Report> reports) {
        Map<org.warta.link.Report, Report> back = new IdentityHashMap<>();
        List<org.warta.link.Report> in = new ArrayList<>(reports.size());
        for (Report r : reports) {
            org.warta.link.Report l = new org.warta.link.Report(r.articleId(), r.url(), r.outlet(), r.published(), r.event(),
                    r.text() == null || r.text().isBlank() ? null : r.text());
            back.put(l, r);
            in.add(l);
        }
        List<List<Report>> out = new ArrayList<>();
        for (Story s : linker.link(in)) {
            List<Report> g = new ArrayList<>(s.reports().size());
            for (org.warta.link.Report l : s.reports()) g.add(back.get(l));
            out.add(g);
        }
        return out;
    }

    @Override
    public int windowDays() {
        return windowDays;
    }

    @Override
    public String version() {
        return version;
    }
}
