package org.warta;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.warta.actor.ActorRecognizer;
import org.warta.actor.CorefResolver;
import org.warta.actor.Gazetteer;
import org.warta.event.EventCoder;
import org.warta.event.EventMerger;
import org.warta.kb.KnowledgeBase;
import org.warta.lang.Languages;
import org.warta.lang.Morphology;
import org.warta.ner.NameTaggers;
import org.warta.number.EventSizer;
import org.warta.number.NumberReader;
import org.warta.pipeline.Pipeline;
import org.warta.pipeline.Stage;
import org.warta.place.EventLocator;
import org.warta.place.PlaceGazetteer;
import org.warta.place.PlaceRecognizer;
import org.warta.quote.QuoteAttributor;
import org.warta.read.Extractors;
import org.warta.text.LanguageIdentifier;
import org.warta.text.Segmenter;
import org.warta.time.EventDater;
import org.warta.time.PublicationDater;
import org.warta.time.TimeTagger;

/**
 * Warta's front door. {@link #pipeline()} gives a ready, thread-safe pipeline with the built-in language
 * packs and knowledge base; {@link #builder()} sets the processing date and adds the user's data.
 *
 * <pre>{@code
 * Pipeline pipeline = Warta.builder().asOf(LocalDate.of(2026, 11, 27)).build();
 * for (Event e : pipeline.code(Page.text("seed.txt", Files.readString(path))).events())
 *     System.out.println(e.type() + " " + e.actor() + " -> " + e.recipient());
 * }</pre>
 */
public final class Warta {
    /** Version of the coder, written into every event's {@code coder} field. */
    public static final String VERSION = "0.1.0";

    private Warta() {}

    /** A pipeline with built-in data, processing date today. */
    public static Pipeline pipeline() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The loaded data files of a pipeline: language packs, knowledge base, the Indonesian affix analyser,
     * the actor gazetteer, both shipped name-tagger models and the place gazetteer.
     */
    public record Data(Languages languages, KnowledgeBase kb, Morphology morphology, Gazetteer gazetteer, NameTaggers taggers,
                       PlaceGazetteer places) {}

    /** Configures and builds a {@link Pipeline}. */
    public static final class Builder {
        private LocalDate asOf = LocalDate.now();
        private final List<Path> userDirs = new ArrayList<>();

        /** The processing date: the anchor for dates written without a year. */
        public Builder asOf(LocalDate date) {
            this.asOf = date;
            return this;
        }

        /** Adds a directory with the user's own {@code kb/} and {@code lang/<code>/} files. */
        public Builder kb(Path dir) {
            userDirs.add(dir);
            return this;
        }

        /**
         * The data files a pipeline is built from, loaded (what {@link #build} loads before it makes the
         * stages): for tools that need the parts, or that measure the load.
         */
        public Data data() {
            Languages langs = new Languages(userDirs);
            KnowledgeBase kb = KnowledgeBase.load(userDirs);
            Morphology morphology = new Morphology(langs.get("id"), Set.of());
            return new Data(langs, kb, morphology, Gazetteer.of(kb), NameTaggers.builtIn(morphology), PlaceGazetteer.load(kb, userDirs));
        }

        public Pipeline build() {
            return build(data());
        }

        /** The pipeline of data loaded by {@link #data()}. */
        public Pipeline build(Data data) {
            Languages langs = data.languages();
            KnowledgeBase kb = data.kb();
            Gazetteer gazetteer = data.gazetteer();
            PlaceGazetteer places = data.places();
            List<Stage> stages = List.of(
                    new LanguageIdentifier(langs),
                    new Segmenter(langs),
                    new PublicationDater(langs),
                    new TimeTagger(langs),
                    new ActorRecognizer(langs, kb, gazetteer, data.taggers()),
                    new CorefResolver(langs, kb),
                    new PlaceRecognizer(langs, places),
                    new QuoteAttributor(langs),
                    new EventCoder(langs, kb, gazetteer),
                    new EventDater(),
                    new EventLocator(langs, places),
                    new EventSizer(langs, new NumberReader(langs)),
                    new EventMerger(kb));
            return new Pipeline(new Extractors(langs), stages, asOf);
        }
    }
}
