package org.warta.place;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
import org.warta.model.Event;
import org.warta.model.EventMention;
import org.warta.model.Location;
import org.warta.model.PlaceMention;
import org.warta.model.Quote;
import org.warta.model.Sentence;
import org.warta.pipeline.Stage;

/**
 * Sets where each event happened: the place after a preposition of place or direction ("di", "ke", "in",
 * "to") nearest to the trigger in the trigger's sentence and quote (a source named with "menurut" or
 * "according to" is no other voice: its report keeps the sentence's place), within {@value #MAX_WORDS} words; else
 * a site or institution of the knowledge base in that position ("di Gedung Putih"); else a place only the name
 * tagger found there, in the country of most of the article's places ({@link #homeCountry}); else, for an event of
 * the lead sentence only, the dateline's place (where the reporter says the news was made). A place merely
 * mentioned (an actor, "pasukan dari Rusia", a place in another clause far away) is not the location. Runs
 * after the event coder, on one-mention events, before they are merged.
 */
public final class EventLocator implements Stage {
    static final int MAX_WORDS = 10;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final PlaceGazetteer gazetteer;
    private final Map<String, PlaceRecognizer.PlaceWords> words = new HashMap<>();
    private final Map<String, Set<String>> breaks = new HashMap<>();
    private final Map<String, Set<String>> according = new HashMap<>();

    public EventLocator(Languages languages, PlaceGazetteer gazetteer) {
        this.gazetteer = gazetteer;
        for (String code : languages.codes()) {
            words.put(code, PlaceRecognizer.load(languages.get(code)));
            Set<String> b = new HashSet<>();
            if (languages.get(code).has("clause-breaks.txt"))
                for (String w : languages.get(code).words("clause-breaks.txt")) b.add(w.toLowerCase(java.util.Locale.ROOT));
            breaks.put(code, b);
            according.put(code, accordingCues(languages.get(code)));
        }
    }

    @Override
    public void process(Doc doc) {
        if (doc.events().isEmpty()) return;
        String lang = doc.article().language();
        PlaceRecognizer.PlaceWords pw = words.getOrDefault(lang == null ? "id" : lang, words.get("id"));
        Set<String> brk = breaks.getOrDefault(lang == null ? "id" : lang, Set.of());
        Set<String> acc = according.getOrDefault(lang == null ? "id" : lang, Set.of());
        List<Quote> voices = new ArrayList<>();
        for (Quote q : doc.quotes()) if (q.direct() || q.cue() == null || !acc.contains(firstWord(q.cue()))) voices.add(q);
        Set<String> context = new HashSet<>();
        for (PlaceMention p : doc.places()) if (p.place().country() != null) context.add(p.place().country());
        for (EntityMention e : doc.entities())
            if (e.resolved() && !KnowledgeBase.SPECIAL_CODES.contains(e.actor().code())) context.add(e.actor().code());
        PlaceGazetteer.Place dl = PlaceRecognizer.dateline(gazetteer, doc, context);
        Location dateline = dl == null ? null : dl.location(doc.article().dateline());
        String home = homeCountry(doc, dateline);
        int lead = -1;
        for (Sentence s : doc.sentences())
            if (s.paragraph() > 0) {
                lead = s.index();
                break;
            }
        List<Integer> triggers = new ArrayList<>();
        for (Event e : doc.events()) triggers.add(e.mentions().get(0).triggerStart());
        List<Event> out = new ArrayList<>();
        for (Event e : doc.events()) {
            EventMention m = e.mentions().get(0);
            Location loc = locate(doc, pw, brk, voices, home, m, triggers);
            if (loc == null && m.sentence() == lead) loc = dateline;
            out.add(loc == null ? e : e.withLocation(loc));
        }
        doc.setEvents(out);
    }

    private Location locate(Doc doc, PlaceRecognizer.PlaceWords pw, Set<String> brk, List<Quote> voices, String home, EventMention m,
                            List<Integer> triggers) {
        Sentence s = doc.sentences().get(m.sentence());
        Location best = null;
        int bestDistance = Integer.MAX_VALUE;
        List<int[]> taken = new ArrayList<>();
        for (PlaceMention p : doc.places()) {
            if (p.start() < s.start() || p.end() > s.end()) continue;
            taken.add(new int[] {p.start(), p.end()});
            int d = distance(doc, pw, brk, voices, m, p.start(), p.end(), p.preposition(), triggers);
            if (d < bestDistance) {
                best = p.place();
                bestDistance = d;
            }
        }
        if (best != null) return best;
        for (EntityMention e : doc.entities()) {
            if (e.start() < s.start() || e.end() > s.end() || !e.resolved()) continue;
            if (e.kind() != EntityMention.Kind.ORGANISATION && e.kind() != EntityMention.Kind.COUNTRY) continue;
            if (KnowledgeBase.SPECIAL_CODES.contains(e.actor().code())) continue;
            int d = entityDistance(doc, pw, brk, voices, m, taken, triggers, e);
            if (d < bestDistance) {
                best = new Location(e.text(), e.actor().code(), "place");
                bestDistance = d;
            }
        }
        if (best != null || home == null) return best;
        // a place the name tagger found that no gazetteer lists ("di kawasan Monas"): in the article's country
        for (EntityMention e : doc.entities()) {
            if (e.start() < s.start() || e.end() > s.end() || e.kind() != EntityMention.Kind.PLACE) continue;
            if (e.actor() != null && e.actor().code() != null) continue;
            int d = entityDistance(doc, pw, brk, voices, m, taken, triggers, e);
            if (d < bestDistance) {
                best = new Location(e.text(), home, "place");
                bestDistance = d;
            }
        }
        return best;
    }

    /** {@link #distance} of an entity mention that no place mention overlaps ({@code taken}), else MAX_VALUE. */
    private static int entityDistance(Doc doc, PlaceRecognizer.PlaceWords pw, Set<String> brk, List<Quote> voices, EventMention m,
                                      List<int[]> taken, List<Integer> triggers, EntityMention e) {
        for (int[] t : taken) if (t[0] < e.end() && e.start() < t[1]) return Integer.MAX_VALUE;
        String prep = PlaceRecognizer.preposition(doc.text(), e.start(), pw);
        return distance(doc, pw, brk, voices, m, e.start(), e.end(), prep, triggers);
    }

    /**
     * The country an unlisted local place most likely lies in: the country of most of the article's resolved
     * place mentions, else the dateline's, else null (the name tagger's places then stay unlocated).
     */
    static String homeCountry(Doc doc, Location dateline) {
        Map<String, Integer> n = new HashMap<>();
        for (PlaceMention p : doc.places()) if (p.place().country() != null) n.merge(p.place().country(), 1, Integer::sum);
        String best = null;
        int most = 0;
        for (PlaceMention p : doc.places()) {
            String c = p.place().country();
            if (c != null && n.get(c) > most) {
                best = c;
                most = n.get(c);
            }
        }
        if (best != null) return best;
        return dateline == null ? null : dateline.country();
    }

    /**
     * How far a place stands from the trigger in words (a place after the trigger counts half a word
     * nearer), or MAX_VALUE when it cannot be the event's location: no preposition of place or direction,
     * another quote, too far, a semicolon, a clause break ({@code clause-breaks.txt}: "karena", "because") or
     * another event's trigger between (the place is that event's).
     */
    private static int distance(Doc doc, PlaceRecognizer.PlaceWords pw, Set<String> brk, List<Quote> voices, EventMention m,
                                int start, int end, String prep, List<Integer> triggers) {
        if (prep == null) return Integer.MAX_VALUE;
        String role = pw.role(prep);
        if (role == null || role.equals("from") || role.equals("noun")) return Integer.MAX_VALUE;
        if (acrossQuotes(voices, start, m.triggerStart())) return Integer.MAX_VALUE;
        boolean after = start >= m.triggerEnd();
        String between = after ? doc.text().substring(m.triggerEnd(), start) : doc.text().substring(Math.min(end, m.triggerStart()), m.triggerStart());
        if (between.contains(";")) return Integer.MAX_VALUE;
        int from = after ? m.triggerEnd() : end, to = after ? start : m.triggerStart();
        for (int t : triggers) {
            if (t < from || t >= to) continue;
            // a nominal complement right after the trigger ("menandatangani perjanjian") is the same act
            if (after && wordCount(doc.text().substring(m.triggerEnd(), t)) < 2) continue;
            return Integer.MAX_VALUE;
        }
        int words = 0;
        Matcher w = WORD.matcher(between);
        while (w.find()) {
            words++;
            if (brk.contains(w.group().toLowerCase(java.util.Locale.ROOT))) return Integer.MAX_VALUE;
        }
        if (words > MAX_WORDS) return Integer.MAX_VALUE;
        return 2 * words + (after ? 0 : 1);
    }

    private static int wordCount(String s) {
        int n = 0;
        Matcher w = WORD.matcher(s);
        while (w.find()) n++;
        return n;
    }

    /** True if a quote holds one of the two positions but not the other: they are not in the same voice. */
    private static boolean acrossQuotes(List<Quote> voices, int a, int b) {
        for (Quote q : voices) if (q.contains(a) != q.contains(b)) return true;
        return false;
    }

    /**
     * The cues of a pack's {@code speech-verbs.tsv} with position {@code according} ("menurut", "according"): they
     * name the source of a report, not an act of speaking with a place of its own, so a place written outside
     * such a quote ("Di Bogor, menurut laporan harian X, polisi menangkap …") still frames the act inside it.
     */
    private static Set<String> accordingCues(LanguagePack p) {
        Set<String> out = new HashSet<>();
        if (!p.has("speech-verbs.tsv")) return out;
        for (TsvTable.Row r : p.rows("speech-verbs.tsv"))
            if (r.get("position").equals("according")) out.add(firstWord(r.required("form")));
        return out;
    }

    private static String firstWord(String s) {
        String t = s.strip().toLowerCase(java.util.Locale.ROOT);
        int sp = t.indexOf(' ');
        return sp < 0 ? t : t.substring(0, sp);
    }
}
