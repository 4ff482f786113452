package org.warta.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.warta.Warta;
import org.warta.actor.Gazetteer;
import org.warta.cli.bench.BenchCorpus;
import org.warta.event.EventCoder;
import org.warta.model.Article;
import org.warta.model.Doc;
import org.warta.model.Page;
import org.warta.model.Sentence;
import org.warta.model.Token;
import org.warta.ner.GazetteerLabels;
import org.warta.ner.NameTaggers;
import org.warta.pipeline.Pipeline;
import org.warta.pipeline.Stage;
import org.warta.place.PlaceGazetteer;
import org.warta.read.InputException;
import org.warta.text.Segmenter;
import org.warta.time.TimeTagger;

/**
 * What the JMH benchmarks work on, built once per JVM (each JMH fork): the Indonesian texts of
 * {@code ../shared/bench} (the events-id development texts, the seed and the IndoTimex development articles,
 * as {@code warta bench} reads them; never copied into the repository), run through the built-in pipeline up
 * to each stage under test, and cut into sentences with their tokens.
 *
 * <p>The bench folder is {@code $WARTA_SHARED/bench} (environment, so that JMH's forked JVMs see it too),
 * else {@code -Dwarta.shared=DIR}, else {@code ../shared/bench} from the working directory. A missing folder is
 * an error that names the folder looked in.
 */
public final class Fixture {
    /** The processing date of the benchmark (as {@code warta bench}). */
    static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

    /** One sentence: the article text, its tokens (offsets into that text and words), and its gazetteer labels. */
    public record Item(String text, int[] starts, int[] ends, String[] words, String[] gazetteerLabels) {}

    final Pipeline pipeline;
    final Segmenter segmenter;
    final TimeTagger timeTagger;
    final EventCoder eventCoder;
    final Gazetteer gazetteer;
    final PlaceGazetteer places;
    final NameTaggers taggers;
    /** The articles as the segmenter gets them (language identified). */
    final List<Article> forSegmenter = new ArrayList<>();
    /** The articles as the time tagger gets them (publication date found). */
    final List<Article> forTimeTagger = new ArrayList<>();
    /** Docs with every annotation the event coder reads (all stages before it have run), no events yet. */
    final List<Doc> forEventCoder = new ArrayList<>();
    final List<Item> sentences = new ArrayList<>();
    final long tokens;

    private static Fixture instance;

    /** The fixture of this JVM, built on first use. */
    public static synchronized Fixture get() {
        if (instance == null) instance = new Fixture(texts(benchDir()));
        return instance;
    }

    /** The bench folder of {@code ../shared}, or an error naming where it was looked for. */
    public static Path benchDir() {
        return benchDir(System.getenv("WARTA_SHARED"), System.getProperty("warta.shared"));
    }

    /** The bench folder given the environment variable's and the system property's values (either may be null). */
    static Path benchDir(String env, String prop) {
        Path shared = env != null && !env.isBlank() ? Path.of(env)
                : prop != null && !prop.isBlank() ? Path.of(prop) : Path.of("..", "shared");
        Path bench = shared.resolve("bench");
        if (!Files.isDirectory(bench))
            throw new IllegalStateException("the benchmark texts are missing: no folder " + bench.toAbsolutePath().normalize()
                    + " (run from the repository root with ../shared beside it, or set WARTA_SHARED=DIR to the shared folder)");
        return bench;
    }

    /** The Indonesian source texts under a bench folder, or an error naming the folder when there are none. */
    public static List<String> texts(Path bench) {
        List<String> texts;
        try {
            texts = BenchCorpus.sources(bench);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the benchmark texts under " + bench.toAbsolutePath().normalize() + ": " + e.getMessage(), e);
        }
        if (texts.isEmpty())
            throw new IllegalStateException("no benchmark texts under " + bench.toAbsolutePath().normalize()
                    + " (expected events-id/texts/*.txt, ../seed/*.txt or indotimex/kompas_development.zip)");
        return texts;
    }

    /** Builds the pipeline and its parts, and prepares the texts for every benchmark. */
    public Fixture(List<String> texts) {
        // the pipeline, and the lookup structures it is built on
        Warta.Builder builder = Warta.builder().asOf(AS_OF);
        Warta.Data data = builder.data();
        pipeline = builder.build(data);
        segmenter = stage(Segmenter.class);
        timeTagger = stage(TimeTagger.class);
        eventCoder = stage(EventCoder.class);
        gazetteer = data.gazetteer();
        places = data.places();
        taggers = data.taggers();

        long tokenCount = 0;
        for (int n = 0; n < texts.size(); n++) {
            Article article;
            try {
                article = pipeline.article(Page.text("bench-" + n + ".txt", texts.get(n)));
            } catch (InputException e) {
                throw new IllegalStateException("benchmark text " + n + " cannot be read: " + e.getMessage(), e);
            }
            Doc doc = new Doc(article, AS_OF);
            for (Stage s : pipeline.stages()) {
                if (s == segmenter) forSegmenter.add(doc.article());
                if (s == timeTagger) forTimeTagger.add(doc.article());
                if (s == eventCoder) break;
                s.process(doc);
            }
            forEventCoder.add(doc);
            tokenCount += doc.tokens().size();
            for (Sentence s : doc.sentences()) {
                List<Token> ts = doc.tokensOf(s);
                if (ts.isEmpty()) continue;
                int[] starts = new int[ts.size()], ends = new int[ts.size()];
                String[] words = new String[ts.size()];
                for (int k = 0; k < words.length; k++) {
                    starts[k] = ts.get(k).start();
                    ends[k] = ts.get(k).end();
                    words[k] = ts.get(k).text();
                }
                sentences.add(new Item(doc.text(), starts, ends, words, GazetteerLabels.of(doc.text(), starts, ends, gazetteer, false)));
            }
        }
        tokens = tokenCount;
        if (forSegmenter.size() != texts.size() || forTimeTagger.size() != texts.size())
            throw new IllegalStateException("the pipeline has no Segmenter or TimeTagger stage before its EventCoder");
        if (sentences.isEmpty()) throw new IllegalStateException("the benchmark texts gave no sentences");
        System.err.printf("fixture: %d texts, %d sentences, %d tokens%n", texts.size(), sentences.size(), tokens);
    }

    private <T extends Stage> T stage(Class<T> type) {
        for (Stage s : pipeline.stages()) if (type.isInstance(s)) return type.cast(s);
        throw new IllegalStateException("the built-in pipeline has no " + type.getSimpleName() + " stage");
    }
}
