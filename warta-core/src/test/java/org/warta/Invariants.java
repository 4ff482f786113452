package org.warta;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.warta.model.Article;
import org.warta.model.Doc;
import org.warta.model.EntityMention;
import org.warta.model.Event;
import org.warta.model.EventMention;
import org.warta.model.PlaceMention;
import org.warta.model.Quote;
import org.warta.model.Sentence;
import org.warta.model.Span;
import org.warta.model.TimeExpr;
import org.warta.model.Token;

/**
 * What the model classes promise, checked on any article, doc or time expression (the fuzz tests call
 * these on every input). Each check throws an {@link AssertionError} that says which promise broke.
 */
public final class Invariants {
    private Invariants() {}

    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
    private static final Set<String> DATE_SOURCES = Set.of("input", "json-ld", "opengraph", "meta", "time", "url", "text");
    private static final Set<String> PUBLISHED_PRECISIONS = Set.of("year", "month", "day", "hour", "minute", "second");

    public static void check(boolean ok, String what, Object... args) {
        if (!ok) throw new AssertionError(String.format(what, args));
    }

    /**
     * An extracted article: id, title, text, paragraphs, publication date, language, and (when
     * {@code source}, the page text, is given) the source offsets, which must point at the very chars of
     * the text (past a title that came from the page's metadata rather than its text).
     */
    public static void article(Article a, String pageName, String source, boolean metaTitle) {
        check(a.inputName().equals(pageName), "article named %s, page %s", a.inputName(), pageName);
        check(ID.matcher(a.id()).matches(), "article id %s is not 16 hex digits", a.id());
        String text = a.text();
        check(a.title() != null && !a.title().isBlank(), "blank title");
        check(text.startsWith(a.title()), "text does not start with the title");
        check(a.title().equals(a.title().strip()), "title not stripped: [%s]", a.title());
        String body = text.substring(a.title().length());
        if (!body.isEmpty()) {
            check(body.startsWith("\n\n"), "no blank line after the title in [%s]", text);
            for (String para : body.substring(2).split("\n\n", -1))
                check(!para.isBlank() && para.equals(para.strip()), "empty or unstripped paragraph [%s] in [%s]", para, text);
        }
        check(!text.contains("\u0000"), "NUL in the text");
        if (a.published() != null) {
            check(PUBLISHED_PRECISIONS.contains(a.publishedPrecision()), "published %s with precision %s",
                    a.published(), a.publishedPrecision());
            if (a.published().length() >= 10) calendarDay(a.published().substring(0, 10), "published");
            check(a.publishedSource() == null || DATE_SOURCES.contains(a.publishedSource()),
                    "published source %s", a.publishedSource());
        } else check(a.publishedPrecision() == null, "precision %s without a date", a.publishedPrecision());
        if (a.modified() != null && a.modified().length() >= 10) calendarDay(a.modified().substring(0, 10), "modified");
        if (a.language() != null) check(a.language().equals(a.language().strip().toLowerCase(java.util.Locale.ROOT)),
                "language %s", a.language());
        if (source == null) {
            check(a.sourceOffsets() == null && a.sourceOffset(0) == -1, "an HTML article has source offsets");
            return;
        }
        int[] off = a.sourceOffsets();
        check(off != null, "a text article without source offsets");
        int cps = text.codePointCount(0, text.length());
        int sourceCps = source.codePointCount(0, source.length());
        check(off.length == cps + 1, "%d source offsets for %d code points", off.length, cps);
        for (int i = 0, k = 0; i < text.length(); k++) {
            int cp = text.codePointAt(i);
            check(off[k] >= 0 && off[k] <= sourceCps, "source offset %d outside the source (%d code points)", off[k], sourceCps);
            check(k == 0 || off[k] >= off[k - 1], "source offsets go back at code point %d", k);
            // every char copied from the source (not the synthetic paragraph breaks) is the source's char there
            if (cp != '\n' && off[k] < sourceCps && !(metaTitle && i < a.title().length())) {
                int srcCp = source.codePointAt(source.offsetByCodePoints(0, off[k]));
                check(srcCp == cp, "code point %d is U+%04X but its source offset %d holds U+%04X", k, cp, off[k], srcCp);
            }
            i += Character.charCount(cp);
        }
        check(off[cps] <= sourceCps && (cps == 0 || off[cps] >= off[cps - 1]), "end offset %d", off[cps]);
    }

    private static void calendarDay(String day, String what) {
        try {
            LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new AssertionError(what + " " + day + " is not a calendar day");
        }
    }

    private static void span(Span s, int length, String what) {
        check(0 <= s.start() && s.start() <= s.end() && s.end() <= length, "%s [%d,%d) outside the text (%d chars)",
                what, s.start(), s.end(), length);
    }

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern CAL = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    private static final Pattern WEEK = Pattern.compile("\\d{4}-W(\\d{2})");
    private static final Pattern PART = Pattern.compile("[A-Z]{2}|Q[1-4]|H[12]");
    private static final Pattern CLOCK = Pattern.compile("([01]\\d|2[0-4]):[0-5]\\d");
    private static final Pattern PERIOD = Pattern.compile("PT?(?:X|\\d+(?:\\.\\d+)?)[YMWDHS]");
    private static final Pattern WEEKDAY_SET = Pattern.compile("XXXX-WXX-[1-7]");

    /** A time expression of {@code text}: its span and text, and a well-formed TIMEX3 value at its precision. */
    public static void time(TimeExpr t, String text) {
        span(t, text.length(), "time expression");
        check(t.start() < t.end(), "empty time expression at %d", t.start());
        check(t.text().equals(text.substring(t.start(), t.end())), "time text [%s] is not the text at [%d,%d)",
                t.text(), t.start(), t.end());
        String v = t.value();
        check(v != null && !v.isEmpty(), "time expression [%s] without a value", t.text());
        String where = "[" + t.text() + "] " + t.type() + " " + v + " (" + t.precision() + ")";
        switch (t.type()) {
            case "DATE" -> {
                if (v.endsWith("_REF")) {
                    check(Set.of("PRESENT_REF", "PAST_REF", "FUTURE_REF").contains(v), "reference %s", where);
                    check(t.precision() == null, "a reference with a precision: %s", where);
                } else date(v, t.precision(), where);
            }
            case "TIME" -> {
                int tt = v.indexOf('T');
                check(tt == 10, "time value %s", where);
                date(v.substring(0, 10), "day", where);
                String clock = v.substring(11);
                check("minute".equals(t.precision()) ? CLOCK.matcher(clock).matches()
                        : "day".equals(t.precision()) && PART.matcher(clock).matches(), "clock or part of day in %s", where);
            }
            case "DURATION" -> check(PERIOD.matcher(v).matches() && t.precision() == null, "duration %s", where);
            case "SET" -> check((PERIOD.matcher(v).matches() || WEEKDAY_SET.matcher(v).matches()) && t.precision() == null,
                    "set %s", where);
            default -> throw new AssertionError("type of " + where);
        }
    }

    private static void date(String v, String precision, String where) {
        check(precision != null, "a calendar value without precision: %s", where);
        switch (precision) {
            case "day" -> {
                check(v.length() == 10, "day %s", where);
                calendarDay(v, where);
            }
            case "month" -> {
                var m = CAL.matcher(v);
                check(m.matches() && m.group(2) != null && m.group(3) == null, "month %s", where);
                int mo = Integer.parseInt(m.group(2));
                check(mo >= 1 && mo <= 12, "month %s", where);
            }
            case "year" -> check(YEAR.matcher(v).matches()
                    || (v.length() > 5 && YEAR.matcher(v.substring(0, 4)).matches() && v.charAt(4) == '-'
                        && PART.matcher(v.substring(5)).matches()), "year %s", where);
            case "decade" -> check(v.matches("\\d{3}"), "decade %s", where);
            case "week" -> {
                var m = WEEK.matcher(v);
                check(m.matches() && Integer.parseInt(m.group(1)) >= 1 && Integer.parseInt(m.group(1)) <= 53, "week %s", where);
            }
            default -> throw new AssertionError("precision of " + where);
        }
    }

    /** Every annotation of a coded doc lies within the article's text and agrees with it; so does every event. */
    public static void doc(Doc doc) {
        String text = doc.text();
        int n = text.length();
        int prevEnd = 0;
        List<Sentence> sentences = doc.sentences();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            span(s, n, "sentence");
            check(s.index() == i, "sentence %d has index %d", i, s.index());
            check(s.start() >= prevEnd, "sentence %d overlaps the one before", i);
            prevEnd = s.end();
        }
        int prevTokEnd = 0;
        List<Token> tokens = doc.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            span(t, n, "token");
            check(t.start() < t.end(), "empty token %d", i);
            check(t.text().equals(text.substring(t.start(), t.end())), "token %d [%s] is not the text at [%d,%d)",
                    i, t.text(), t.start(), t.end());
            check(t.start() >= prevTokEnd, "token %d overlaps the one before", i);
            check(t.sentence() >= 0 && t.sentence() < sentences.size()
                    && sentences.get(t.sentence()).contains(t), "token %d outside its sentence %d", i, t.sentence());
            prevTokEnd = t.end();
        }
        for (EntityMention e : doc.entities()) {
            span(e, n, "entity mention");
            check(e.antecedent() >= -1 && e.antecedent() < doc.entities().size(), "antecedent %d", e.antecedent());
        }
        for (Quote q : doc.quotes()) {
            span(q, n, "quote");
            // a direct quote may have no cue (-1, -1, null) and no speaker span (-1, -1)
            if (q.cue() == null) check(q.cueStart() == -1 && q.cueEnd() == -1, "quote cue [%d,%d) without a cue", q.cueStart(), q.cueEnd());
            else check(0 <= q.cueStart() && q.cueStart() <= q.cueEnd() && q.cueEnd() <= n
                    && q.cue().equals(text.substring(q.cueStart(), q.cueEnd())), "quote cue %s at [%d,%d)", q.cue(), q.cueStart(), q.cueEnd());
            check((q.speakerStart() == -1 && q.speakerEnd() == -1)
                    || (0 <= q.speakerStart() && q.speakerStart() <= q.speakerEnd() && q.speakerEnd() <= n),
                    "quote speaker [%d,%d)", q.speakerStart(), q.speakerEnd());
            check(q.speakerMention() >= -1 && q.speakerMention() < doc.entities().size(), "speaker mention %d", q.speakerMention());
        }
        int prevTime = 0;
        for (TimeExpr t : doc.times()) {
            time(t, text);
            check(t.start() >= prevTime, "time expressions overlap or are unsorted at %d", t.start());
            prevTime = t.end();
        }
        int prevPlace = 0;
        for (PlaceMention p : doc.places()) {
            span(p, n, "place");
            check(p.text().equals(text.substring(p.start(), p.end())), "place [%s] is not the text at [%d,%d)",
                    p.text(), p.start(), p.end());
            check(p.start() >= prevPlace, "places overlap or are unsorted at %d", p.start());
            prevPlace = p.end();
        }
        for (Event e : doc.events()) event(e, doc);
    }

    private static void event(Event e, Doc doc) {
        String text = doc.text();
        check(!e.mentions().isEmpty(), "event %s without evidence", e.id());
        check(e.confidence() >= 0 && e.confidence() <= 1, "confidence %f", e.confidence());
        if (e.date() != null) {
            String where = "event " + e.type() + " date " + e.date() + " (" + e.datePrecision() + ")";
            date(e.date(), e.datePrecision(), where);
        } else check(e.datePrecision() == null, "event precision without a date");
        for (EventMention m : e.mentions()) {
            span(m, text.length(), "event evidence");
            check(m.start() <= m.triggerStart() && m.triggerStart() <= m.triggerEnd() && m.triggerEnd() <= m.end(),
                    "trigger [%d,%d) outside the evidence [%d,%d)", m.triggerStart(), m.triggerEnd(), m.start(), m.end());
            check(m.sentence() >= 0 && m.sentence() < doc.sentences().size()
                    && doc.sentences().get(m.sentence()).contains(m), "evidence outside its sentence %d", m.sentence());
            Article a = doc.article();
            if (a.sourceOffsets() == null)
                check(m.sourceStart() == -1 && m.sourceEnd() == -1, "source offsets on an HTML article's event");
            else check(0 <= m.sourceStart() && m.sourceStart() <= m.sourceEnd(), "source range [%d,%d)", m.sourceStart(), m.sourceEnd());
        }
    }
}
