package org.warta.time;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.warta.model.Doc;
import org.warta.model.Event;
import org.warta.model.EventMention;
import org.warta.model.Modality;
import org.warta.model.Sentence;
import org.warta.model.TimeExpr;
import org.warta.pipeline.Stage;

/**
 * Dates each event, with its precision (day, month, year):
 * <ol>
 * <li>from a calendar date of its own sentence within {@value #MAX_WORDS} words of the trigger (the nearest),
 *     leaving out, for an act reported as done, dates after the publication day ("penjualan … pada tahun 2032");</li>
 * <li>else, for an act reported as done (asserted), the story's day: the first date of day precision in the
 *     lead paragraph, within a week before the publication day ("Rabu (30/10)"), flagged as inferred;</li>
 * <li>else the publication day (or the processing date), flagged as inferred. Future, hypothetical and
 *     negated acts without a date of their own get none.</li>
 * </ol>
 * Runs after the event coder, on one-mention events.
 */
public final class EventDater implements Stage {
    static final int MAX_WORDS = 8;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern CALENDAR = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    @Override
    public void process(Doc doc) {
        if (doc.events().isEmpty()) return;
        LocalDate reference = doc.referenceDate();
        TimeExpr story = storyDay(doc, reference);
        // (historical modality, from a date in the trigger's own clause, is the event coder's)
        List<Event> out = new ArrayList<>();
        for (Event e : doc.events()) {
            EventMention m = e.mentions().get(0);
            boolean done = e.modality() == Modality.ASSERTED || e.modality() == Modality.HISTORICAL;
            TimeExpr own = ownDate(doc, m, done ? reference : null);
            Event dated;
            if (own != null) {
                dated = e.withDate(own.value(), own.precision(), own.inferred());
            } else if (!done) {
                dated = e.withDate(null, null, false);
            } else if (story != null) {
                dated = e.withDate(story.value(), "day", true);
            } else {
                dated = e.withDate(reference.toString(), "day", true);
            }
            out.add(dated);
        }
        doc.setEvents(out);
    }

    /** The nearest calendar date of the mention's sentence within MAX_WORDS words of its trigger, none after {@code notAfter}. */
    private static TimeExpr ownDate(Doc doc, EventMention m, LocalDate notAfter) {
        Sentence s = doc.sentences().get(m.sentence());
        TimeExpr best = null;
        int bestWords = Integer.MAX_VALUE;
        for (TimeExpr t : doc.times()) {
            if (t.start() < s.start() || t.end() > s.end()) continue;
            TimeExpr day = calendar(t);
            if (day == null) continue;
            if (notAfter != null && after(day.value(), notAfter)) continue;
            int words = t.start() >= m.triggerEnd() ? words(doc.text(), m.triggerEnd(), t.start())
                    : t.end() <= m.triggerStart() ? words(doc.text(), t.end(), m.triggerStart()) : 0;
            if (words <= MAX_WORDS && words < bestWords) {
                best = day;
                bestWords = words;
            }
        }
        return best;
    }

    /** A DATE with a calendar value, or a TIME on a known day as that day; else null. */
    private static TimeExpr calendar(TimeExpr t) {
        Optional<TimeExpr> o = TimeTagger.asCalendarDate(t);
        if (o.isEmpty()) return null;
        String v = o.get().value();
        Matcher m = CALENDAR.matcher(v);
        if (!m.lookingAt()) return null;
        String cal = m.group();
        if (cal.length() < v.length() && v.charAt(cal.length()) != 'T') return null; // weeks, seasons, quarters
        String precision = cal.length() == 10 ? "day" : cal.length() == 7 ? "month" : "year";
        return new TimeExpr(t.start(), t.end(), t.text(), "DATE", cal, precision, o.get().inferred());
    }

    /** True if a date at its precision begins after the given day ("2032" after 2025-10-21; "2025-10" is not). */
    private static boolean after(String value, LocalDate day) {
        String d = day.toString();
        return value.compareTo(d.substring(0, value.length())) > 0;
    }

    /** The first day-precision date of the lead paragraph within a week before the reference day, or null. */
    private static TimeExpr storyDay(Doc doc, LocalDate reference) {
        int lead = -1;
        for (Sentence s : doc.sentences())
            if (s.paragraph() > 0) {
                lead = s.paragraph();
                break;
            }
        if (lead < 0) return null;
        for (Sentence s : doc.sentences()) {
            if (s.paragraph() != lead) continue;
            for (TimeExpr t : doc.times()) {
                if (t.start() < s.start() || t.end() > s.end()) continue;
                TimeExpr day = calendar(t);
                if (day == null || !"day".equals(day.precision())) continue;
                LocalDate d = LocalDate.parse(day.value());
                if (!d.isAfter(reference) && !d.isBefore(reference.minusDays(7))) return day;
            }
        }
        return null;
    }

    private static int words(String text, int from, int to) {
        int n = 0;
        Matcher w = WORD.matcher(text.substring(from, Math.max(from, to)));
        while (w.find()) n++;
        return n;
    }
}
