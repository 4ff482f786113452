package org.warta.number;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.warta.lang.DataFileException;
import org.warta.lang.LanguagePack;
import org.warta.lang.TsvTable;

/**
 * A language's number words and number format ({@code numbers.tsv}): "dua ratus lima puluh ribu" is
 * 250000, "puluhan" at least 10, "1.500" is 1500 in Indonesian and "1,500" in English. Immutable.
 */
public final class NumberWords {
    /** A number word: its value (-1 when vague without an order, as "beberapa") and kind. */
    public record Word(long value, String kind) {}

    private static final Set<String> KINDS = Set.of("n", "mult", "teen", "vague", "prefix", "decimal", "approx");

    private final Map<String, Word> words = new HashMap<>();
    private final char decimal;
    private final List<String> approxSuffixes;

    /** The file's former name, still read when a pack has no {@code numbers.tsv} (its decimal mark is then "."). */
    static final String LEGACY_FILE = "time-numbers.tsv";

    public NumberWords(LanguagePack pack) {
        Character dec = null;
        java.util.ArrayList<String> approx = new java.util.ArrayList<>();
        boolean legacy = !pack.has("numbers.tsv") && pack.has(LEGACY_FILE);
        if (legacy) dec = '.';
        for (TsvTable.Row r : pack.rows(legacy ? LEGACY_FILE : "numbers.tsv")) {
            String kind = r.required("kind");
            if (!KINDS.contains(kind)) throw r.error("unknown kind '" + kind + "' (known: " + KINDS + ")");
            String v = r.required("value");
            if (kind.equals("decimal")) {
                String w = r.required("word");
                if (!w.equals(",") && !w.equals(".")) throw r.error("the decimal mark must be ',' or '.'");
                dec = w.charAt(0);
                continue;
            }
            if (kind.equals("approx")) {
                approx.addAll(r.list("word"));
                continue;
            }
            long value;
            if (v.equals("X")) value = -1;
            else try { value = Long.parseLong(v); } catch (NumberFormatException e) { throw r.error("bad value '" + v + "'"); }
            for (String w : r.list("word")) words.put(w.toLowerCase(Locale.ROOT), new Word(value, kind));
        }
        if (dec == null) throw new DataFileException(pack.resourcePath("numbers.tsv"), 0, "no decimal mark (a row of kind decimal)");
        this.decimal = dec;
        this.approxSuffixes = List.copyOf(approx);
    }

    /** All number words by their lower-case form. */
    public Map<String, Word> words() {
        return Collections.unmodifiableMap(words);
    }

    public Word word(String w) {
        return words.get(w.toLowerCase(Locale.ROOT));
    }

    /** The decimal mark of written numbers ({@code ,} in Indonesian, {@code .} in English). */
    public char decimalMark() {
        return decimal;
    }

    /** Suffixes joined by a hyphen that make a number approximate ("2.500-an"). */
    public List<String> approxSuffixes() {
        return approxSuffixes;
    }

    /** What separates the words of a phrase (compiled once: {@code String.split} would compile it per call). */
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s-]+");

    /** True if a word of the phrase is vague ("puluhan", "beberapa", "hundreds"). */
    public boolean vague(String phrase) {
        for (String raw : SEPARATORS.split(phrase.toLowerCase(Locale.ROOT))) {
            Word w = words.get(raw);
            if (w != null && w.kind().equals("vague")) return true;
        }
        return false;
    }

    /**
     * The value of a phrase of number words ("dua ratus lima puluh ribu" → 250000; "puluhan ribu" → 10000);
     * -1 when vague without an order ("beberapa"), 0 when no word is a number word.
     */
    public long value(String phrase) {
        long total = 0, current = 0, last = 0;
        boolean any = false;
        for (String raw : SEPARATORS.split(phrase.toLowerCase(Locale.ROOT))) {
            Word w = words.get(raw);
            if (w == null && raw.length() > 2) {
                // a prefixed word: "seribu", "sejuta" when not listed themselves
                for (Map.Entry<String, Word> p : words.entrySet()) {
                    if (!p.getValue().kind().equals("prefix") || !raw.startsWith(p.getKey())) continue;
                    Word rest = words.get(raw.substring(p.getKey().length()));
                    if (rest != null && rest.kind().equals("mult")) w = new Word(p.getValue().value() * rest.value(), "n");
                }
            }
            if (w == null) continue;
            any = true;
            switch (w.kind()) {
                case "vague" -> {
                    if (w.value() < 0) return -1;
                    current += w.value();
                    last = w.value();
                }
                case "mult" -> {
                    if (w.value() >= 1000) {
                        total += (current == 0 ? 1 : current) * w.value();
                        current = 0;
                        last = 0;
                    } else {
                        long base = last == 0 ? 1 : last;
                        current = current - last + base * w.value();
                        last = base * w.value();
                    }
                }
                case "teen" -> {
                    current += w.value();
                    last += w.value();
                }
                case "prefix" -> { }
                default -> {
                    current += w.value();
                    last = w.value();
                }
            }
        }
        return any ? total + current : 0;
    }
}
