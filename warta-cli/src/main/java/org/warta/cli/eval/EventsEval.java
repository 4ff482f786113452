package org.warta.cli.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.warta.cli.eval.EventsScorer.PredictedEvent;
import org.warta.cli.eval.EventsScorer.PredictedMention;
import org.warta.io.EventJson;
import org.warta.io.Offsets;
import org.warta.model.Actor;
import org.warta.model.Article;
import org.warta.model.Event;
import org.warta.model.EventMention;
import org.warta.model.Page;
import org.warta.pipeline.Pipeline;
import org.warta.read.InputException;

/** Runs the pipeline over the events-id data and scores it with {@link EventsScorer}. */
public final class EventsEval {
    /** Where each predicted event goes (for {@code --predictions}): the gold doc id and the event record. */
    public interface PredictionSink {
        void accept(String doc, ObjectNode event);
    }

    private final Pipeline pipeline;
    private final LocalDate asOfOverride;
    private final String kbVersion;
    private final Consumer<String> warn;

    public EventsEval(Pipeline pipeline, LocalDate asOfOverride, String kbVersion, Consumer<String> warn) {
        this.pipeline = pipeline;
        this.asOfOverride = asOfOverride;
        this.kbVersion = kbVersion;
        this.warn = warn;
    }

    /** Scores the development docs at the top level and the seed docs under {@code seed}. */
    public ObjectNode run(Path dataDir, PredictionSink sink) throws IOException {
        EventsData data = EventsData.load(dataDir, warn);
        ObjectNode result = score(data.docs, sink);
        result.put("data", dataDir.toString());
        result.set("seed", score(data.seed, sink));
        return result;
    }

    private ObjectNode score(List<EventsData.Item> items, PredictionSink sink) {
        EventsScorer scorer = new EventsScorer();
        List<String> failures = new ArrayList<>();
        for (EventsData.Item item : items) {
            LocalDate asOf = asOfOverride != null ? asOfOverride
                    : item.articleDate() != null ? LocalDate.parse(item.articleDate()) : pipeline.asOf();
            List<PredictedEvent> predicted = new ArrayList<>();
            try {
                Pipeline.Result r = pipeline.code(Page.text(item.textFile().getFileName().toString(), item.text()), asOf);
                for (Event e : r.events()) {
                    predicted.add(predicted(e, r.article()));
                    if (sink != null) sink.accept(item.gold().id(), EventJson.node(e, r.article(), kbVersion));
                }
            } catch (InputException | RuntimeException e) {
                failures.add(item.gold().id());
                warn.accept(item.gold().id() + ": not coded: " + e.getMessage());
            }
            scorer.add(item.gold(), predicted);
        }
        ObjectNode o = scorer.result();
        o.set("failed_docs", org.warta.io.Json.strings(failures));
        return o;
    }

    /** A predicted event with its mentions' spans in the input text (code points). */
    public static PredictedEvent predicted(Event e, Article a) {
        Offsets off = new Offsets(a.text());
        List<PredictedMention> ms = new ArrayList<>();
        for (EventMention m : e.mentions()) {
            int start = m.sourceStart(), end = m.sourceEnd();
            if (start < 0 || end < 0) {
                if (a.sourceOffsets() != null) {
                    start = a.sourceOffset(m.start());
                    end = m.end() > m.start() ? a.sourceOffset(m.end() - 1) + 1 : start;
                } else {
                    start = off.cp(m.start());
                    end = off.cpEnd(m.end());
                }
            }
            int trigger = -1;
            if (m.triggerStart() >= 0 && m.triggerStart() < a.text().length()) {
                trigger = a.sourceOffsets() != null ? a.sourceOffset(m.triggerStart())
                        : m.sourceStart() < 0 ? off.cp(m.triggerStart()) : -1;
            }
            var att = m.attribution();
            ms.add(new PredictedMention(start, end, trigger, m.modality() == null ? null : m.modality().label(),
                    att != null, att == null ? null : att.name(), att == null ? null : att.code()));
        }
        return new PredictedEvent(e.type(), codes(e.actor()), codes(e.recipient()), e.date(),
                e.location() == null ? null : e.location().country(), ms);
    }

    private static Set<String> codes(List<Actor> actors) {
        Set<String> s = new LinkedHashSet<>();
        for (Actor x : actors) if (x.code() != null) s.add(x.code());
        return s;
    }
}
