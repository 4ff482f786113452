package org.warta.bench.jmh;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.warta.actor.Gazetteer;
import org.warta.model.Article;
import org.warta.model.Doc;
import org.warta.pipeline.Stage;
import org.warta.place.PlaceGazetteer;

/**
 * JMH microbenchmarks of the hot parts of the pipeline, on the Indonesian bench texts (see {@link Fixture}).
 * Each operation takes the next item in turn (an article, or one sentence of one), so the figures are
 * articles or sentences per second on one thread; the method name says which.
 *
 * <ul>
 *   <li>{@code tokenizeArticle}: the {@code Segmenter} (sentences and tokens) on a fresh doc of an article;
 *   <li>{@code actorGazetteerSentence}: {@link Gazetteer#at} at every token start of a sentence;
 *   <li>{@code placeGazetteerSentence}: the place gazetteer's lookups for a sentence, as place recognition
 *       asks them: at each capitalised token that can start a place name, its spans of up to
 *       {@code maxWords} tokens, longest first, until one names a place;
 *   <li>{@code nameTaggerSentence}: the statistical name tagger (cased model) on a sentence's tokens with
 *       their gazetteer labels;
 *   <li>{@code timeTaggerArticle}: the time tagger on a fresh doc of an article (publication date found);
 *   <li>{@code eventCoderArticle}: the event coder's pattern matching and coding on a doc that every
 *       earlier stage has annotated (its events are cleared after each call).
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
public class StageBenchmarks {

    /** The fixture and where each benchmark is in its items. */
    @State(Scope.Thread)
    public static class Cursor {
        Fixture f;
        int article, sentence;

        @Setup(Level.Trial)
        public void setUp() {
            f = Fixture.get();
            // the event coder only adds events: coding a doc twice (events cleared between) must give the same count
            Doc doc = f.forEventCoder.get(0);
            f.eventCoder.process(doc);
            int first = doc.events().size();
            doc.setEvents(List.of());
            f.eventCoder.process(doc);
            int second = doc.events().size();
            doc.setEvents(List.of());
            if (first != second)
                throw new IllegalStateException("the event coder gave " + first + " then " + second + " events on the same doc");
        }

        /** {@code stage} run on a fresh doc of the next of {@code articles}: the doc. */
        Doc run(Stage stage, List<Article> articles) {
            int i = article;
            article = i + 1 == articles.size() ? 0 : i + 1;
            Doc doc = new Doc(articles.get(i), Fixture.AS_OF);
            stage.process(doc);
            return doc;
        }

        Fixture.Item nextSentence() {
            int i = sentence;
            sentence = i + 1 == f.sentences.size() ? 0 : i + 1;
            return f.sentences.get(i);
        }
    }

    @Benchmark
    public int tokenizeArticle(Cursor c) {
        return c.run(c.f.segmenter, c.f.forSegmenter).tokens().size();
    }

    @Benchmark
    public void actorGazetteerSentence(Cursor c, Blackhole bh) {
        Fixture.Item s = c.nextSentence();
        Gazetteer g = c.f.gazetteer;
        for (int start : s.starts()) bh.consume(g.at(s.text(), start, false));
    }

    @Benchmark
    public int placeGazetteerSentence(Cursor c) {
        Fixture.Item s = c.nextSentence();
        PlaceGazetteer g = c.f.places;
        int found = 0, max = g.maxWords();
        for (int i = 0; i < s.words().length; i++) {
            if (!Character.isUpperCase(s.words()[i].charAt(0))) continue;
            if (!g.startsName(s.words()[i].toLowerCase(Locale.ROOT))) continue;
            // longest span first, as place recognition matches
            for (int k = Math.min(s.words().length - 1, i + max - 1); k >= i; k--) {
                String written = s.text().substring(s.starts()[i], s.ends()[k]);
                if (!g.lookup(PlaceGazetteer.key(written)).isEmpty() && g.best(written, Set.of()) != null) {
                    found++;
                    i = k;
                    break;
                }
            }
        }
        return found;
    }

    @Benchmark
    public String[] nameTaggerSentence(Cursor c) {
        Fixture.Item s = c.nextSentence();
        return c.f.taggers.forText(false).tag(s.words(), s.gazetteerLabels());
    }

    @Benchmark
    public int timeTaggerArticle(Cursor c) {
        return c.run(c.f.timeTagger, c.f.forTimeTagger).times().size();
    }

    @Benchmark
    public int eventCoderArticle(Cursor c) {
        Doc doc = c.f.forEventCoder.get(c.article);
        c.article = c.article + 1 == c.f.forEventCoder.size() ? 0 : c.article + 1;
        c.f.eventCoder.process(doc);
        int n = doc.events().size();
        doc.setEvents(List.of());
        return n;
    }
}
