package org.warta.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.warta.lang.Morphology;

/**
 * The name-tagger models shipped in {@code warta/models/}: {@value #CASED} (NERGrit tag set: PERSON, PLACE,
 * ORGANISATION; for ordinary cased text) and {@value #LOWER} (NERP tag set: PPL, PLC, IND, EVT, FNB; for
 * lower-cased text). Retrain them with {@code warta train ner} (see README.md).
 */
public final class NameTaggers {
    public static final String CASED = "warta/models/ner-nergrit.bin";
    public static final String LOWER = "warta/models/ner-nerp.bin";

    private final NameTagger cased;
    private final NameTagger lower;

    public NameTaggers(NameTagger cased, NameTagger lower) {
        this.cased = cased;
        this.lower = lower;
    }

    /** Loads both shipped models. */
    public static NameTaggers builtIn(Morphology morphology) {
        return new NameTaggers(resource(CASED, morphology), resource(LOWER, morphology));
    }

    /** A model on the classpath. */
    public static NameTagger resource(String path, Morphology morphology) {
        try (InputStream in = NameTaggers.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("name-tagger model missing from the classpath: " + path);
            return NameTagger.read(in, path, morphology);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read name-tagger model " + path + ": " + e.getMessage(), e);
        }
    }

    /** The model for text that is (or is not) all lower case. */
    public NameTagger forText(boolean lowercaseText) {
        return lowercaseText ? lower : cased;
    }
}
