package org.warta.time;

import java.util.List;
import org.warta.lang.Languages;
import org.warta.model.Article;
import org.warta.model.Doc;
import org.warta.model.Sentence;
import org.warta.pipeline.Stage;

/**
 * Sets the publication date of an article that has none: the first written date with a day (not a
 * relative word, not a weekday alone) in the title or the first two paragraphs, its year inferred from the
 * processing date when the text gives none ("Rabu (30/10)"). Runs before {@link TimeTagger}.
 */
public final class PublicationDater implements Stage {
    /** Without sentences, how far into the text the lead is looked for. */
    static final int LEAD_CHARS = 600;

    private final TimeRecognizer recognizer;

    public PublicationDater(Languages langs) {
        this.recognizer = new TimeRecognizer(langs);
    }

    @Override
    public void process(Doc doc) {
        Article a = doc.article();
        if (a.published() != null && !a.published().isBlank()) return;
        String lang = a.language() == null ? "id" : a.language();
        if (!recognizer.supports(lang)) return;
        String text = a.text();
        if (a.title() != null && !a.title().isBlank() && !text.startsWith(a.title().strip())) {
            if (set(doc, a.title(), lang)) return;
        }
        set(doc, text.substring(0, leadEnd(doc, text)), lang);
    }

    private boolean set(Doc doc, String text, String lang) {
        for (TimeRecognizer.Found f : recognizer.findIfWrittenDate(text, lang, doc.asOf())) {
            if (!f.writtenDate() || !"day".equals(f.expr().precision())) continue;
            doc.article(doc.article().withPublished(f.expr().value().substring(0, 10), "day", f.yearInferred()));
            return true;
        }
        return false;
    }

    /**
     * End of the first two paragraphs, or of the first LEAD_CHARS chars extended to the end of that line
     * (at most LEAD_CHARS more), so that a date straddling the limit is kept whole.
     */
    static int leadEnd(Doc doc, String text) {
        List<Sentence> sentences = doc.sentences();
        int end = -1;
        for (Sentence s : sentences) if (s.paragraph() <= 2) end = Math.max(end, s.end());
        if (end < 0) {
            end = Math.min(text.length(), LEAD_CHARS);
            int cap = Math.min(text.length(), end + LEAD_CHARS);
            while (end < cap && text.charAt(end) != '\n') end++;
        }
        return Math.min(end, text.length());
    }
}
