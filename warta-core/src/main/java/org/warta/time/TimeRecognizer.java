package org.warta.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.warta.lang.Languages;
import org.warta.model.TimeExpr;
import org.warta.text.Chars;

/**
 * Finds and normalises time expressions in plain text (TIMEX3 types and values), for any language whose
 * pack has the time data files. Shared by {@link PublicationDater} (which looks for a written date) and
 * {@link TimeTagger}. Works on characters, not tokens. Thread-safe.
 */
public final class TimeRecognizer {
    /**
     * A recognised expression.
     *
     * @param writtenDate the day and month are written in the text (not relative, not a weekday alone)
     * @param yearInferred the year was not written but inferred from the anchor
     */
    public record Found(TimeExpr expr, boolean writtenDate, boolean yearInferred) {}

    private final Languages langs;
    private final Map<String, Grammar> grammars = new ConcurrentHashMap<>();

    public TimeRecognizer(Languages langs) {
        this.langs = langs;
    }

    /** True when the language has a pack (with time data). */
    public boolean supports(String lang) {
        return lang != null && langs.codes().contains(lang);
    }

    /** All expressions in the text, sorted by start, non-overlapping (longest wins), resolved against the anchor. */
    public List<Found> find(String text, String lang, LocalDate anchor) {
        return grammar(lang).find(text, anchor, true, false);
    }

    /**
     * The same as {@link #find} when the text has a date whose day and month are written (the only
     * expressions that can be {@link Found#writtenDate()}); an empty list, found sooner, when it has none.
     */
    public List<Found> findIfWrittenDate(String text, String lang, LocalDate anchor) {
        return grammar(lang).find(text, anchor, true, true);
    }

    /**
     * The same as {@link #find}, with every pattern tried at every position of the text instead of at the
     * positions its trigger index allows: slow, the reference that the index must agree with (tests).
     */
    List<Found> findExhaustively(String text, String lang, LocalDate anchor) {
        return grammar(lang).find(text, anchor, false, false);
    }

    private Grammar grammar(String lang) {
        return grammars.computeIfAbsent(lang, l -> new Grammar(new TimeLexicon(langs.get(l))));
    }

    // ---------------------------------------------------------------------------------------------
    // Date arithmetic, public for tests and for other stages.

    /**
     * The year of a day and month written without a year: the latest year whose date is not after the
     * anchor and, when a weekday (ISO, 1 = Monday) is given, falls on it, searching back 28 years; else
     * the anchor's year. -1 when the day and month make no date in that year.
     */
    public static int inferYear(int month, int day, Integer weekday, LocalDate anchor) {
        if (month < 1 || month > 12 || day < 1 || day > 31) return -1;
        for (int y = anchor.getYear(); y >= anchor.getYear() - 28; y--) {
            LocalDate d = date(y, month, day);
            if (d == null || d.isAfter(anchor)) continue;
            if (weekday != null && d.getDayOfWeek().getValue() != weekday) continue;
            return y;
        }
        return date(anchor.getYear(), month, day) == null ? -1 : anchor.getYear();
    }

    /** Year of a month named without a year: the anchor's year within six months either side, else adjacent. */
    public static int monthYear(int month, LocalDate anchor) {
        int am = anchor.getMonthValue();
        if (month > am + 6) return anchor.getYear() - 1;
        if (month < am - 6) return anchor.getYear() + 1;
        return anchor.getYear();
    }

    static LocalDate date(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String week(LocalDate d) {
        StringBuilder sb = new StringBuilder(8);
        zeroPadded(sb, d.get(IsoFields.WEEK_BASED_YEAR), 4).append("-W");
        return zeroPadded(sb, d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2).toString();
    }

    static String month(int y, int m) {
        StringBuilder sb = new StringBuilder(7);
        zeroPadded(sb, y, 4).append('-');
        return zeroPadded(sb, m, 2).toString();
    }

    static String year(int y) {
        return zeroPadded(new StringBuilder(4), y, 4).toString();
    }

    /**
     * Appends {@code v} as {@code String.format(Locale.ROOT, "%0<width>d", v)} writes it (the sign counts in
     * the width: -5 at width 4 is "-005"), without the cost of the formatter.
     */
    static StringBuilder zeroPadded(StringBuilder sb, int v, int width) {
        String digits = Long.toString(Math.abs((long) v));
        if (v < 0) sb.append('-');
        for (int n = digits.length() + (v < 0 ? 1 : 0); n < width; n++) sb.append('0');
        return sb.append(digits);
    }

    // ---------------------------------------------------------------------------------------------

    /** A candidate before overlap resolution. A value starting with "@" takes the last day mentioned. */
    private static final class Cand {
        int start, end;
        String type, value, precision;
        boolean inferred, written, yearInferred;
        int prio;
        int hour = -1, minute = -1; // clock times

        Cand(int start, int end, String type, String value, String precision, boolean inferred, int prio) {
            this.start = start;
            this.end = end;
            this.type = type;
            this.value = value;
            this.precision = precision;
            this.inferred = inferred;
            this.prio = prio;
        }

        boolean isDay() {
            return "day".equals(precision) && "DATE".equals(type);
        }
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String L = TimeLexicon.L;
    private static final String R = TimeLexicon.R;
    private static final String NO_NUM_BEFORE = "(?<![\\p{N}][.,])(?<![\\p{L}\\p{N}])";
    private static final String YEAR_END = "(?![\\p{N}])(?![.,]\\p{N})";

    /**
     * A pattern compiled twice: case-insensitive for any text, and over lower-cased literals for text
     * lower-cased by {@link Subject} (the fast path: no case folding per character while matching).
     * {@code bit} is the pattern's bit in the {@link Triggers} masks.
     */
    private record Pat(Pattern ci, Pattern lower, int bit) {
        static Pat of(String regex, int bit) {
            return new Pat(Pattern.compile(regex, FLAGS), Pattern.compile(lowerQuoted(regex)), bit);
        }

        /** The regex with the text of its {@code \\Q...\\E} literals folded as {@link Subject} folds text. */
        private static String lowerQuoted(String regex) {
            StringBuilder sb = new StringBuilder(regex.length());
            int i = 0;
            while (true) {
                int q = regex.indexOf("\\Q", i);
                if (q < 0) break;
                int e = regex.indexOf("\\E", q + 2);
                if (e < 0) e = regex.length();
                sb.append(regex, i, q + 2);
                for (int k = q + 2; k < e; k++) sb.append(Chars.fold(regex.charAt(k)));
                i = e;
            }
            return sb.append(regex.substring(i)).toString();
        }
    }

    /**
     * Where each pattern can start. Every pattern begins with "no letter or digit before", then a phrase
     * of one of its word lists or a digit, and in every pattern what follows such a phrase's first word
     * is no letter or digit (white space, a comma, a parenthesis, a full stop, a hyphen, the end), except
     * for a number prefix glued to its unit ("se|tahun"), whose first word is the prefix and the unit's
     * first word together. So a match can only start at a position not preceded by a letter or digit,
     * where a digit or one of those first words (folded, followed by no letter or digit) begins. A trie
     * of the first words gives, for each such position, the mask of the patterns that may match there;
     * the patterns are tried at those positions only, which gives the matches {@link Matcher#find()} would.
     */
    private static final class Triggers {
        /**
         * A trie node: children by folded character, and the patterns whose first word ends here. The root
         * keeps its ASCII children in a table (it is asked at every word start); the other nodes, which have
         * few children, in two short arrays, so that the whole trie stays small and in the cache.
         */
        private static final class Node {
            final Node[] ascii; // the root's ASCII children by char; null below the root
            char[] keys = new char[0];
            Node[] kids = new Node[0];
            int mask; // patterns whose first word ends here (followed by no letter or digit)

            Node(boolean root) {
                this.ascii = root ? new Node[128] : null;
            }

            Node child(char c) {
                if (ascii != null && c < 128) return ascii[c];
                char[] ks = keys;
                for (int i = 0; i < ks.length; i++) if (ks[i] == c) return kids[i];
                return null;
            }

            Node add(char c) {
                Node n = child(c);
                if (n == null) {
                    n = new Node(false);
                    if (ascii != null && c < 128) {
                        ascii[c] = n;
                    } else {
                        keys = java.util.Arrays.copyOf(keys, keys.length + 1);
                        kids = java.util.Arrays.copyOf(kids, kids.length + 1);
                        keys[keys.length - 1] = c;
                        kids[kids.length - 1] = n;
                    }
                }
                return n;
            }
        }

        private final Node root = new Node(true);
        /** By the length of the run of ASCII digits starting at a position (5: five or more), the patterns that may start there. */
        private final int[] digitMasks = new int[6];

        /**
         * Registers pattern {@code bit}: it may start with a run of {@code minRun} to {@code maxRun} ASCII
         * digits (none when maxRun is 0; 5 stands for any longer run) or with a phrase of the lists, the
         * phrase's first word followed by no letter or digit.
         */
        void add(int bit, int minRun, int maxRun, List<Collection<String>> phrases) {
            for (int r = Math.max(1, minRun); r <= Math.min(5, maxRun); r++) digitMasks[r] |= bit;
            for (Collection<String> list : phrases)
                for (String phrase : list) {
                    if (phrase.isBlank()) continue; // left out of the alternation too
                    word(bit, firstWord(phrase));
                }
        }

        /** Registers pattern {@code bit} as starting with a prefix written together with a unit ("setahun"). */
        void addGlued(int bit, Collection<String> prefixes, Collection<String> units) {
            for (String prefix : prefixes) {
                if (prefix.isBlank()) continue;
                String[] words = prefix.strip().split("\\s+");
                if (words.length > 1) { // a space inside the prefix: its first word stands alone
                    word(bit, words[0]);
                    continue;
                }
                for (String unit : units) if (!unit.isBlank()) word(bit, words[0] + firstWord(unit));
            }
        }

        /** The first word of a phrase as {@link TimeLexicon#alt} writes it. */
        private static String firstWord(String phrase) {
            return phrase.strip().split("\\s+")[0];
        }

        /** Registers pattern {@code bit} as starting with this word (never empty: it comes from a stripped, non-blank phrase). */
        private void word(int bit, String first) {
            Node n = root;
            for (int i = 0; i < first.length(); i++) n = n.add(Chars.fold(first.charAt(i)));
            n.mask |= bit;
        }

        /**
         * The candidate start positions of {@code s} and their pattern masks, as pairs in one array
         * (position, mask, position, mask…); {@code folded}: {@code s} is folded and the patterns compare
         * exactly, else they compare case-insensitively.
         */
        int[] candidates(char[] s, boolean folded) {
            int[] out = new int[64];
            int n = 0;
            int len = s.length;
            boolean afterLetter = false;
            for (int p = 0; p < len; p++) {
                char c = s[p];
                boolean skip = afterLetter;
                // (?<![\\p{L}\\p{N}]) fails after it; a surrogate is neither, so positions after one stay candidates
                afterLetter = Chars.isLetterOrNumber(c);
                if (skip) continue;
                // nothing starts here (on folded text; unfolded text is compared case-insensitively by walkCi)
                if (folded && c < 128 && root.ascii[c] == null && (c < '0' || c > '9')) continue;
                int mask = 0;
                if (c >= '0' && c <= '9') {
                    int e = p + 1;
                    while (e < len && e - p < 5 && s[e] >= '0' && s[e] <= '9') e++;
                    mask |= digitMasks[e - p];
                }
                mask |= folded ? walk(root, s, p) : walkCi(root, s, p);
                if (mask == 0) continue;
                if (n + 2 > out.length) out = java.util.Arrays.copyOf(out, out.length * 2);
                out[n++] = p;
                out[n++] = mask;
            }
            return java.util.Arrays.copyOf(out, n);
        }

        /** Masks of the first words starting at p and followed by no letter or digit, on folded text (exact comparison). */
        private static int walk(Node node, char[] s, int p) {
            int mask = 0;
            for (int i = p; i < s.length; i++) {
                node = node.child(s[i]);
                if (node == null) break;
                if (node.mask != 0 && bounded(s, i + 1)) mask |= node.mask;
            }
            return mask;
        }

        /** No letter or digit at i (the end counts). */
        private static boolean bounded(char[] s, int i) {
            return i >= s.length || !Chars.isLetterOrNumber(s[i]);
        }

        /** The same on unfolded text: a literal char matches the text's char or its fold, as CASE_INSENSITIVE does. */
        private static int walkCi(Node node, char[] s, int p) {
            int mask = 0;
            for (int i = p; i < s.length; i++) {
                char c = s[i], f = Chars.fold(c);
                if (c != f) {
                    Node raw = node.child(c);
                    if (raw != null) {
                        if (raw.mask != 0 && bounded(s, i + 1)) mask |= raw.mask;
                        mask |= walkCi(raw, s, i + 1);
                    }
                }
                node = node.child(f);
                if (node == null) break;
                if (node.mask != 0 && bounded(s, i + 1)) mask |= node.mask;
            }
            return mask;
        }
    }

    /**
     * The text being matched: when every character folds to one character the way case-insensitive
     * matching folds it, the patterns run without case folding on a folded copy (same length, same
     * offsets); groups are always read from the original text, so results are those of case-insensitive
     * matching on the original.
     */
    private static final class Subject {
        final String text;
        final String folded; // null: match the original case-insensitively
        final int[] cands; // candidate start positions and their pattern masks, see Triggers

        /** {@code triggers} null: every position is a candidate (plain {@link Matcher#find()}). */
        Subject(String text, Triggers triggers) {
            this.text = text;
            char[] cs = text.toCharArray();
            boolean ok = true;
            for (int i = 0; i < cs.length && ok; i++) {
                char c = cs[i];
                if (c < 128) {
                    cs[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
                    continue;
                }
                if (Character.isSurrogate(c) || Character.toLowerCase(c) != Chars.fold(c)) ok = false;
                cs[i] = Chars.fold(c);
            }
            this.folded = ok ? new String(cs) : null;
            this.cands = triggers == null ? null : triggers.candidates(ok ? cs : text.toCharArray(), ok);
        }

        /** The matches of the pattern, in order, as {@link Matcher#find()} finds them. */
        Scan matcher(Pat p) {
            return new Scan(folded != null ? p.lower().matcher(folded) : p.ci().matcher(text), p.bit(), cands);
        }

        /** The group's text in the original (not folded) text, or null. */
        String group(Matcher m, String name) {
            int s = m.start(name);
            return s < 0 ? null : text.substring(s, m.end(name));
        }
    }

    /**
     * Successive non-overlapping matches of one pattern, tried only at its candidate positions (in
     * order, each at or after the end of the previous match), as {@link Matcher#find()} would find them.
     */
    private static final class Scan {
        final Matcher m;
        private final int bit;
        private final int[] cands;
        private final int len;
        private int k, from;

        Scan(Matcher m, int bit, int[] cands) {
            this.m = m;
            this.bit = bit;
            this.cands = cands;
            this.len = m.regionEnd();
        }

        boolean find() {
            if (cands == null) return m.find();
            while (k < cands.length) {
                int p = cands[k], mask = cands[k + 1];
                k += 2;
                if ((mask & bit) == 0 || p < from) continue;
                m.region(p, len);
                m.useTransparentBounds(true);
                m.useAnchoringBounds(false);
                if (m.lookingAt()) {
                    from = m.end() == m.start() ? m.end() + 1 : m.end();
                    return true;
                }
            }
            return false;
        }

        int start() { return m.start(); }
        int end() { return m.end(); }
        int start(String g) { return m.start(g); }
        int end(String g) { return m.end(g); }
    }

    /** The compiled patterns of one language. */
    private static final class Grammar {
        final TimeLexicon lx;
        final Pat weekdayParen, dayMonth, monthDayP, numeric, monthYear, monthAlone, yearP, weekdayAlone,
                relative, amount, setWeekday, clock, modUnit;
        final Pattern modBefore, partAfter, between;
        final Set<String> monthContext, pastAfter, futureAfter, thisAfter, pastBefore, futureBefore, thisBefore,
                ago, later, notYearBefore, notYearAfter, notAmountBefore, am, pm, starts, mids, ends;

        /** Where each pattern can start (see {@link Triggers}). */
        final Triggers triggers = new Triggers();
        private int nextBit = 1;

        /**
         * Compiles a pattern that starts (after "no letter or digit before") with a run of minRun to maxRun
         * ASCII digits (none when maxRun is 0, any longer run when 5) or a phrase of the lists.
         */
        private Pat pat(int minRun, int maxRun, List<Collection<String>> leads, String regex) {
            int bit = nextBit;
            nextBit <<= 1;
            triggers.add(bit, minRun, maxRun, leads);
            return Pat.of(regex, bit);
        }

        /** Whether a phrase of the lists starts with an ASCII digit (then it may continue a run of digits). */
        @SafeVarargs
        private static boolean digitWord(Collection<String>... lists) {
            for (Collection<String> list : lists)
                for (String w : list) {
                    String t = w.strip();
                    if (!t.isEmpty() && t.charAt(0) >= '0' && t.charAt(0) <= '9') return true;
                }
            return false;
        }

        Grammar(TimeLexicon lx) {
            this.lx = lx;
            String wd = TimeLexicon.alt(lx.weekdays.keySet());
            String names = TimeLexicon.alt(lx.monthNames);
            String abbr = TimeLexicon.alt(lx.monthAbbrevs);
            String anyMonth = "(?:" + names + R + "|" + abbr + "(?:\\.|" + R + "))";
            String wdPfx = "(?:" + lx.alt("weekday_prefix") + "\\s+)?";
            String ord = "(?:" + lx.alt("ordinal_suffix") + ")?";
            String shiftBefore = lx.alt("past_before", "future_before", "this_before");
            String shiftAfter = lx.alt("past_after", "future_after", "this_after");
            String yearTail = "(?<y>\\d{4})" + YEAR_END;

            weekdayParen = pat(0, 0, List.of(lx.words("weekday_prefix"), lx.weekdays.keySet()),
                    L + wdPfx + "(?<wd>" + wd + ")\\s*,?\\s*\\(\\s*(?<a>\\d{1,2})\\s*(?<sep>[/.\\-])\\s*"
                    + "(?<b>\\d{1,2})(?:\\s*\\k<sep>\\s*(?<y>\\d{4}|\\d{2}))?\\s*\\)");
            // "\\d{1,2}" then a suffix, a link word or a month: a longer run of digits only if one of those starts with a digit
            dayMonth = pat(1, digitWord(lx.words("ordinal_suffix"), lx.words("day_month_link"), lx.monthNames, lx.monthAbbrevs) ? 5 : 2, List.of(lx.words("weekday_prefix"), lx.weekdays.keySet(), lx.words("date_prefix")),
                    L + "(?:" + wdPfx + "(?<wd>" + wd + ")\\s*,?\\s+)?(?:" + lx.alt("date_prefix") + "\\s+)?"
                    + NO_NUM_BEFORE + "(?<d>\\d{1,2})" + ord + "\\s*(?:" + lx.alt("day_month_link") + "\\s+)?(?<m>"
                    + anyMonth + ")(?:\\s*,?\\s*" + yearTail + ")?");
            monthDayP = pat(0, 0, List.of(lx.weekdays.keySet(), lx.monthNames, lx.monthAbbrevs),
                    L + "(?:(?<wd>" + wd + ")\\s*,?\\s+)?(?<m>" + anyMonth + ")\\s*(?<d>\\d{1,2})"
                    + ord + "(?![\\p{N}])(?![.,]\\p{N})(?:\\s*,\\s*" + yearTail + "|\\s+(?<y2>\\d{4})" + YEAR_END + ")?");
            numeric = pat(1, 2, List.of(),
                    NO_NUM_BEFORE + "(?<a>\\d{1,2})(?<sep>[/.\\-])(?<b>\\d{1,2})\\k<sep>" + yearTail);
            monthYear = pat(0, 0, List.of(lx.words("month_prefix"), lx.monthNames, lx.monthAbbrevs),
                    L + "(?:" + lx.alt("month_prefix") + "\\s+)?(?<m>" + anyMonth + ")\\s*,?\\s+" + yearTail);
            monthAlone = pat(0, 0, List.of(lx.words("past_before"), lx.words("future_before"), lx.words("this_before"), lx.words("month_prefix"), lx.monthNames),
                    L + "(?:(?<pre>" + shiftBefore + ")\\s+)?(?<pfx>" + lx.alt("month_prefix") + "\\s+)?(?<m>"
                    + names + ")" + R + "(?:\\s+(?<suf>" + shiftAfter + ")" + R + ")?");
            // "\\d{4}" then no digit, unless a decade suffix starts with one
            yearP = pat(4, digitWord(lx.words("decade_suffix")) ? 5 : 4, List.of(lx.words("year_prefix")),
                    NO_NUM_BEFORE + "(?:(?<pfx>" + lx.alt("year_prefix") + ")\\s+)?(?<y>\\d{4})"
                    + "(?:(?<dec>" + lx.alt("decade_suffix") + ")" + R + ")?" + YEAR_END + "(?![\\p{L}])(?:\\s+(?<suf>"
                    + lx.alt("year_suffix") + ")" + R + ")?");
            weekdayAlone = pat(0, 0, List.of(lx.words("past_before"), lx.words("future_before"), lx.words("this_before"), lx.words("weekday_prefix"), lx.weekdays.keySet()),
                    L + "(?:(?<pre>" + shiftBefore + ")\\s+)?" + wdPfx + "(?<wd>" + wd + ")" + R
                    + "(?:\\s+(?<suf>" + shiftAfter + ")" + R + ")?");
            relative = pat(0, 0, List.of(lx.relatives.keySet()),
                    L + "(?<r>" + TimeLexicon.alt(lx.relatives.keySet()) + ")" + R);
            List<String> numWords = new ArrayList<>(), vague = new ArrayList<>(), prefixes = new ArrayList<>();
            lx.numbers.forEach((w, n) -> {
                if (n.kind().equals("vague")) vague.add(w);
                else if (n.kind().equals("prefix")) prefixes.add(w);
                else numWords.add(w);
            });
            String nw = TimeLexicon.alt(numWords);
            String numPhrase = nw + "(?:[\\s-]+" + nw + ")*";
            String unit = TimeLexicon.alt(lx.units.keySet());
            String unitEnd = "(?![\\p{L}\\p{N}])(?!-\\p{L})";
            amount = pat(1, 5, List.of(lx.words("approx"), lx.words("set_prefix"), lx.vagueUnits.keySet(), numWords, vague, lx.units.keySet()),
                    L + "(?:(?<ap>" + lx.alt("approx") + ")\\s+)?(?:(?<set>" + lx.alt("set_prefix") + ")\\s+)?"
                    + "(?:(?<vu>" + TimeLexicon.alt(lx.vagueUnits.keySet()) + ")" + R
                    + "|(?:(?<num>" + numPhrase + "|" + TimeLexicon.alt(vague) + ")\\s+|" + NO_NUM_BEFORE
                    + "(?<dig>\\d+(?:[.,]\\d+)?)\\s*|(?<pf>" + TimeLexicon.alt(prefixes) + "))?(?<u>" + unit + ")" + unitEnd + ")"
                    + "(?:\\s+(?<off>" + lx.alt("ago", "later") + ")" + R + ")?");
            triggers.addGlued(amount.bit(), prefixes, lx.units.keySet());
            setWeekday = pat(0, 0, List.of(lx.words("set_prefix")),
                    L + "(?<set>" + lx.alt("set_prefix") + ")\\s+" + wdPfx + "(?<wd>" + wd + ")" + R);
            String clockPfx = lx.alt("clock_prefix");
            // "\\d{1,2}" then [.:] or no digit
            clock = pat(1, 2, List.of(lx.words("clock_prefix")),
                    L + "(?:(?<cp>" + clockPfx + ")\\s+)?" + NO_NUM_BEFORE + "(?<h>\\d{1,2})(?:(?<sep>[.:])(?<mi>\\d{2}))?"
                    + "(?![\\p{N}])(?![.,]\\p{N})(?:\\s*(?<ap>" + lx.alt("am", "pm") + ")(?![\\p{L}]))?(?:\\s+(?<z>"
                    + lx.alt("clock_zone") + ")" + R + ")?");
            String mods = lx.alt("start", "mid", "end");
            String unitsMY = TimeLexicon.alt(lx.units.entrySet().stream()
                    .filter(e -> Set.of("Y", "M", "W").contains(e.getValue().designator()) && e.getValue().multiple() == 1)
                    .map(Map.Entry::getKey).toList());
            modUnit = pat(0, 0, List.of(lx.words("start"), lx.words("mid"), lx.words("end")),
                    L + "(?<mod>" + mods + ")(?:\\s+|-)(?:" + lx.alt("unit_determiner") + "\\s+)?(?<u>"
                    + unitsMY + ")" + R);
            modBefore = Pattern.compile(L + "(?<mod>" + mods + ")(?:\\s+|-)(?:" + lx.alt("month_prefix") + "\\s+)?$", FLAGS);
            partAfter = Pattern.compile("^\\s*,?\\s*(?<p>" + TimeLexicon.alt(lx.parts.keySet()) + ")" + R, FLAGS);
            between = Pattern.compile("^[\\s,]*(?:" + lx.alt("approx") + "\\s*)?$", FLAGS);
            monthContext = lx.wordSet("month_context", "past_before", "future_before", "this_before", "start", "mid", "end");
            pastAfter = lx.wordSet("past_after");
            futureAfter = lx.wordSet("future_after");
            thisAfter = lx.wordSet("this_after");
            pastBefore = lx.wordSet("past_before");
            futureBefore = lx.wordSet("future_before");
            thisBefore = lx.wordSet("this_before");
            ago = lx.wordSet("ago");
            later = lx.wordSet("later");
            notYearBefore = lx.wordSet("not_year_before");
            notAmountBefore = lx.wordSet("not_amount_before");
            notYearAfter = lx.wordSet("not_year_after");
            am = lx.wordSet("am");
            pm = lx.wordSet("pm");
            starts = lx.wordSet("start");
            mids = lx.wordSet("mid");
            ends = lx.wordSet("end");
        }

        /** {@code writtenOnly}: an empty list when no written date (the first four families) is found. */
        List<Found> find(String text, LocalDate anchor, boolean indexed, boolean writtenOnly) {
            List<Cand> cands = new ArrayList<>();
            Subject text0 = new Subject(text, indexed ? triggers : null);
            // the families of written dates (Cand.written), first
            weekdayParen(text0, anchor, cands);
            dayMonth(text0, anchor, cands);
            if (lx.monthDay) monthDay(text0, anchor, cands);
            numeric(text0, cands);
            if (writtenOnly && cands.isEmpty()) return List.of();
            monthYear(text0, cands);
            monthAlone(text0, anchor, cands);
            years(text0, cands);
            weekdayAlone(text0, anchor, cands);
            relatives(text0, anchor, cands);
            amounts(text0, anchor, cands);
            setWeekday(text0, cands);
            clocks(text0, cands);
            modUnits(text0, anchor, cands);
            List<Cand> chosen = select(cands);
            chosen = compose(text, chosen);
            return resolve(text, chosen, anchor);
        }

        // ---- families ---------------------------------------------------------------------------

        private Integer weekday(String s) {
            return s == null ? null : lx.weekdays.get(TimeLexicon.key(s));
        }

        private int monthOf(String s) {
            String k = TimeLexicon.key(s);
            if (k.endsWith(".")) k = k.substring(0, k.length() - 1);
            Integer m = lx.months.get(k);
            return m == null ? -1 : m;
        }

        /** A full date candidate from day, month and an optional written year. */
        private void addDate(List<Cand> out, int start, int end, int d, int m, String y, Integer wd, LocalDate anchor, int prio) {
            int year;
            boolean inferred = false;
            if (y != null) {
                year = Integer.parseInt(y);
                if (y.length() == 2) year += 2000;
            } else {
                year = inferYear(m, d, wd, anchor);
                inferred = true;
            }
            LocalDate date = year < 0 ? null : date(year, m, d);
            if (date == null) return;
            Cand c = new Cand(start, end, "DATE", date.toString(), "day", inferred, prio);
            c.written = true;
            c.yearInferred = inferred;
            out.add(c);
        }

        private void weekdayParen(Subject s, LocalDate anchor, List<Cand> out) {
            Scan sc = s.matcher(weekdayParen);
            Matcher m = sc.m;
            while (sc.find()) {
                int a = Integer.parseInt(s.group(m, "a")), b = Integer.parseInt(s.group(m, "b"));
                int d = lx.dayFirst ? a : b, mo = lx.dayFirst ? b : a;
                addDate(out, m.start(), m.end(), d, mo, s.group(m, "y"), weekday(s.group(m, "wd")), anchor, 0);
            }
        }

        private void dayMonth(Subject s, LocalDate anchor, List<Cand> out) {
            Scan sc = s.matcher(dayMonth);
            Matcher m = sc.m;
            while (sc.find()) {
                int mo = monthOf(s.group(m, "m"));
                if (mo < 0) continue;
                int end = m.end();
                addDate(out, m.start(), end, Integer.parseInt(s.group(m, "d")), mo, s.group(m, "y"), weekday(s.group(m, "wd")), anchor, 0);
            }
        }

        private void monthDay(Subject s, LocalDate anchor, List<Cand> out) {
            Scan sc = s.matcher(monthDayP);
            Matcher m = sc.m;
            while (sc.find()) {
                int mo = monthOf(s.group(m, "m"));
                if (mo < 0) continue;
                String y = s.group(m, "y") != null ? s.group(m, "y") : s.group(m, "y2");
                addDate(out, m.start(), m.end(), Integer.parseInt(s.group(m, "d")), mo, y, weekday(s.group(m, "wd")), anchor, 1);
            }
        }

        private void numeric(Subject s, List<Cand> out) {
            Scan sc = s.matcher(numeric);
            Matcher m = sc.m;
            while (sc.find()) {
                int a = Integer.parseInt(s.group(m, "a")), b = Integer.parseInt(s.group(m, "b"));
                int d = lx.dayFirst ? a : b, mo = lx.dayFirst ? b : a;
                LocalDate date = date(Integer.parseInt(s.group(m, "y")), mo, d);
                if (date == null) continue;
                Cand c = new Cand(m.start(), m.end(), "DATE", date.toString(), "day", false, 1);
                c.written = true;
                out.add(c);
            }
        }

        private void monthYear(Subject s, List<Cand> out) {
            Scan sc = s.matcher(monthYear);
            Matcher m = sc.m;
            while (sc.find()) {
                int mo = monthOf(s.group(m, "m"));
                int y = Integer.parseInt(s.group(m, "y"));
                if (mo < 0 || y < 1000 || y > 2199) continue;
                out.add(new Cand(m.start(), m.end(), "DATE", month(y, mo), "month", false, 1));
            }
        }

        private void monthAlone(Subject s, LocalDate anchor, List<Cand> out) {
            String text = s.text;
            Scan sc = s.matcher(monthAlone);
            Matcher m = sc.m;
            while (sc.find()) {
                String name = s.group(m, "m");
                if (!Character.isUpperCase(name.charAt(0))) continue;
                int mo = monthOf(name);
                if (mo < 0) continue;
                String pre = s.group(m, "pre") == null ? null : TimeLexicon.key(s.group(m, "pre"));
                String suf = s.group(m, "suf") == null ? null : TimeLexicon.key(s.group(m, "suf"));
                boolean context = pre != null || s.group(m, "pfx") != null || suf != null
                        || monthContext.contains(previousWord(text, m.start()));
                if (!context) continue;
                int am = anchor.getMonthValue(), y;
                if ((pre != null && pastBefore.contains(pre)) || (suf != null && pastAfter.contains(suf)))
                    y = mo < am ? anchor.getYear() : anchor.getYear() - 1;
                else if ((pre != null && futureBefore.contains(pre)) || (suf != null && futureAfter.contains(suf)))
                    y = mo > am ? anchor.getYear() : anchor.getYear() + 1;
                else if ((pre != null && thisBefore.contains(pre)) || (suf != null && thisAfter.contains(suf)))
                    y = anchor.getYear();
                else y = TimeRecognizer.monthYear(mo, anchor);
                Cand c = new Cand(m.start(), m.end(), "DATE", month(y, mo), "month", true, 2);
                c.yearInferred = true;
                out.add(c);
            }
        }

        private void years(Subject s, List<Cand> out) {
            String text = s.text;
            Scan sc = s.matcher(yearP);
            Matcher m = sc.m;
            while (sc.find()) {
                int y = Integer.parseInt(s.group(m, "y"));
                boolean pfx = s.group(m, "pfx") != null;
                int ys = m.start("y");
                if (pfx ? (y < 1000 || y > 2199) : (y < 1900 || y > 2099)) continue;
                if (!pfx && notYearBefore.contains(previousWord(text, ys))) continue;
                if (notYearAfter.contains(nextWord(text, m.end("dec") >= 0 ? m.end("dec") : m.end("y")))) continue;
                if (s.group(m, "dec") != null) {
                    if (y % 10 != 0) continue;
                    out.add(new Cand(m.start(), m.end(), "DATE", year(y).substring(0, 3), "decade", false, 3));
                } else out.add(new Cand(m.start(), m.end(), "DATE", year(y), "year", false, 3));
            }
        }

        private void weekdayAlone(Subject s, LocalDate anchor, List<Cand> out) {
            Scan sc = s.matcher(weekdayAlone);
            Matcher m = sc.m;
            while (sc.find()) {
                String name = s.group(m, "wd");
                if (!Character.isUpperCase(name.charAt(0))) continue;
                Integer wd = weekday(name);
                if (wd == null) continue;
                String pre = s.group(m, "pre") == null ? null : TimeLexicon.key(s.group(m, "pre"));
                String suf = s.group(m, "suf") == null ? null : TimeLexicon.key(s.group(m, "suf"));
                int diff = wd - anchor.getDayOfWeek().getValue();
                LocalDate d;
                if ((pre != null && pastBefore.contains(pre)) || (suf != null && pastAfter.contains(suf)))
                    d = anchor.minusDays(diff >= 0 ? 7 - diff : -diff);
                else if ((pre != null && futureBefore.contains(pre)) || (suf != null && futureAfter.contains(suf)))
                    d = anchor.plusDays(diff > 0 ? diff : 7 + diff);
                else if ((pre != null && thisBefore.contains(pre)) || (suf != null && thisAfter.contains(suf)))
                    d = anchor.plusDays(diff);
                else d = anchor.minusDays(diff > 0 ? 7 - diff : -diff);
                out.add(new Cand(m.start(), m.end(), "DATE", d.toString(), "day", true, 3));
            }
        }

        private void relatives(Subject s, LocalDate anchor, List<Cand> out) {
            Scan sc = s.matcher(relative);
            Matcher m = sc.m;
            while (sc.find()) {
                TimeLexicon.Relative r = lx.relatives.get(TimeLexicon.key(s.group(m, "r")));
                if (r == null) continue;
                Cand c = relativeCand(m.start(), m.end(), r.type(), r.value(), anchor);
                if (c != null) out.add(c);
            }
        }

        private static final Pattern OFFSET = Pattern.compile("([DWMY])([+-]\\d+)(?:/([A-Z]{2}))?");

        private Cand relativeCand(int start, int end, String type, String value, LocalDate anchor) {
            if (value.endsWith("_REF")) return new Cand(start, end, type, value, null, false, 1);
            if (value.equals("LAST")) return new Cand(start, end, type, "@", "day", true, 1);
            Matcher o = OFFSET.matcher(value);
            if (!o.matches()) return null;
            int n = Integer.parseInt(o.group(2).replace("+", ""));
            String part = o.group(3);
            switch (o.group(1)) {
                case "D": {
                    String v = anchor.plusDays(n).toString();
                    if (part != null) return new Cand(start, end, "TIME", v + "T" + part, "day", true, 1);
                    return new Cand(start, end, type, v, "day", true, 1);
                }
                case "W":
                    return new Cand(start, end, type, week(anchor.plusWeeks(n)), "week", true, 1);
                case "M": {
                    LocalDate d = anchor.plusMonths(n);
                    return new Cand(start, end, type, month(d.getYear(), d.getMonthValue()), "month", true, 1);
                }
                default:
                    return new Cand(start, end, type, year(anchor.getYear() + n) + (part != null ? "-" + part : ""), "year", true, 1);
            }
        }

        private void amounts(Subject s, LocalDate anchor, List<Cand> out) {
            String text = s.text;
            Scan sc = s.matcher(amount);
            Matcher m = sc.m;
            while (sc.find()) {
                TimeLexicon.Unit u;
                String n; // number as written in the value, "X" when vague
                if (s.group(m, "vu") != null) {
                    u = lx.vagueUnits.get(TimeLexicon.key(s.group(m, "vu")));
                    n = "X";
                } else {
                    u = lx.units.get(TimeLexicon.key(s.group(m, "u")));
                    if (s.group(m, "num") != null) {
                        int v = parseNumber(s.group(m, "num"));
                        if (v == 0) continue;
                        n = v < 0 ? "X" : String.valueOf(v);
                    } else if (s.group(m, "dig") != null) {
                        n = s.group(m, "dig").replace(',', '.');
                        if (n.startsWith("0") && !n.startsWith("0.")) continue;
                    } else if (s.group(m, "pf") != null) n = "1";
                    else if (s.group(m, "set") != null) n = "1";
                    else continue;
                }
                if (u == null) continue;
                // "08 derajat 50 menit": minutes of arc, not of time
                if (s.group(m, "dig") != null && notAmountBefore.contains(previousWord(text, m.start("dig")))) continue;
                int start = m.start();
                if (s.group(m, "set") != null && s.group(m, "ap") != null) start = m.start("set");
                String off = s.group(m, "off") == null ? null : TimeLexicon.key(s.group(m, "off"));
                if (s.group(m, "set") != null) {
                    int end = off != null ? m.start("off") : m.end();
                    out.add(new Cand(start, trimEnd(text, end), "SET", period(n, u), null, false, 2));
                } else if (off != null) {
                    Cand c = offsetCand(start, m.end(), n, u, ago.contains(off) ? -1 : 1, anchor);
                    if (c != null) out.add(c);
                } else {
                    out.add(new Cand(start, m.end(), "DURATION", period(n, u), null, false, 2));
                }
            }
        }

        private int trimEnd(String text, int end) {
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) end--;
            return end;
        }

        /** At most this many units back or ahead ("99999 hari lalu"); more is no date (and would overflow). */
        private static final int MAX_OFFSET = 99_999;

        /** The date N units before or after the anchor; null when N is past {@link #MAX_OFFSET}. */
        private Cand offsetCand(int start, int end, String n, TimeLexicon.Unit u, int sign, LocalDate anchor) {
            if (n.equals("X") || n.contains(".") || u.clock())
                return new Cand(start, end, "DATE", sign < 0 ? "PAST_REF" : "FUTURE_REF", null, false, 2);
            if (n.length() > String.valueOf(MAX_OFFSET).length() || Integer.parseInt(n) > MAX_OFFSET) return null;
            long k = (long) Integer.parseInt(n) * u.multiple() * sign;
            switch (u.designator()) {
                case "D":
                    return new Cand(start, end, "DATE", anchor.plusDays(k).toString(), "day", true, 2);
                case "W":
                    return new Cand(start, end, "DATE", week(anchor.plusWeeks(k)), "week", true, 2);
                case "M": {
                    LocalDate d = anchor.plusMonths(k);
                    return new Cand(start, end, "DATE", month(d.getYear(), d.getMonthValue()), "month", true, 2);
                }
                default:
                    return new Cand(start, end, "DATE", year((int) (anchor.getYear() + k)), "year", true, 2);
            }
        }

        private static String period(String n, TimeLexicon.Unit u) {
            String num = n;
            if (!n.equals("X") && u.multiple() != 1) // exact for any number written: no overflow, no exponent
                num = new java.math.BigDecimal(n).multiply(java.math.BigDecimal.valueOf(u.multiple()))
                        .stripTrailingZeros().toPlainString();
            return u.clock() ? "PT" + num + u.designator().substring(1) : "P" + num + u.designator();
        }

        /** Value of a number phrase ({@code numbers.tsv}); -1 for vague. */
        private int parseNumber(String phrase) {
            if (lx.numberWords.vague(phrase)) return -1;
            return (int) Math.min(lx.numberWords.value(phrase), Integer.MAX_VALUE);
        }

        private void setWeekday(Subject s, List<Cand> out) {
            Scan sc = s.matcher(setWeekday);
            Matcher m = sc.m;
            while (sc.find()) {
                Integer wd = weekday(s.group(m, "wd"));
                if (wd != null) out.add(new Cand(m.start(), m.end(), "SET", "XXXX-WXX-" + wd, null, false, 1));
            }
        }

        private void clocks(Subject s, List<Cand> out) {
            String text = s.text;
            Scan sc = s.matcher(clock);
            Matcher m = sc.m;
            while (sc.find()) {
                boolean cp = s.group(m, "cp") != null, ap = s.group(m, "ap") != null, zone = s.group(m, "z") != null;
                String sep = s.group(m, "sep");
                int h = Integer.parseInt(s.group(m, "h"));
                int mi = s.group(m, "mi") == null ? 0 : Integer.parseInt(s.group(m, "mi"));
                boolean daypart = partAfter.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 30))).find();
                boolean ok = ap || zone || (cp && (sep != null || daypart)) || (":".equals(sep) && !cp);
                if (!ok || h > 24 || mi > 59) continue;
                if (ap) {
                    String k = TimeLexicon.key(s.group(m, "ap"));
                    if (h > 12) continue;
                    if (pm.contains(k) && h < 12) h += 12;
                    if (am.contains(k) && h == 12) h = 0;
                }
                Cand c = new Cand(m.start(), m.end(), "TIME", null, "minute", false, 1);
                c.hour = h;
                c.minute = mi;
                c.value = clockValue(h, mi);
                out.add(c);
            }
        }

        private static String clockValue(int h, int mi) {
            StringBuilder sb = new StringBuilder(7).append("@T");
            zeroPadded(sb, h, 2).append(':');
            return zeroPadded(sb, mi, 2).toString();
        }

        private void modUnits(Subject s, LocalDate anchor, List<Cand> out) {
            Scan sc = s.matcher(modUnit);
            Matcher m = sc.m;
            while (sc.find()) {
                TimeLexicon.Unit u = lx.units.get(TimeLexicon.key(s.group(m, "u")));
                if (u == null) continue;
                String spec = u.designator() + "+0";
                Cand c = relativeCand(m.start(), m.end(), "DATE", spec, anchor);
                if (c != null) {
                    c.prio = 2;
                    out.add(c);
                }
            }
        }

        // ---- selection and composition -----------------------------------------------------------

        private static List<Cand> select(List<Cand> cands) {
            List<Cand> sorted = new ArrayList<>(cands);
            sorted.sort(Comparator.<Cand>comparingInt(c -> c.end - c.start).reversed()
                    .thenComparingInt(c -> c.prio).thenComparingInt(c -> c.start));
            List<Cand> chosen = new ArrayList<>();
            outer:
            for (Cand c : sorted) {
                for (Cand k : chosen) if (c.start < k.end && k.start < c.end) continue outer;
                chosen.add(c);
            }
            chosen.sort(Comparator.comparingInt(c -> c.start));
            return chosen;
        }

        private static final Set<String> PERIODS = Set.of("month", "year", "week", "decade");

        /** Joins a day with a following clock time or part of day, and a modifier ("awal") with what follows. */
        private List<Cand> compose(String text, List<Cand> in) {
            List<Cand> out = new ArrayList<>();
            for (int i = 0; i < in.size(); i++) {
                Cand c = in.get(i);
                // day + clock time
                if ((c.isDay() || "@".equals(c.value)) && i + 1 < in.size()) {
                    Cand n = in.get(i + 1);
                    if (n.hour >= 0 && between.matcher(text.substring(c.end, n.start)).matches()) {
                        Cand t = new Cand(c.start, n.end, "TIME", c.value + n.value.substring(1), "minute", c.inferred, c.prio);
                        t.hour = n.hour;
                        t.minute = n.minute;
                        t.written = c.written;
                        t.yearInferred = c.yearInferred;
                        c = t;
                        i++;
                    }
                }
                // part of day after a day or a clock time
                int limit = i + 1 < in.size() ? in.get(i + 1).start : text.length();
                if (c.isDay() || "@".equals(c.value) || c.hour >= 0) {
                    Matcher p = partAfter.matcher(text.substring(c.end, Math.min(limit, c.end + 30)));
                    if (p.find()) {
                        String code = lx.parts.get(TimeLexicon.key(p.group("p")));
                        if (c.hour >= 0) {
                            int h = c.hour;
                            if (h < 12 && (code.equals("EV") || (code.equals("NI") && h >= 6) || (code.equals("AF") && h < 8))) h += 12;
                            String date = c.value.substring(0, c.value.indexOf('T'));
                            StringBuilder sb = new StringBuilder(16).append(date).append('T');
                            zeroPadded(sb, h, 2).append(':');
                            c.value = zeroPadded(sb, c.minute, 2).toString();
                        } else {
                            Cand t = new Cand(c.start, c.end, "TIME", c.value + "T" + code, "day", c.inferred, c.prio);
                            t.written = c.written;
                            t.yearInferred = c.yearInferred;
                            c = t;
                        }
                        c.end += p.end();
                    }
                }
                // modifier before a month, year, week or relative period
                if (c.precision != null && PERIODS.contains(c.precision)) {
                    int from = Math.max(out.isEmpty() ? 0 : out.get(out.size() - 1).end, c.start - 40);
                    Matcher b = modBefore.matcher(text.substring(from, c.start));
                    if (b.find()) c.start = from + b.start();
                }
                out.add(c);
            }
            return out;
        }

        private List<Found> resolve(String text, List<Cand> cands, LocalDate anchor) {
            List<Found> out = new ArrayList<>();
            String lastDay = anchor.toString();
            for (Cand c : cands) {
                String v = c.value;
                if (v.startsWith("@")) v = lastDay + v.substring(1);
                if (outsideCalendar(v, c.precision)) continue;
                TimeExpr t = new TimeExpr(c.start, c.end, text.substring(c.start, c.end), c.type, v, c.precision, c.inferred);
                out.add(new Found(t, c.written, c.yearInferred));
                if (v.length() >= 10 && v.charAt(4) == '-' && v.charAt(7) == '-' && Character.isDigit(v.charAt(0)))
                    lastDay = v.substring(0, 10);
            }
            return out;
        }

        // ---- helpers ------------------------------------------------------------------------------

        /**
         * True for a calendar value outside the years 0001–9999, which ISO 8601 values of four-digit years
         * cannot write ("2412 tahun lalu" from 2024, "besok" from 9999-12-31): such expressions are dropped.
         */
        static boolean outsideCalendar(String v, String precision) {
            if (precision == null || v.endsWith("_REF")) return false;
            int digits = "decade".equals(precision) ? 3 : 4;
            if (v.length() < digits || v.startsWith(digits == 3 ? "000" : "0000")) return true; // year 0
            for (int i = 0; i < digits; i++) if (!Character.isDigit(v.charAt(i))) return true;
            return v.length() > digits && v.charAt(digits) != '-' && v.charAt(digits) != 'T';
        }

        private static final Pattern OPENING_PUNCT = Pattern.compile("^[\\p{Ps}\\p{Pi}\"']+");
        private static final Pattern CLOSING_PUNCT = Pattern.compile("[\\p{Po}\\p{Pe}\\p{Pf}]+$");

        /** The whitespace-separated word ending just before index (lower case), or "". */
        static String previousWord(String text, int index) {
            int e = index;
            while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) e--;
            int s = e;
            while (s > 0 && !Character.isWhitespace(text.charAt(s - 1))) s--;
            String w = text.substring(s, e).toLowerCase(Locale.ROOT);
            // strip opening punctuation ("(pada")
            return OPENING_PUNCT.matcher(w).replaceAll("");
        }

        /** The word or symbol starting after index (lower case, trailing punctuation dropped), or "". */
        static String nextWord(String text, int index) {
            int s = index;
            while (s < text.length() && Character.isWhitespace(text.charAt(s))) s++;
            if (s < text.length() && text.charAt(s) == '%') return "%";
            int e = s;
            while (e < text.length() && !Character.isWhitespace(text.charAt(e))) e++;
            return CLOSING_PUNCT.matcher(text.substring(s, e).toLowerCase(Locale.ROOT)).replaceAll("");
        }
    }

}
