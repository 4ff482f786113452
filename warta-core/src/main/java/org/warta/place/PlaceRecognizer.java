package org.warta.place;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.warta.kb.KnowledgeBase;
import org.warta.lang.LanguagePack;
import org.warta.lang.Languages;
import org.warta.lang.TsvTable;
import org.warta.model.Doc;
import org.warta.model.EntityMention;
import org.warta.model.PlaceMention;
import org.warta.pipeline.Stage;
import org.warta.text.Chars;

/**
 * Finds the places named in the text with the {@link PlaceGazetteer} (longest match of capitalised
 * words, so "Jawa Barat" wins over "Jawa"), skips names inside a person's or an organisation's name, and
 * resolves each to one place: the candidate with the best prior, helped by the article's context (the
 * countries of its actors, its dateline, its unambiguous places). Records the preposition written before
 * the name ({@code place-words.tsv}: "di", "ke", "dari", with common nouns such as "kota" between).
 */
public final class PlaceRecognizer implements Stage {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern GAP = Pattern.compile("(?:[ \\t]*[.,]?[ \\t]+|[ \\t]*\\.[ \\t]*|-)");

    private final PlaceGazetteer gazetteer;
    private final Map<String, PlaceWords> words = new HashMap<>();

    /** A language's words around place names, by role (at, to, from, noun), and its stop words. */
    record PlaceWords(Map<String, String> roles, Set<String> stopwords) {
        String role(String w) { return roles.get(w.toLowerCase(Locale.ROOT)); }
    }

    public PlaceRecognizer(Languages languages, PlaceGazetteer gazetteer) {
        this.gazetteer = gazetteer;
        for (String code : languages.codes()) words.put(code, load(languages.get(code)));
    }

    static PlaceWords load(LanguagePack p) {
        Map<String, String> roles = new HashMap<>();
        Set<String> stop = new HashSet<>();
        if (p.has("stopwords.txt")) for (String w : p.words("stopwords.txt")) stop.add(w.toLowerCase(Locale.ROOT));
        if (!p.has("place-words.tsv")) return new PlaceWords(roles, stop);
        for (TsvTable.Row r : p.rows("place-words.tsv")) {
            String role = r.required("role");
            if (!Set.of("at", "to", "from", "noun").contains(role)) throw r.error("role must be at, to, from or noun: '" + role + "'");
            for (String w : r.list("word")) roles.putIfAbsent(w.toLowerCase(Locale.ROOT), role);
        }
        return new PlaceWords(roles, stop);
    }

    PlaceWords words(String lang) {
        return words.getOrDefault(lang == null ? "id" : lang, words.getOrDefault("id", new PlaceWords(Map.of(), Set.of())));
    }

    @Override
    public void process(Doc doc) {
        String text = doc.text();
        List<int[]> ws = wordSpans(text);
        boolean[] blocked = blocked(doc, false), inGroup = blocked(doc, true);
        Set<String> commonWords = null; // the words written in lower case, gathered when first asked for
        PlaceWords pw = words(doc.article().language());
        // first pass: matches and their candidates
        record Found(int start, int end, String written) {}
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < ws.size(); i++) {
            int start = ws.get(i)[0];
            if (!Character.isUpperCase(text.charAt(start)) || blocked[start]) continue;
            // a group's phrase may run over a place: "25 protesters in Paris", but "tentara Korut" is no place
            if (inGroup[start] && preposition(text, start, pw) == null) continue;
            if (!gazetteer.startsName(text.substring(start, ws.get(i)[1]).toLowerCase(Locale.ROOT))) continue;
            int last = i;
            for (int k = i + 1; k < ws.size() && k - i < gazetteer.maxWords() + 2; k++) {
                if (!isGap(text, ws.get(k - 1)[1], ws.get(k)[0])) break;
                last = k;
            }
            // the key of a longer name extends the key of a shorter one: past the first length whose key
            // begins no name, no longer one is a name
            for (int k = i; k <= last; k++) {
                if (!gazetteer.startsKey(PlaceGazetteer.key(text.substring(start, ws.get(k)[1])))) {
                    last = k - 1;
                    break;
                }
            }
            for (int k = last; k >= i; k--) {
                int end = ws.get(k)[1];
                if (crossesBlock(blocked, start, end)) continue;
                String written = text.substring(start, end);
                PlaceGazetteer.Place best = gazetteer.best(written, Set.of()); // null when the key names no place
                if (best == null) continue;
                // "Anda", "Ini"; "Lahan" in a headline when the text writes "lahan" as a common noun
                if (k == i && best.level() != PlaceGazetteer.Level.COUNTRY) {
                    String lower = written.toLowerCase(Locale.ROOT);
                    if (pw.stopwords().contains(lower)) continue;
                    if (commonWords == null) commonWords = lowerCaseWords(text, ws);
                    if (commonWords.contains(lower)) continue;
                }
                found.add(new Found(start, end, written));
                i = k;
                break;
            }
        }
        // context: the countries of the actors, of the dateline and of names with one candidate only
        Set<String> context = new HashSet<>();
        for (EntityMention e : doc.entities())
            if (e.actor() != null && e.actor().code() != null && !KnowledgeBase.SPECIAL_CODES.contains(e.actor().code()))
                context.add(e.actor().code());
        PlaceGazetteer.Place dl = dateline(doc, Set.of());
        if (dl != null && dl.country() != null) context.add(dl.country());
        for (Found f : found) {
            List<PlaceGazetteer.Place> c = gazetteer.lookup(PlaceGazetteer.key(f.written()));
            if (c.size() == 1 && c.get(0).country() != null && preposition(text, f.start(), pw) != null) context.add(c.get(0).country());
        }
        for (Found f : found) {
            PlaceGazetteer.Place p = gazetteer.best(f.written(), context);
            String prep = preposition(text, f.start(), pw);
            if (prep == null && (!plausibleWithoutPreposition(p, f.written(), context)
                    || (p.weight() < 40 && p.exact() == null && besideAName(text, f.start(), f.end())))) continue;
            doc.addPlace(new PlaceMention(f.start(), f.end(), f.written(), p.location(f.written()), prep));
        }
    }

    /** The words of the text that begin with a lower-case letter. */
    private static Set<String> lowerCaseWords(String text, List<int[]> ws) {
        Set<String> out = new HashSet<>();
        for (int[] w : ws)
            if (Character.isLowerCase(text.charAt(w[0]))) out.add(text.substring(w[0], w[1]));
        return out;
    }

    /**
     * A one-word name with no preposition of place before it is often something else (a name in a headline,
     * part of a person's name: "Guntur", "Roy", "Saham"). Keep it only when the knowledge base names it, or it
     * is a city of a million people, or of 100,000 in a country the article speaks of. Abbreviations of up to
     * three capitals are places only when the knowledge base writes them so ("AS", "RI", not "IG").
     */
    private static boolean plausibleWithoutPreposition(PlaceGazetteer.Place p, String written, Set<String> context) {
        if (p.exact() != null || p.weight() >= 40) return true;
        boolean oneWord = written.chars().noneMatch(c -> c == ' ' || c == '-');
        if (!oneWord) return true;
        if (written.length() <= 3 && written.equals(written.toUpperCase(Locale.ROOT))) return false;
        if (p.level() != PlaceGazetteer.Level.CITY && p.level() != PlaceGazetteer.Level.ADMIN2) return true;
        return p.weight() >= 6 || (p.weight() >= 5 && context.contains(p.country()));
    }

    /** The words of the text ({@link #WORD}: runs of letters and numbers, by code point) as {start, end}. */
    static List<int[]> wordSpans(String text) {
        List<int[]> ws = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Chars.isLetterOrNumber(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int j = i + Character.charCount(cp);
            while (j < n) {
                int c = text.codePointAt(j);
                if (!Chars.isLetterOrNumber(c)) break;
                j += Character.charCount(c);
            }
            ws.add(new int[] {i, j});
            i = j;
        }
        return ws;
    }

    /** Whether text[a, b) is a gap inside a name ({@link #GAP}): blanks with an optional full stop or comma, or a hyphen. */
    static boolean isGap(String text, int a, int b) {
        if (b - a == 1 && text.charAt(a) == '-') return true;
        int i = a;
        while (i < b && isBlank(text.charAt(i))) i++;
        if (i == b) return b > a; // blanks only
        char c = text.charAt(i);
        if (c != '.' && c != ',') return false;
        int after = ++i;
        while (i < b && isBlank(text.charAt(i))) i++;
        return i == b && (c == '.' || i > after); // "." may stand alone; "," needs a blank after it
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static final Pattern NAME_AFTER = Pattern.compile("^[ \\t]+\\p{Lu}\\p{Ll}");
    private static final Pattern NAME_BEFORE = Pattern.compile("[^.!?\"“”\\n]\\s+\\p{Lu}[\\p{L}.]*[ \\t]+$");

    /** A capitalised word right after, or right before (not at a sentence start), the name: "Asep Guntur Rahayu". */
    private static boolean besideAName(String text, int start, int end) {
        if (NAME_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 3))).find()) return true;
        return NAME_BEFORE.matcher(text.substring(Math.max(0, start - 40), start)).find();
    }

    /** The dateline's place, resolved with the given context, or null. */
    PlaceGazetteer.Place dateline(Doc doc, Set<String> context) {
        return dateline(gazetteer, doc, context);
    }

    static PlaceGazetteer.Place dateline(PlaceGazetteer gazetteer, Doc doc, Set<String> context) {
        String d = doc.article().dateline();
        if (d == null || d.isBlank()) return null;
        Matcher m = WORD.matcher(d);
        List<int[]> ws = new ArrayList<>();
        while (m.find()) ws.add(new int[] {m.start(), m.end()});
        for (int k = ws.size() - 1; k >= 0; k--) {
            PlaceGazetteer.Place p = gazetteer.best(d.substring(ws.get(0)[0], ws.get(k)[1]), context);
            if (p != null) return p;
        }
        return null;
    }

    /** The preposition before a name, looking past up to three common nouns ("di kota", "in the city of"). */
    static String preposition(String text, int start, PlaceWords pw) {
        int pos = start;
        for (int hops = 0; hops < 4; hops++) {
            int e = pos;
            while (e > 0 && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\t')) e--;
            int b = e;
            while (b > 0 && (Character.isLetter(text.charAt(b - 1)) || text.charAt(b - 1) == '.')) b--;
            if (b == e) return null;
            String w = text.substring(b, e);
            // an institution's acronym before the name: "di BPN Bogor", "di KBRI Tokyo"
            if (w.length() >= 2 && w.equals(w.toUpperCase(Locale.ROOT)) && hops == 0) {
                pos = b;
                continue;
            }
            String role = pw.role(w);
            if (role == null) {
                if (w.endsWith(".")) role = pw.role(w.substring(0, w.length() - 1));
                if (role == null) return null;
            }
            if (!role.equals("noun")) return w.toLowerCase(Locale.ROOT);
            pos = b;
        }
        return null;
    }

    /** Chars inside a person's or an organisation's name (or, with {@code groups}, a group's phrase). */
    private static boolean[] blocked(Doc doc, boolean groups) {
        boolean[] b = new boolean[doc.text().length() + 1];
        for (EntityMention e : doc.entities()) {
            EntityMention.Kind k = e.kind();
            boolean hit = groups ? k == EntityMention.Kind.GROUP : k == EntityMention.Kind.PERSON || k == EntityMention.Kind.ORGANISATION;
            if (hit) for (int i = e.start(); i < e.end(); i++) b[i] = true;
        }
        return b;
    }

    private static boolean crossesBlock(boolean[] blocked, int start, int end) {
        for (int i = start; i < end; i++) if (blocked[i]) return true;
        return false;
    }
}
