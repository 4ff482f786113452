package org.warta.number;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.warta.lang.Languages;
import org.warta.text.Chars;

/**
 * Finds quantities in text: digits with the language's separators ("10.000", "1,5 juta", "2.500-an";
 * "10,000", "1.5 million"), number words ("sepuluh ribu", "dua ratus", "ten thousand") and vague orders
 * ("puluhan", "ratusan ribu", "hundreds"), with their value. Immutable and thread-safe.
 */
public final class NumberReader {
    /**
     * A quantity in the text.
     *
     * @param approximate true for vague words ("ratusan") and approximate suffixes ("2.500-an"): the value is a lower bound
     */
    public record Quantity(int start, int end, long value, boolean approximate) {}

    /**
     * A language's number words and pattern, and the chars a match can start with: an ASCII digit, or the
     * first char of a number word or its case fold (the pattern compares case-insensitively); null when
     * that cannot be told (an empty word, a word starting with a surrogate), and then every position is tried.
     */
    private record Lang(NumberWords words, Pattern pattern, java.util.BitSet starts) {
        Lang(NumberWords words, Pattern pattern) {
            // no number word in the pattern: it matches the empty string anywhere, so every position counts
            this(words, pattern, pattern.matcher("").lookingAt() ? null : starts(words));
        }

        private static java.util.BitSet starts(NumberWords w) {
            java.util.BitSet b = new java.util.BitSet(Character.MAX_VALUE + 1);
            b.set('0', '9' + 1);
            for (String word : w.words().keySet()) {
                if (word.isEmpty() || Character.isSurrogate(word.charAt(0))) return null;
                char c = word.charAt(0);
                b.set(c);
                b.set(Chars.fold(c));
            }
            return b;
        }

        /** Whether a match may start at this char (as written, or folded the way the pattern compares it). */
        boolean mayStart(char c) {
            return starts.get(c) || starts.get(Chars.fold(c));
        }
    }

    private final Map<String, Lang> langs = new HashMap<>();

    public NumberReader(Languages languages) {
        for (String code : languages.codes()) {
            if (!languages.get(code).has("numbers.tsv")) continue;
            NumberWords w = new NumberWords(languages.get(code));
            langs.put(code, new Lang(w, pattern(w)));
        }
    }

    private static Pattern pattern(NumberWords w) {
        String dec = Pattern.quote(String.valueOf(w.decimalMark()));
        String group = Pattern.quote(w.decimalMark() == ',' ? "." : ",");
        List<String> numWords = new ArrayList<>(), mults = new ArrayList<>();
        w.words().forEach((k, v) -> {
            if (v.kind().equals("prefix")) return;
            if (v.kind().equals("vague") && v.value() < 0) return;
            numWords.add(k);
            if (v.kind().equals("mult") && v.value() >= 1000) mults.add(k);
        });
        String nw = alt(numWords);
        String digits = "(?<dig>\\d{1,3}(?:" + group + "\\d{3})+(?:" + dec + "\\d+)?|\\d+(?:" + dec + "\\d+)?)(?:\\s+(?<mult>" + alt(mults)
                + ")(?![\\p{L}]))?";
        String approx = w.approxSuffixes().isEmpty() ? "" : "(?:-(?<approx>" + alt(w.approxSuffixes()) + ")(?![\\p{L}]))?";
        return Pattern.compile("(?<![\\p{L}\\p{N}.,])(?:" + digits + approx + "|(?<words>" + nw + "(?:[\\s-]+" + nw + ")*)(?![\\p{L}\\p{N}]))",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String alt(List<String> words) {
        List<String> l = new ArrayList<>(words);
        l.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder sb = new StringBuilder("(?:");
        for (int i = 0; i < l.size(); i++) sb.append(i > 0 ? "|" : "").append(Pattern.quote(l.get(i)));
        return sb.append(")").toString();
    }

    /** True if the language has a number lexicon. */
    public boolean supports(String lang) {
        return langs.containsKey(lang);
    }

    /** The language's number words (for other readers of amounts, such as the time recogniser). */
    public NumberWords words(String lang) {
        Lang l = langs.get(lang);
        return l == null ? null : l.words();
    }

    /** The quantities in the text, in order. "a"/"an" alone is no quantity. */
    public List<Quantity> find(String text, String lang) {
        return find(text, lang, true);
    }

    /**
     * The same; {@code indexed}: the pattern is tried only where a match may start (see {@link Lang}), as
     * {@link Matcher#find()} would find it there; else with {@link Matcher#find()} itself (the reference, for tests).
     */
    List<Quantity> find(String text, String lang, boolean indexed) {
        Lang l = langs.get(lang);
        if (l == null) return List.of();
        List<Quantity> out = new ArrayList<>();
        Matcher m = l.pattern().matcher(text);
        boolean scan = indexed && l.starts() != null;
        int p = 0;
        while (scan ? nextMatch(m, l, text, p) : m.find()) {
            p = m.end() > m.start() ? m.end() : m.end() + 1;
            if (m.group("dig") != null) {
                String d = m.group("dig");
                char dec = l.words().decimalMark();
                String plain = d.replace(dec == ',' ? "." : ",", "").replace(dec, '.');
                BigDecimal v;
                try {
                    v = new BigDecimal(plain);
                } catch (NumberFormatException e) {
                    continue;
                }
                if (m.group("mult") != null) v = v.multiply(BigDecimal.valueOf(l.words().word(m.group("mult")).value()));
                boolean approx = !l.words().approxSuffixes().isEmpty() && m.group("approx") != null;
                out.add(new Quantity(m.start(), m.end(), v.longValue(), approx));
            } else {
                String phrase = m.group("words");
                if (!phrase.contains(" ") && !phrase.contains("-") && phrase.length() <= 2) continue; // "a", "an"
                long v = l.words().value(phrase);
                if (v <= 0) continue;
                out.add(new Quantity(m.start(), m.end(), v, l.words().vague(phrase)));
            }
        }
        return out;
    }

    /**
     * Moves the matcher to the first match starting at or after {@code from} at a position where one may
     * start; false when there is none. Each try looks at the text before the position (transparent bounds).
     */
    private static boolean nextMatch(Matcher m, Lang l, String text, int from) {
        int n = text.length();
        for (int p = from; p < n; p++) {
            if (!l.mayStart(text.charAt(p))) continue;
            m.region(p, n);
            m.useTransparentBounds(true);
            m.useAnchoringBounds(false);
            if (m.lookingAt()) return true;
        }
        return false;
    }
}
