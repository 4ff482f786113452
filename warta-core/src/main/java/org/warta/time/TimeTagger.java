package org.warta.time;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.warta.lang.Languages;
import org.warta.model.Article;
import org.warta.model.Doc;
import org.warta.model.TimeExpr;
import org.warta.pipeline.Stage;

/**
 * Adds the article's time expressions ({@link TimeExpr}, TIMEX3 types and values) to the doc, sorted by
 * start and non-overlapping. Relative and year-less expressions are resolved against the publication
 * date (set by {@link PublicationDater} when the page had none), else the processing date.
 */
public final class TimeTagger implements Stage {
    private final TimeRecognizer recognizer;

    public TimeTagger(Languages langs) {
        this.recognizer = new TimeRecognizer(langs);
    }

    @Override
    public void process(Doc doc) {
        Article a = doc.article();
        String lang = a.language() == null ? "id" : a.language();
        if (!recognizer.supports(lang)) {
            doc.warn("time: no language pack '" + lang + "', time expressions not tagged");
            return;
        }
        for (TimeRecognizer.Found f : recognizer.find(a.text(), lang, doc.referenceDate())) doc.addTime(f.expr());
    }

    /**
     * The first calendar date among the doc's time expressions lying within [start, end): a DATE whose
     * value is a calendar date ("2024-10-30", "2024-10", "2024", "2024-W44"), or a TIME on a known day,
     * returned as that day (type DATE, precision day). References such as PRESENT_REF are skipped.
     */
    public static Optional<TimeExpr> dateIn(Doc doc, int start, int end) {
        for (TimeExpr t : doc.times()) {
            if (t.start() < start || t.end() > end) continue;
            Optional<TimeExpr> d = asCalendarDate(t);
            if (d.isPresent()) return d;
        }
        return Optional.empty();
    }

    /** The expression as a calendar date: a DATE with a calendar value, a TIME on a known day as that day, else empty. */
    public static Optional<TimeExpr> asCalendarDate(TimeExpr t) {
        String v = t.value();
        if (v == null || v.length() < 4 || !Character.isDigit(v.charAt(0))) return Optional.empty();
        if (t.type().equals("DATE")) return Optional.of(t);
        if (t.type().equals("TIME") && v.length() >= 10 && v.charAt(7) == '-')
            return Optional.of(new TimeExpr(t.start(), t.end(), t.text(), "DATE", v.substring(0, 10), "day", t.inferred()));
        return Optional.empty();
    }
}
