package org.warta.number;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.warta.lang.LanguagePack;
import org.warta.lang.Languages;
import org.warta.lang.TsvTable;
import org.warta.model.Doc;
import org.warta.model.Event;
import org.warta.model.EventMention;
import org.warta.model.Sentence;
import org.warta.model.TimeExpr;
import org.warta.pipeline.Stage;

/**
 * Fills each event's size fields (PLOVER's dead, injured and arrested, and troop and crowd sizes) from the
 * quantities of its sentence ({@link NumberReader}) that a size word names ({@code size-words.tsv}:
 * "10.000 tentara", "menewaskan 5 orang", "ratusan demonstran"), for the event types the word belongs to;
 * of several quantities for one field, the one nearest the trigger wins. Numbers inside time expressions
 * are not sizes. Runs after the event coder, on one-mention events.
 */
public final class EventSizer implements Stage {
    static final Set<String> FIELDS = Set.of("dead", "injured", "arrested", "troops", "crowd");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)*");
    private static final int GAP_WORDS = 2;

    private record Rule(List<String> words, String field, boolean after, Set<String> types) {}

    private final NumberReader reader;
    private final Map<String, List<Rule>> rules = new HashMap<>();

    public EventSizer(Languages languages, NumberReader reader) {
        this.reader = reader;
        for (String code : languages.codes()) rules.put(code, load(languages.get(code)));
    }

    private static List<Rule> load(LanguagePack p) {
        List<Rule> out = new ArrayList<>();
        if (!p.has("size-words.tsv")) return out;
        for (TsvTable.Row r : p.rows("size-words.tsv")) {
            String field = r.required("field"), pos = r.required("position");
            if (!FIELDS.contains(field)) throw r.error("unknown field '" + field + "' (known: " + FIELDS + ")");
            if (!pos.equals("after") && !pos.equals("before")) throw r.error("position must be after or before");
            Set<String> types = Set.copyOf(r.list("types"));
            for (String w : r.list("word"))
                out.add(new Rule(List.of(w.toLowerCase(Locale.ROOT).split("\\s+")), field, pos.equals("after"), types));
        }
        return out;
    }

    @Override
    public void process(Doc doc) {
        if (doc.events().isEmpty()) return;
        String lang = doc.article().language() == null ? "id" : doc.article().language();
        List<Rule> rs = rules.getOrDefault(lang, List.of());
        if (rs.isEmpty() || !reader.supports(lang)) return;
        Map<Integer, List<NumberReader.Quantity>> bySentence = new HashMap<>();
        // the words on each side of a quantity, read once for all the rules
        Map<NumberReader.Quantity, Side[]> sides = new java.util.IdentityHashMap<>();
        List<Event> out = new ArrayList<>();
        for (Event e : doc.events()) {
            EventMention m = e.mentions().get(0);
            Sentence s = doc.sentences().get(m.sentence());
            List<NumberReader.Quantity> qs = bySentence.computeIfAbsent(s.index(), k -> quantities(doc, s, lang));
            Map<String, Long> size = new LinkedHashMap<>(e.size());
            Map<String, Integer> distance = new HashMap<>();
            for (NumberReader.Quantity q : qs) {
                for (Rule r : rs) {
                    if (!r.types().contains(e.type())) continue;
                    Side[] pair = sides.computeIfAbsent(q, k -> new Side[2]);
                    int w = r.after() ? 1 : 0;
                    if (pair[w] == null) pair[w] = side(doc.text(), s, q, r.after());
                    if (!names(pair[w], r)) continue;
                    int d = Math.abs(q.start() - m.triggerStart());
                    if (d < distance.getOrDefault(r.field(), Integer.MAX_VALUE)) {
                        distance.put(r.field(), d);
                        size.put(r.field(), q.value());
                    }
                }
            }
            out.add(size.equals(e.size()) ? e : e.withSize(size));
        }
        doc.setEvents(out);
    }

    /** The sentence's quantities, offsets into the doc text, leaving out those inside time expressions. */
    private List<NumberReader.Quantity> quantities(Doc doc, Sentence s, String lang) {
        List<NumberReader.Quantity> out = new ArrayList<>();
        for (NumberReader.Quantity q : reader.find(doc.text().substring(s.start(), s.end()), lang)) {
            int a = q.start() + s.start(), b = q.end() + s.start();
            boolean inTime = false;
            for (TimeExpr t : doc.times()) inTime |= t.start() < b && a < t.end();
            if (!inTime) out.add(new NumberReader.Quantity(a, b, q.value(), q.approximate()));
        }
        return out;
    }

    /** The text on one side of a quantity within its sentence, with its words (lower case) and their spans. */
    private record Side(String text, List<String> words, List<int[]> spans) {}

    private static Side side(String text, Sentence s, NumberReader.Quantity q, boolean after) {
        String side = after ? text.substring(q.end(), s.end()) : text.substring(s.start(), q.start());
        Matcher m = WORD.matcher(side);
        List<String> all = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            all.add(m.group().toLowerCase(Locale.ROOT));
            spans.add(new int[] {m.start(), m.end()});
        }
        return new Side(side, all, spans);
    }

    /** True if the rule's words stand after (or before) the quantity, with at most two words between and no punctuation. */
    private static boolean names(Side sd, Rule r) {
        String side = sd.text();
        List<String> all = sd.words();
        List<int[]> spans = sd.spans();
        int prevEnd = 0;
        int n = r.words().size();
        if (r.after()) {
            for (int i = 0; i < all.size() && i <= GAP_WORDS; i++) {
                if (punctuated(side, prevEnd, spans.get(i)[0])) return false;
                prevEnd = spans.get(i)[1];
                if (i + n <= all.size() && all.subList(i, i + n).equals(r.words())) return true;
            }
        } else {
            int end = side.length();
            for (int i = all.size() - 1; i >= 0 && all.size() - 1 - i <= GAP_WORDS; i--) {
                if (punctuated(side, spans.get(i)[1], end)) return false;
                end = spans.get(i)[0];
                if (i - n + 1 >= 0 && all.subList(i - n + 1, i + 1).equals(r.words())) return true;
            }
        }
        return false;
    }

    private static boolean punctuated(String s, int from, int to) {
        for (int i = from; i < to; i++) if (",;:()\"“”".indexOf(s.charAt(i)) >= 0) return true;
        return false;
    }
}
