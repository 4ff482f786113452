package org.warta.time;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.warta.lang.DataFileException;
import org.warta.lang.LanguagePack;
import org.warta.lang.TsvTable;
import org.warta.number.NumberWords;

/**
 * One language's time vocabulary, read from its pack: {@code months.tsv}, {@code weekdays.tsv},
 * {@code time-relative.tsv}, {@code time-units.tsv}, {@code numbers.tsv} (through {@link NumberWords}) and {@code time-words.tsv}.
 * Holds the word lists as regular-expression alternations for {@link TimeRecognizer}. Immutable.
 */
final class TimeLexicon {
    /** A fixed relative expression of time-relative.tsv. */
    record Relative(String type, String value) {}

    /** A calendar unit: multiple and ISO designator ("Y", "M", "W", "D", "TH", "TM", "TS"). */
    record Unit(int multiple, String designator) {
        boolean clock() { return designator.startsWith("T"); }
    }

    /** A number word: value (-1 for vague) and kind (n, mult, teen, vague, prefix). */
    record Num(int value, String kind) {}

    static final String L = "(?<![\\p{L}\\p{N}])";
    static final String R = "(?![\\p{L}\\p{N}])";
    private static final Pattern REL_VALUE = Pattern.compile("([DWMY])([+-]\\d+)(?:/([A-Z]{2}))?|LAST|[A-Z]+_REF");
    private static final Pattern UNIT_CODE = Pattern.compile("(\\d*)(T?[YMWDHS])");
    private static final Set<String> ROLES = Set.of("date_order", "month_day", "date_prefix", "year_prefix",
            "year_suffix", "decade_suffix", "month_prefix", "month_context", "weekday_prefix", "past_after",
            "future_after", "this_after", "past_before", "future_before", "this_before", "ago", "later", "approx",
            "set_prefix", "start", "mid", "end", "clock_prefix", "clock_zone", "am", "pm", "part_MO", "part_AF",
            "part_EV", "part_NI", "not_year_before", "not_year_after", "not_amount_before", "ordinal_suffix", "day_month_link",
            "unit_determiner");

    /** Roles a pack may leave out (added after the first packs were written). */
    private static final Set<String> OPTIONAL_ROLES = Set.of("not_amount_before");

    final String code;
    final Map<String, Integer> months = new HashMap<>();
    final Set<String> monthNames = new LinkedHashSet<>();
    final Set<String> monthAbbrevs = new LinkedHashSet<>();
    final Map<String, Integer> weekdays = new HashMap<>();
    final Map<String, Relative> relatives = new HashMap<>();
    final Map<String, Unit> units = new HashMap<>();
    final Map<String, Unit> vagueUnits = new HashMap<>();
    final Map<String, Num> numbers = new HashMap<>();
    final NumberWords numberWords;
    final Map<String, List<String>> words = new HashMap<>();
    final Map<String, String> parts = new HashMap<>();
    final boolean dayFirst;
    final boolean monthDay;

    TimeLexicon(LanguagePack pack) {
        this.code = pack.code();
        for (TsvTable.Row r : pack.rows("months.tsv")) {
            int m = intField(r, "month", 1, 12);
            for (String n : r.list("names")) { months.put(key(n), m); monthNames.add(n); }
            for (String n : r.list("abbreviations")) { months.put(key(n), m); monthAbbrevs.add(n); }
        }
        for (TsvTable.Row r : pack.rows("weekdays.tsv")) {
            int d = intField(r, "weekday", 1, 7);
            for (String n : r.list("names")) weekdays.put(key(n), d);
        }
        for (TsvTable.Row r : pack.rows("time-relative.tsv")) {
            String type = r.required("type");
            if (!Set.of("DATE", "TIME", "DURATION", "SET").contains(type)) throw r.error("unknown type '" + type + "'");
            String value = r.required("value");
            if (!REL_VALUE.matcher(value).matches()) throw r.error("bad relative value '" + value + "'");
            for (String p : r.list("phrase")) relatives.put(key(p), new Relative(type, value));
        }
        for (TsvTable.Row r : pack.rows("time-units.tsv")) {
            Matcher m = UNIT_CODE.matcher(r.required("unit"));
            if (!m.matches()) throw r.error("bad unit '" + r.get("unit") + "' (want Y, M, W, D, TH, TM, TS, 10Y…)");
            Unit u = new Unit(m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1)), m.group(2));
            for (String n : r.list("names")) units.put(key(n), u);
            for (String n : r.list("vague")) vagueUnits.put(key(n), u);
        }
        numberWords = new NumberWords(pack);
        numberWords.words().forEach((w, n) -> {
            if (Set.of("n", "mult", "teen", "vague", "prefix").contains(n.kind()))
                numbers.put(key(w), new Num(n.kind().equals("vague") ? -1 : (int) Math.min(n.value(), Integer.MAX_VALUE), n.kind()));
        });
        for (TsvTable.Row r : pack.rows("time-words.tsv")) {
            String role = r.required("role");
            if (!ROLES.contains(role)) throw r.error("unknown role '" + role + "'");
            words.put(role, r.list("words"));
        }
        for (String role : ROLES)
            if (!words.containsKey(role) && !OPTIONAL_ROLES.contains(role))
                throw new DataFileException(pack.resourcePath("time-words.tsv"), 0, "missing role '" + role + "'");
        for (String c : List.of("MO", "AF", "EV", "NI")) for (String w : words("part_" + c)) parts.put(key(w), c);
        String order = one("date_order");
        if (!order.equals("DMY") && !order.equals("MDY"))
            throw new DataFileException(pack.resourcePath("time-words.tsv"), 0, "date_order must be DMY or MDY");
        dayFirst = order.equals("DMY");
        monthDay = one("month_day").equals("yes");
    }

    private static int intField(TsvTable.Row r, String col, int min, int max) {
        try {
            int v = Integer.parseInt(r.required(col));
            if (v < min || v > max) throw r.error(col + " must be " + min + ".." + max);
            return v;
        } catch (NumberFormatException e) {
            throw r.error("not a number: '" + r.get(col) + "'");
        }
    }

    private String one(String role) {
        List<String> w = words(role);
        return w.isEmpty() ? "" : w.get(0);
    }

    List<String> words(String role) {
        return words.getOrDefault(role, List.of());
    }

    Set<String> wordSet(String... roles) {
        Set<String> out = new java.util.HashSet<>();
        for (String role : roles) for (String w : words(role)) out.add(key(w));
        return out;
    }

    /** Lower-cased with whitespace collapsed: the lookup key of a phrase. */
    static String key(String s) {
        return org.warta.text.Blanks.collapse(s.strip()).toLowerCase(Locale.ROOT);
    }

    /**
     * A regex alternation of the phrases, longest first, each with flexible whitespace; a never-matching
     * group when empty.
     */
    static String alt(Collection<String> phrases) {
        List<String> list = new ArrayList<>(new LinkedHashSet<>(phrases));
        list.removeIf(String::isBlank);
        if (list.isEmpty()) return "(?!)";
        list.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder sb = new StringBuilder("(?:");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) sb.append('|');
            String[] parts = list.get(i).strip().split("\\s+");
            for (int j = 0; j < parts.length; j++) {
                if (j > 0) sb.append("\\s+");
                sb.append(Pattern.quote(parts[j]));
            }
        }
        return sb.append(')').toString();
    }

    String alt(String... roles) {
        List<String> all = new ArrayList<>();
        for (String r : roles) all.addAll(words(r));
        return alt(all);
    }
}
