package org.warta.event;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.warta.actor.Gazetteer;
import org.warta.kb.KnowledgeBase;
import org.warta.lang.LanguagePack;
import org.warta.lang.Languages;
import org.warta.lang.Morphology;
import org.warta.lang.TsvTable;
import org.warta.model.Actor;
import org.warta.model.Attribution;
import org.warta.model.Doc;
import org.warta.model.EntityMention;
import org.warta.model.Event;
import org.warta.model.EventMention;
import org.warta.model.Modality;
import org.warta.model.Quote;
import org.warta.model.Sentence;
import org.warta.model.TimeExpr;
import org.warta.model.Token;
import org.warta.pipeline.Stage;

/**
 * The event coder: finds triggers with the language's pattern dictionary ({@code events.tsv}) on the
 * affix analyser's roots, fills actor, recipient and location from the clause by voice (active, passive,
 * nominal) and prepositions, and reads modality, attribution, date and size. Each trigger gives a
 * one-mention event; {@link EventMerger} then merges mentions of the same act.
 */
public final class EventCoder implements Stage {
    private final KnowledgeBase kb;
    private final Gazetteer gazetteer;
    private final Ontology ontology = Ontology.get();
    private final Map<String, LangData> langs = new HashMap<>();

    private record Cue(Modality modality, String scope) {}

    private record LangData(List<Pattern> patterns, Map<String, int[]> byFirst, Morphology morphology, Map<String, Cue> cues,
                            Map<String, String> preps, Set<String> breaks, Set<String> stopwords,
                            Set<String> objectClitics, Set<String> objectPronouns, Set<String> demonstratives,
                            Set<String> occurrence, Set<String> passiveAux, Set<String> nounMarkers,
                            Set<String> obligation, Set<String> relativizers, Set<String> timeAnchors) {}

    /** Words that join coordinated actors. A bare comma is left out: "pakar PBB, demonstran …" is no list. */
    private static final Set<String> COORD = Set.of("dan", "serta", "-", "and", "&", "/", "maupun");

    public EventCoder(Languages languages, KnowledgeBase kb, Gazetteer gazetteer) {
        this.kb = kb;
        this.gazetteer = gazetteer;
        for (String code : languages.codes()) langs.put(code, load(languages.get(code)));
    }

    private LangData load(LanguagePack p) {
        List<Pattern> patterns = new ArrayList<>();
        Set<String> roots = new HashSet<>();
        for (TsvTable.Row r : p.rows("events.tsv")) {
            Pattern pat = Pattern.parse(r, ontology);
            patterns.add(pat);
            roots.addAll(pat.roots());
        }
        // longer patterns first, so "tarik * pasukan" wins over a one-word pattern at the same token
        patterns.sort((a, b) -> Integer.compare(b.terms().size(), a.terms().size()));
        Map<String, Cue> cues = new HashMap<>();
        for (TsvTable.Row r : p.rows("modality.tsv")) {
            String scope = r.required("scope");
            if (!Set.of("pre", "clause", "near", "condition").contains(scope))
                throw r.error("scope must be pre, clause, near or condition");
            Modality m;
            try {
                m = Modality.parse(r.required("modality"));
            } catch (IllegalArgumentException e) {
                throw r.error("unknown modality '" + r.get("modality") + "'");
            }
            cues.put(r.required("cue").toLowerCase(Locale.ROOT), new Cue(m, scope));
        }
        Map<String, String> preps = new HashMap<>();
        Set<String> roles = Set.of("agent", "recipient", "location", "source", "instrument", "time", "purpose");
        for (TsvTable.Row r : p.rows("prepositions.tsv")) {
            String role = r.required("role");
            if (!roles.contains(role)) throw r.error("unknown role '" + role + "' (known: " + roles + ")");
            preps.put(r.required("word").toLowerCase(Locale.ROOT), role);
        }
        Set<String> breaks = new HashSet<>();
        for (String w : p.words("clause-breaks.txt")) breaks.add(w.toLowerCase(Locale.ROOT));
        for (TsvTable.Row r : p.rows("speech-verbs.tsv")) roots.add(r.required("form").toLowerCase(Locale.ROOT));
        return new LangData(patterns, firstTermIndex(patterns), new Morphology(p, roots), cues, preps, breaks, lower(p.words("stopwords.txt")),
                lower(p.words("object-clitics.txt")), lower(p.words("object-pronouns.txt")),
                lower(p.words("demonstratives.txt")), lower(p.words("occurrence-verbs.txt")),
                optionalWords(p, "passive-auxiliaries.txt"), optionalWords(p, "noun-markers.txt"),
                optionalWords(p, "obligation-cues.txt"), optionalWords(p, "relativizers.txt"),
                optionalWords(p, "time-anchors.txt"));
    }

    /** A word list the pack may leave out (empty then). */
    private static Set<String> optionalWords(LanguagePack p, String file) {
        return p.has(file) ? lower(p.words(file)) : Set.of();
    }

    /**
     * For each word a pattern's first term names (a root or an exact word), the indexes of those patterns in
     * priority order: matching a token looks only at the patterns its word or roots can start.
     */
    private static Map<String, int[]> firstTermIndex(List<Pattern> patterns) {
        Map<String, List<Integer>> m = new HashMap<>();
        for (int i = 0; i < patterns.size(); i++)
            for (Pattern.Alt a : patterns.get(i).terms().get(0).alternatives()) {
                List<Integer> l = m.computeIfAbsent(a.word(), k -> new ArrayList<>());
                if (l.isEmpty() || l.get(l.size() - 1) != i) l.add(i);
            }
        Map<String, int[]> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return Map.copyOf(out);
    }

    /** The indexes of the patterns that may start at this token, in priority order (sorted, distinct). */
    private int[] candidates(LangData ld, Token tok) {
        String lower = tok.lower();
        long key = ShortWords.key(lower);
        if (key == 0) return sharedCandidates(ld, lower);
        ShortWords table = shortWords.get();
        int[] hit = table.get(ld, key);
        if (hit != null) return hit;
        int[] found = sharedCandidates(ld, lower);
        table.put(key, found);
        return found;
    }

    /**
     * Per thread, the candidates of short words (most words of a text), by the word packed into a long: a
     * direct-mapped table of a few hundred kilobytes that stays in the cache, where the shared cache's nodes
     * and strings would be read from memory.
     */
    private final ThreadLocal<ShortWords> shortWords = ThreadLocal.withInitial(ShortWords::new);

    /** A direct-mapped table from packed short words to candidates, for one language at a time. */
    static final class ShortWords {
        private static final int BITS = 14, SIZE = 1 << BITS;
        private final long[] keys = new long[SIZE];
        private final int[][] values = new int[SIZE][];
        private LangData lang;
        private int slot;

        /**
         * The word packed into a long: its length (1 to 7) in the top byte, its chars (Latin-1) in the others;
         * 0 when it is longer or has another char, and is not packed.
         */
        static long key(String w) {
            int n = w.length();
            if (n == 0 || n > 7) return 0;
            long k = n;
            for (int i = 0; i < n; i++) {
                char c = w.charAt(i);
                if (c > 0xFF) return 0;
                k = (k << 8) | c;
            }
            return k;
        }

        /** The candidates stored for the key in this language, or null; remembers the key's slot for {@link #put}. */
        int[] get(LangData ld, long key) {
            if (lang != ld) { // another language: start afresh
                java.util.Arrays.fill(keys, 0);
                java.util.Arrays.fill(values, null);
                lang = ld;
            }
            long h = key * 0x9E3779B97F4A7C15L;
            slot = (int) (h >>> (64 - BITS));
            return keys[slot] == key ? values[slot] : null;
        }

        /** Stores the candidates of the key last asked for with {@link #get}. */
        void put(long key, int[] found) {
            keys[slot] = key;
            values[slot] = found;
        }
    }

    private int[] sharedCandidates(LangData ld, String lower) {
        Map<String, int[]> cache = candidateCache.computeIfAbsent(ld.morphology(), m -> new ConcurrentHashMap<>());
        int[] hit = cache.get(lower);
        if (hit != null) return hit;
        int[] found = findCandidates(ld, lower);
        if (cache.size() >= CANDIDATE_CACHE_MAX) cache.clear(); // bounded: a long run meets ever new words
        cache.put(lower, found);
        return found;
    }

    /** Per language (its analyser, which is unique to it): word → {@link #candidates}. */
    private final Map<Morphology, Map<String, int[]>> candidateCache = new ConcurrentHashMap<>();
    private static final int CANDIDATE_CACHE_MAX = 200_000;

    private static int[] findCandidates(LangData ld, String lower) {
        int[] exact = ld.byFirst().get(lower);
        List<Morphology.Analysis> as = ld.morphology().analyze(lower);
        if (as.size() == 1 && as.get(0).root().equals(lower)) return exact == null ? NONE : exact;
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>();
        if (exact != null) for (int i : exact) all.add(i);
        for (Morphology.Analysis a : as) {
            int[] c = ld.byFirst().get(a.root());
            if (c != null) for (int i : c) all.add(i);
        }
        if (all.isEmpty()) return NONE;
        int[] out = new int[all.size()];
        int k = 0;
        for (int i : all) out[k++] = i;
        return out;
    }

    private static final int[] NONE = new int[0];

    private static Set<String> lower(List<String> words) {
        Set<String> out = new HashSet<>();
        for (String w : words) out.add(w.toLowerCase(Locale.ROOT));
        return out;
    }

    /** The affix analyser of a language (shared with tests and tools). */
    public Morphology morphology(String lang) {
        return langs.get(lang).morphology();
    }

    private record Match(Pattern pattern, int first, int last, String form) {}

    /** Language data with no clause breaks: for looking past them. */
    private static final LangData NO_BREAKS = new LangData(List.of(), Map.of(), null, Map.of(), Map.of(), Set.of(), Set.of(), Set.of(),
            Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    @Override
    public void process(Doc doc) {
        String l = doc.article().language();
        LangData ld = langs.getOrDefault(l == null ? "id" : l, langs.get("id"));
        List<Event> out = new ArrayList<>();
        boolean[] inName = insideNames(doc);
        for (Sentence s : doc.sentences()) {
            List<Token> toks = doc.tokensOf(s);
            boolean[] absorbed = new boolean[toks.size()];
            boolean headlineCase = headlineCase(toks);
            for (int i = 0; i < toks.size(); i++) {
                if (absorbed[i] || !toks.get(i).isWord() || inName[toks.get(i).index()]) continue;
                Match m = match(ld, toks, i, s.index() == 0);
                if (m == null) continue;
                if ((s.index() > 0 || !headlineCase) && i > 0 && toks.get(i).isCapitalised() && toks.get(i - 1).isWord())
                    continue; // inside a name ("Kirim" in a title-case headline is a verb; "March" in a sentence is a month)
                if (m.form().equals("noun") && anaphoric(ld, toks, m.last())) continue;
                // a relative clause that re-identifies an act told before ("demonstran yang dieksekusi itu")
                if (i > 0 && ld.relativizers().contains(toks.get(i - 1).lower()) && anaphoric(ld, toks, m.last())) continue;
                // a nominal act as a time anchor ("usai audiensi", "menjelang pertemuan"): not a report of it
                if (m.form().equals("noun") || voiceOfNoun(ld, toks, m)) {
                    int prev = i - 1;
                    while (prev >= 0 && !toks.get(prev).isWord()) prev--;
                    if (prev >= 0 && prev == i - 1 && ld.timeAnchors().contains(toks.get(prev).lower())) continue;
                }
                // the topic of another act ("dukungan terhadap kerja sama …"): the act is what is talked about
                if (i > 1 && "recipient".equals(ld.preps().get(toks.get(i - 1).lower())) && match(ld, toks, i - 2) != null) continue;
                Event e = code(doc, ld, s, toks, m, absorbed);
                if (e != null) out.add(e);
                i = m.last();
            }
        }
        for (Event e : out) doc.addEvent(e);
    }

    /** True if the trigger reads as a noun by a noun marker before it ("the meeting"). */
    private static boolean voiceOfNoun(LangData ld, List<Token> toks, Match m) {
        return m.first() > 0 && ld.nounMarkers().contains(toks.get(m.first() - 1).lower());
    }

    /** True if most words of the sentence are capitalised (a title-case headline). */
    private static boolean headlineCase(List<Token> toks) {
        int words = 0, caps = 0;
        for (Token t : toks)
            if (t.isWord()) {
                words++;
                if (t.isCapitalised()) caps++;
            }
        return words > 0 && caps * 2 > words;
    }

    /** For each token of the doc, whether it lies inside a name (any mention but a pronoun): no trigger there. */
    private static boolean[] insideNames(Doc doc) {
        List<Token> toks = doc.tokens();
        boolean[] in = new boolean[toks.size()];
        for (EntityMention m : doc.entities()) {
            if (m.kind() == EntityMention.Kind.PRONOUN) continue;
            Token t = Token.before(toks, m.start());
            for (int k = t == null ? 0 : t.index() + 1; k < toks.size() && toks.get(k).start() < m.end(); k++)
                if (toks.get(k).start() >= m.start() && toks.get(k).end() <= m.end()) in[k] = true;
        }
        return in;
    }

    /**
     * "pertemuan tersebut", "kesepakatan ini": a nominal trigger with a demonstrative re-identifies an event
     * told before, unless an occurrence predicate ("demo tersebut berlangsung damai") or a new doer
     * ("seruan itu juga diucapkan oleh …") follows.
     */
    private static boolean anaphoric(LangData ld, List<Token> toks, int last) {
        // the demonstrative right after the trigger, or after one more word of the noun phrase ("eksekusi mati itu")
        int dem = last + 1;
        if (dem < toks.size() && !ld.demonstratives().contains(toks.get(dem).lower()) && toks.get(dem).isWord()
                && !ld.preps().containsKey(toks.get(dem).lower()) && !ld.cues().containsKey(toks.get(dem).lower())) dem++;
        if (dem >= toks.size() || !ld.demonstratives().contains(toks.get(dem).lower())) return false;
        last = dem - 1;
        for (int k = last + 2; k < toks.size() && k <= last + 5; k++)
            if (ld.occurrence().contains(toks.get(k).lower()) || "agent".equals(ld.preps().get(toks.get(k).lower()))) return false;
        return true;
    }

    // ---- trigger matching ---------------------------------------------------------------------

    private Match match(LangData ld, List<Token> toks, int i) {
        return match(ld, toks, i, false);
    }

    /**
     * The longest pattern matching at token i. In a headline a bare root stands for the active verb
     * ("KPK Tahan …", "Trump Puji …": headlines drop meN-).
     */
    private Match match(LangData ld, List<Token> toks, int i, boolean headline) {
        for (int pi : candidates(ld, toks.get(i))) {
            Pattern p = ld.patterns().get(pi);
            String form = termForm(ld, p.terms().get(0), toks.get(i), headline);
            if (form == null) continue;
            int pos = i;
            boolean ok = true;
            for (int k = 1; k < p.terms().size() && ok; k++) {
                Pattern.Term t = p.terms().get(k);
                if (t.gap()) continue;
                boolean afterGap = p.terms().get(k - 1).gap();
                int limit = afterGap ? pos + 4 : pos + 1;
                boolean found = false;
                for (int q = pos + 1; q <= limit && q < toks.size(); q++) {
                    if (!toks.get(q).isWord() && !toks.get(q).text().equals("-")) {
                        if (!afterGap) break;
                        continue;
                    }
                    if (termForm(ld, t, toks.get(q), false) != null) {
                        pos = q;
                        found = true;
                        break;
                    }
                    if (!afterGap) break;
                }
                ok = found;
            }
            if (ok) return new Match(p, i, pos, form);
        }
        return null;
    }

    /** The form in which the token matches the term, or null. */
    private static String termForm(LangData ld, Pattern.Term term, Token tok, boolean headline) {
        String lower = tok.lower();
        List<Morphology.Analysis> analyses = null;
        for (Pattern.Alt a : term.alternatives()) {
            if (a.exact()) {
                if (lower.equals(a.word())) return ld.morphology().analyze(lower).get(0).form();
                continue;
            }
            if (analyses == null) analyses = ld.morphology().analyze(lower);
            for (Morphology.Analysis an : analyses) {
                if (!an.root().equals(a.word())) continue;
                if (headline && an.form().equals("base") && "active".equals(a.form())) return "active";
                if (a.form() == null || a.form().equals(an.form())
                        || (a.form().equals("verb") && !an.form().equals("noun"))) return an.form();
            }
        }
        return null;
    }

    // ---- one trigger → one event -------------------------------------------------------------

    private Event code(Doc doc, LangData ld, Sentence s, List<Token> toks, Match m, boolean[] absorbed) {
        String text = doc.text();
        Token trigFirst = toks.get(m.first());
        Token trigLast = toks.get(m.last());
        int tStart = trigFirst.start(), tEnd = trigLast.end();
        Quote quote = quoteAround(doc, tStart);
        int[] region = region(doc, ld, s, toks, quote, tStart, tEnd);
        Pattern p = m.pattern();

        // complement of requests, offers and refusals: not an event of its own, but it tells the mode
        String mode = p.mode();
        int complementStart = -1;
        if (p.absorb()) {
            for (int k = m.last() + 1; k < toks.size() && toks.get(k).start() < region[1]; k++) {
                if (complementStart < 0 && complementMarker(ld, toks, k)) complementStart = k;
                if (complementStart >= 0) absorbed[k] = true;
            }
            // no marker: a predicate within a few words after the trigger is the complement ("Minta Ketum
            // Parpol Nonaktifkan …", "sepakat investasi …")
            if (complementStart < 0) {
                int words = 0;
                for (int k = m.last() + 1; k < toks.size() && toks.get(k).start() < region[1] && words < 4; k++) {
                    if (!toks.get(k).isWord()) continue;
                    words++;
                    if (match(ld, toks, k, s.index() == 0) != null) {
                        complementStart = k;
                        break;
                    }
                }
                if (complementStart >= 0) {
                    Match inner = match(ld, toks, complementStart, s.index() == 0);
                    for (int k = complementStart; k <= inner.last(); k++) absorbed[k] = true;
                }
            }
            if (complementStart >= 0 && mode == null) mode = complementMode(ld, p.type(), toks, complementStart, region[1]);
        }

        List<EntityMention> ms = new ArrayList<>();
        for (EntityMention e : doc.entities())
            if (e.start() >= region[0] && e.end() <= region[1] && !(e.start() < trigFirst.end() && e.end() > tStart)) ms.add(e);

        String voice = voice(ld, toks, m);
        List<EntityMention> actors = new ArrayList<>();
        List<EntityMention> recipients = new ArrayList<>();
        EntityMention subj = nearestLeft(doc, ld, ms, tStart, toks);
        EntityMention agent = firstRight(doc, ld, ms, tEnd, Set.of("agent"), 99, toks);
        switch (voice) {
            case "passive" -> {
                if (p.slots().contains("psubj=actor")) {
                    if (subj != null) actors.add(subj);
                } else {
                    if (agent != null) actors.add(agent);
                    if (subj != null) recipients.add(subj);
                }
                if (p.slots().contains("instrument=actor") && actors.isEmpty()) {
                    EntityMention inst = instrumentCountry(doc, ms, toks, trigFirst.end());
                    if (inst != null) actors.add(inst);
                }
                if (recipients.isEmpty()) {
                    EntityMention r = firstRight(doc, ld, ms, tEnd, Set.of("recipient"), 6, toks);
                    if (r != null) recipients.add(r);
                }
            }
            case "noun" -> {
                EntityMention gen = firstRight(doc, ld, ms, tEnd, Set.of("object"), 1, toks);
                if (gen != null) actors.add(gen);
                else if (agent != null) actors.add(agent);
                else {
                    EntityMention src = firstRight(doc, ld, ms, tEnd, Set.of("source"), 99, toks);
                    if (src != null) actors.add(src);
                    else if (subj != null) actors.add(subj);
                }
                EntityMention r = firstRight(doc, ld, ms, tEnd, Set.of("recipient"), 6, toks);
                if (r != null) recipients.add(r);
            }
            default -> {
                EntityMention owner = p.slots().contains("owner=actor") ? owner(doc, ld, ms, toks, tStart, tEnd) : null;
                if (owner != null) actors.add(owner);
                else if (subj != null) actors.add(subj);
                Set<String> roles = new HashSet<>(Set.of("object", "recipient"));
                if (p.absorb()) roles.add("purpose");
                if (p.slots().contains("source=recipient")) roles.add("source");
                EntityMention r = firstRight(doc, ld, ms, tEnd, roles, 4, toks);
                if (r != null && r != owner) recipients.add(r);
            }
        }
        // implicit actor: a first-person speaker's act in a quote without a named subject
        if (actors.isEmpty() && quote != null && quote.speaker() != null && quote.direct() && subj == null) {
            // leave empty: an unnamed subject in a quote is not always the speaker
        }
        if (recipients.isEmpty() && complementStart >= 0 && hasObjectClitic(ld, toks, complementStart, region[1])) {
            EntityMention topic = topicOfPreviousSentence(doc, ld, s);
            if (topic != null && !actors.contains(topic)) recipients.add(topic);
        }
        actors = coordinate(doc, ms, actors, toks);
        recipients = coordinate(doc, ms, recipients, toks);
        recipients.removeIf(actors::contains);
        List<Actor> actorList = new ArrayList<>(actorsOf(actors));
        // "X menyatakan dukungan …": a nominal act opening reported speech is the speaker's
        if (actorList.isEmpty() && quote != null && !quote.direct() && quote.speaker() != null
                && wordsIn(toks, quote.start(), tStart) <= 1) actorList.add(quote.speaker());
        List<Actor> recipientList = actorsOf(recipients);
        // implicit actor (agentless passive, omitted subject, "massa"): the country where the act happens,
        // else the article's main country; written actors without a code take it as well
        if (actorList.stream().noneMatch(a -> a.code() != null) && (!voice.equals("noun") || p.type().equals("PROTEST"))) {
            String implicit = implicitCountry(doc, ld, ms, toks, tStart, tEnd);
            if (implicit != null) {
                List<Actor> filled = new ArrayList<>();
                for (Actor a : actorList) filled.add(new Actor(a.text(), implicit, a.sector(), a.name(), a.wikidata()));
                if (filled.isEmpty()) filled.add(new Actor(null, implicit, null, null, null));
                actorList = filled;
            }
        }
        if (actorList.isEmpty() && recipientList.isEmpty()) return null;

        // modality
        Modality modality = modality(doc, ld, toks, region, actors, tStart, tEnd, voice.equals("noun"), quote);
        // (the event's date itself is set by time.EventDater)
        // historical: a date at least two years before the article's (else the processing) year that dates the
        // act in the trigger's own clause (a date elsewhere in the sentence dates something else)
        TimeExpr own = actDate(doc, ld, toks, region, tStart, tEnd, voice.equals("active"));
        LocalDate reference = doc.referenceDate();
        // (a year reckoned back from the anchor, "20 tahun lalu", counts; a year guessed for a day and month does not)
        if (modality == Modality.ASSERTED && own != null && (!own.inferred() || "year".equals(own.precision()))
                && Integer.parseInt(own.value().substring(0, 4)) <= reference.getYear() - 2) modality = Modality.HISTORICAL;
        // future: an act dated after the article's day ("menaikkan bea masuk … mulai pekan depan"), unless the date
        // sits in a relative clause after the trigger ("dukungan kepada X, yang berencana … pada tahun 2040")
        if (modality == Modality.ASSERTED && own != null && own.start() >= tEnd && !relativeBetween(ld, toks, tEnd, own.start())
                && after(own.value(), reference)) modality = Modality.FUTURE;

        String type = p.type();
        // PLOVER: cooperative acts reported in the future tense are intentions, coded AGREE
        if (modality == Modality.FUTURE && Set.of("CONSULT", "SUPPORT", "COOPERATE", "AID").contains(type)) {
            type = "AGREE";
            mode = null;
        }
        // a conflictual act announced on a condition ("will boycott … unless …") is a forceful warning: THREATEN
        if ((modality == Modality.FUTURE || modality == Modality.HYPOTHETICAL) && THREAT_ACTS.contains(type)
                && conditional(ld, toks, region)) {
            mode = threatMode(type, mode);
            type = "THREATEN";
            modality = Modality.ASSERTED;
        }
        // a reported obligation ("X said Y must return …", "… harus menarik …," kata X) is the speaker's demand on Y
        if (quote != null && quote.speaker() != null && !type.equals("REQUEST") && cueBefore(ld.obligation(), toks, m.first(), region[0])) {
            List<Actor> obliged = new ArrayList<>();
            for (Actor a : actorList) if (!a.sameReferent(quote.speaker())) obliged.add(a);
            mode = requestMode(type);
            type = "REQUEST";
            recipientList = obliged;
            actorList = new ArrayList<>(List.of(quote.speaker()));
            modality = Modality.ASSERTED;
        }
        // a cooperative act denied for the future ("will not accept", "tidak akan menerima") is a refusal: REJECT
        if (modality == Modality.NEGATED && COOPERATIVE.contains(type) && futureCue(ld, toks, region[0], tStart)) {
            mode = requestMode(type);
            if ("change".equals(mode)) mode = null;
            type = "REJECT";
            modality = Modality.ASSERTED;
        }
        Ontology.Entry oe = ontology.entry(type, mode);
        String cameo = type.equals(p.type()) && p.cameo() != null ? p.cameo() : oe.cameo();

        Attribution attribution = quote != null && quote.speaker() != null ? Attribution.of(quote.speaker(), quote.cue()) : null;
        String trigger = text.substring(tStart, tEnd);
        EventMention mention = new EventMention(s.index(), s.start(), s.end(), doc.article().sourceOffset(s.start()),
                doc.article().sourceEndOffset(s.end()), trigger, tStart, tEnd, modality, attribution);
        double confidence = 0.35 + (actorList.stream().anyMatch(a -> a.code() != null) ? 0.25 : 0)
                + (recipientList.stream().anyMatch(a -> a.code() != null) ? 0.15 : 0)
                + (p.terms().size() > 1 ? 0.1 : 0) + (modality == Modality.ASSERTED ? 0.05 : 0);
        // contexts: the pattern's, else those CAMEO2PLOVER gives the CAMEO code of the same type
        List<String> context = p.context();
        if (context.isEmpty()) {
            Ontology.Cameo c = ontology.cameo(cameo).orElse(null);
            if (c != null && c.type().equals(type)) context = c.context();
        }
        return new Event(null, doc.article().id(), type, mode, context, cameo, oe.quad(), Ontology.cameoQuad(cameo),
                oe.score(), null, null, false, actorList, recipientList, null, Map.of(), modality,
                attribution == null ? List.of() : List.of(attribution), List.of(mention), Math.min(confidence, 0.95), null);
    }

    /**
     * The trigger's voice: the analyser's passive (di-, ter-), or a participle after a passive auxiliary
     * ("was attacked", "were reportedly detained"); a nominal form, or any form after a noun marker
     * ("the attack", "an attack"); else active.
     */
    private static String voice(LangData ld, List<Token> toks, Match m) {
        if (m.form().equals("passive")) return "passive";
        if (m.form().equals("noun")) return "noun";
        int first = m.first();
        if (!ld.passiveAux().isEmpty() && m.form().equals("active")) {
            for (int k = first - 1, words = 0; k >= 0 && words < 3; k--) {
                Token t = toks.get(k);
                if (!t.isWord()) break;
                words++;
                if (ld.passiveAux().contains(t.lower())) {
                    String w = toks.get(first).lower();
                    if (!w.endsWith("ing")) return "passive";
                    break;
                }
            }
        }
        if (first > 0 && ld.nounMarkers().contains(toks.get(first - 1).lower())) return "noun";
        return "active";
    }

    /**
     * Where a complement starts: a purpose word ("agar", "untuk", "for"), or a recipient word directly
     * before an event predicate ("urged Israel to withdraw").
     */
    private boolean complementMarker(LangData ld, List<Token> toks, int k) {
        String role = ld.preps().get(toks.get(k).lower());
        if ("purpose".equals(role)) return true;
        if (!"recipient".equals(role) || ld.passiveAux().isEmpty() || k + 1 >= toks.size()) return false;
        return match(ld, toks, k + 1) != null;
    }

    /**
     * The owner of the trigger phrase's object noun: a name right after the phrase, or a group mention that
     * begins with the phrase's last noun and goes on past it ("mengirim [pasukan Pyongyang]").
     */
    private EntityMention owner(Doc doc, LangData ld, List<EntityMention> ms, List<Token> toks, int tStart, int tEnd) {
        for (EntityMention e : doc.entities())
            if (e.start() > tStart && e.start() < tEnd && e.end() > tEnd && usable(e) && e.actor().code() != null) return e;
        return firstRight(doc, ld, ms, tEnd, Set.of("object"), 0, toks);
    }

    /**
     * The country of an implicit participant: a country named as the place of the act near the trigger,
     * else the article's main country (the code its mentions name most often, first named on a tie).
     */
    private String implicitCountry(Doc doc, LangData ld, List<EntityMention> ms, List<Token> toks, int tStart, int tEnd) {
        for (EntityMention e : ms)
            if (e.actor() != null && e.actor().code() != null && "location".equals(roleOf(doc, ld, e, toks, tStart))
                    && wordsBetween(toks, e, tStart, tEnd) <= 6) return e.actor().code();
        Map<String, Integer> count = new LinkedHashMap<>();
        for (EntityMention e : doc.entities())
            if (e.actor() != null && e.actor().code() != null && e.kind() != EntityMention.Kind.PRONOUN)
                count.merge(e.actor().code(), 1, Integer::sum);
        String best = null;
        for (Map.Entry<String, Integer> c : count.entrySet()) if (best == null || c.getValue() > count.get(best)) best = c.getKey();
        return best;
    }

    /** True if a word of the complement carries an object clitic ("mempertimbangkannya"): it points back to someone. */
    private static boolean hasObjectClitic(LangData ld, List<Token> toks, int from, int end) {
        for (int k = from; k < toks.size() && toks.get(k).start() < end; k++) {
            String w = toks.get(k).lower();
            if (ld.objectPronouns().contains(w)) return true;
            for (String c : ld.objectClitics()) if (w.length() > c.length() + 3 && w.endsWith(c)) return true;
        }
        return false;
    }

    /** The discourse topic: the first subject of the previous sentence that names an actor. */
    private EntityMention topicOfPreviousSentence(Doc doc, LangData ld, Sentence s) {
        if (s.index() == 0) return null;
        Sentence prev = doc.sentences().get(s.index() - 1);
        List<Token> toks = doc.tokensOf(prev);
        for (EntityMention e : doc.entities()) {
            if (e.start() < prev.start() || e.end() > prev.end() || !usable(e) || e.actor().code() == null) continue;
            String role = roleOf(doc, ld, e, toks, prev.end());
            if (role.equals("subject")) return e;
        }
        return null;
    }

    /** A REQUEST's mode from what is asked (PLOVER's request modes); other types keep theirs. */
    private String complementMode(LangData ld, String type, List<Token> toks, int from, int regionEnd) {
        if (!type.equals("REQUEST") && !type.equals("REJECT") && !type.equals("THREATEN")) return null;
        for (int k = from; k < toks.size() && toks.get(k).start() < regionEnd; k++) {
            Match inner = match(ld, toks, k);
            if (inner == null) continue;
            if (type.equals("THREATEN")) return threatMode(inner.pattern().type(), inner.pattern().mode());
            return switch (inner.pattern().type()) {
                case "RETREAT", "CONCEDE" -> "yield";
                case "AID", "COOPERATE" -> "assist";
                case "CONSULT" -> "meet";
                default -> null;
            };
        }
        return null;
    }

    /**
     * The THREATEN mode (the content of the threat, manual table 3.6) for a threatened act of the given
     * type and mode; null when the table has no mode for it.
     */
    static String threatMode(String type, String mode) {
        return switch (type) {
            case "ASSAULT" -> "violence";
            // sanctions, tariffs and embargoes restrict goods (table 3.6 "restrict", CAMEO 1312); breaking ties is "relations"
            case "SANCTION" -> "expel".equals(mode) ? "expel" : "discontinue".equals(mode) ? "restrict" : "relations";
            case "COERCE" -> "arrest".equals(mode) ? "arrest" : "seize".equals(mode) ? "territory"
                    : "deport".equals(mode) ? "expel" : "restrict";
            case "PROTEST" -> "restrict";
            case "MOBILIZE" -> "violence";
            default -> null;
        };
    }

    private static final Set<String> COOPERATIVE = Set.of("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT");

    /** The REQUEST (or REJECT) mode for the act asked for (manual table 3.3): yield, assist, meet, else change. */
    static String requestMode(String actType) {
        return switch (actType) {
            case "RETREAT", "CONCEDE" -> "yield";
            case "AID", "COOPERATE" -> "assist";
            case "CONSULT" -> "meet";
            default -> "change";
        };
    }

    /** True if one of the words stands at most two words before token {@code first}, inside the region. */
    private static boolean cueBefore(Set<String> words, List<Token> toks, int first, int regionStart) {
        if (words.isEmpty()) return false;
        for (int k = first - 1, n = 0; k >= 0 && n < 2 && toks.get(k).start() >= regionStart; k--) {
            if (!toks.get(k).isWord()) break;
            n++;
            if (words.contains(toks.get(k).lower())) return true;
        }
        return false;
    }

    /** True if a future cue stands between the region start and the trigger. */
    private static boolean futureCue(LangData ld, List<Token> toks, int from, int tStart) {
        for (Token t : toks) {
            if (t.start() < from || t.end() > tStart) continue;
            Cue c = ld.cues().get(t.lower());
            if (c != null && c.modality() == Modality.FUTURE) return true;
        }
        return false;
    }

    /** Conflictual acts that, announced for the future under a condition, are threats. */
    private static final Set<String> THREAT_ACTS = Set.of("SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE");

    /** True if the region holds a conditional cue ("if", "unless", "jika": scope {@code condition}). */
    private static boolean conditional(LangData ld, List<Token> toks, int[] region) {
        for (Token t : toks) {
            if (t.start() < region[0] || t.end() > region[1]) continue;
            Cue c = ld.cues().get(t.lower());
            if (c != null && c.scope().equals("condition")) return true;
        }
        return false;
    }

    private static Quote quoteAround(Doc doc, int pos) {
        Quote best = null;
        for (Quote q : doc.quotes())
            if (q.start() <= pos && pos < q.end() && (best == null || q.end() - q.start() < best.end() - best.start())) best = q;
        return best;
    }

    /** The clause around a trigger: inside its quote, or between the quotes and cues around it, cut at clause breaks. */
    private int[] region(Doc doc, LangData ld, Sentence s, List<Token> toks, Quote quote, int tStart, int tEnd) {
        int start = s.start(), end = s.end();
        if (quote != null) {
            start = Math.max(start, quote.start());
            end = Math.min(end, quote.end());
        }
        for (Quote q : doc.quotes()) {
            if (q == quote || q.end() <= s.start() || q.start() >= s.end()) continue;
            if (q.start() <= tStart && tStart < q.end()) {
                // an outer quote containing ours: nothing to cut
                continue;
            }
            if (q.end() <= tStart) start = Math.max(start, q.end());
            if (q.start() >= tEnd) end = Math.min(end, q.start());
            if (q.cueStart() >= 0) {
                if (q.cueEnd() <= tStart && q.start() < tStart) start = Math.max(start, q.cueEnd());
                if (q.cueStart() >= tEnd) end = Math.min(end, q.cueStart());
            }
        }
        for (Token t : toks) {
            if (t.start() < start || t.end() > end) continue;
            boolean brk = t.text().equals(";") || ld.breaks().contains(t.lower());
            if (!brk) continue;
            if (t.end() <= tStart) start = Math.max(start, t.end());
            else if (t.start() >= tEnd) end = Math.min(end, t.start());
        }
        return new int[] {start, end};
    }

    /** What the word before a mention makes it: a preposition's role, else subject/object by position. */
    private static String roleOf(Doc doc, LangData ld, EntityMention e, List<Token> toks, int tStart) {
        Token prev = Token.before(toks, e.start());
        if (prev != null) {
            String r = ld.preps().get(prev.lower());
            if (r != null) return r;
            // "seragam Rusia": a country right after a plain noun modifies it
            if (e.kind() == EntityMention.Kind.COUNTRY && prev.end() <= tStart && prev.isWord() && !prev.isCapitalised()
                    && !ld.stopwords().contains(prev.lower()) && !ld.cues().containsKey(prev.lower())
                    && isPlainNoun(ld, prev)) return "modifier";
        }
        return e.start() < tStart ? "subject" : "object";
    }

    /** A word the analyser reads only as a bare or nominal form (no verbal affix). */
    private static boolean isPlainNoun(LangData ld, Token t) {
        for (Morphology.Analysis a : ld.morphology().analyze(t.lower()))
            if (!a.form().equals("base") && !a.form().equals("noun")) return false;
        return !Character.isDigit(t.text().charAt(0));
    }

    private static boolean usable(EntityMention e) {
        return e.actor() != null && (e.actor().code() != null || e.actor().name() != null || e.kind() == EntityMention.Kind.GROUP);
    }

    /** The nearest subject before the trigger; a noun's country modifier only when no subject stands before it. */
    private EntityMention nearestLeft(Doc doc, LangData ld, List<EntityMention> ms, int tStart, List<Token> toks) {
        EntityMention best = null;
        EntityMention modifier = null;
        for (EntityMention e : ms) {
            if (e.end() > tStart) break;
            if (!usable(e)) continue;
            String role = roleOf(doc, ld, e, toks, tStart);
            if (role.equals("subject")) best = e;
            else if (role.equals("modifier")) modifier = e;
        }
        return best != null ? best : modifier;
    }

    /** The first usable mention after the trigger whose role is one of {@code roles}, within {@code maxWords} words. */
    private EntityMention firstRight(Doc doc, LangData ld, List<EntityMention> ms, int tEnd, Set<String> roles, int maxWords,
                                     List<Token> toks) {
        for (EntityMention e : ms) {
            if (e.start() < tEnd) continue;
            int words = 0;
            for (Token t : toks) if (t.start() >= tEnd && t.end() <= e.start() && t.isWord()) words++;
            String role = roleOf(doc, ld, e, toks, tEnd);
            if ("object".equals(role) && words > 0) {
                // an object must follow the trigger directly (only a linking word may stand between)
                Token prev = Token.before(toks, e.start());
                if (prev != null && prev.end() > tEnd && words > 1) role = "far";
            }
            if (words > maxWords) return null;
            if (!usable(e)) continue;
            if (roles.contains(role)) return e;
        }
        return null;
    }

    private static int wordsIn(List<Token> toks, int a, int b) {
        int n = 0;
        for (Token t : toks) if (t.start() >= a && t.end() <= b && t.isWord()) n++;
        return n;
    }

    private static int wordsBetween(List<Token> toks, EntityMention e, int tStart, int tEnd) {
        int a = e.start() >= tEnd ? tEnd : e.end(), b = e.start() >= tEnd ? e.start() : tStart;
        int n = 0;
        for (Token t : toks) if (t.start() >= a && t.end() <= b && t.isWord()) n++;
        return n;
    }

    /** "dilengkapi dengan seragam dan senjata Rusia": the country named inside the dengan phrase. */
    private static EntityMention instrumentCountry(Doc doc, List<EntityMention> ms, List<Token> toks, int tEnd) {
        boolean sawWith = false;
        for (Token t : toks) {
            if (t.start() < tEnd) continue;
            if (t.lower().equals("dengan") || t.lower().equals("with")) sawWith = true;
            if (!sawWith) continue;
            for (EntityMention e : ms)
                if (e.start() == t.start() && e.kind() == EntityMention.Kind.COUNTRY) return e;
        }
        return null;
    }

    private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("\\s+");

    /** Adds the mentions coordinated with the chosen ones ("AS dan Korsel", "AS-Korsel", "Washington dan Kyiv"). */
    private static List<EntityMention> coordinate(Doc doc, List<EntityMention> ms, List<EntityMention> chosen, List<Token> toks) {
        if (chosen.isEmpty()) return chosen;
        List<EntityMention> out = new ArrayList<>(chosen);
        String text = doc.text();
        for (EntityMention c : chosen) {
            int idx = ms.indexOf(c);
            for (int dir : new int[] {-1, 1}) {
                EntityMention cur = c;
                for (int k = idx + dir; k >= 0 && k < ms.size(); k += dir) {
                    EntityMention n = ms.get(k);
                    int a = dir < 0 ? n.end() : cur.end(), b = dir < 0 ? cur.start() : n.start();
                    if (b < a) break;
                    String gap = text.substring(a, b).strip().toLowerCase(Locale.ROOT);
                    if (gap.isEmpty()) break;
                    String[] gapWords = BLANKS.split(gap);
                    if (!COORD.contains(gapWords[0]) || gapWords.length > 2) break;
                    if (!usable(n)) break;
                    if (!out.contains(n)) out.add(n);
                    cur = n;
                }
            }
        }
        out.sort((x, y) -> Integer.compare(x.start(), y.start()));
        return out;
    }

    private static List<Actor> actorsOf(List<EntityMention> ms) {
        List<Actor> out = new ArrayList<>();
        for (EntityMention m : ms) {
            Actor a = m.actor();
            Actor withText = new Actor(m.text(), a.code(), a.sector(), a.name(), a.wikidata());
            boolean dup = false;
            for (Actor o : out) if (o.sameReferent(withText)) dup = true;
            if (!dup) out.add(withText);
        }
        return out;
    }

    private Modality modality(Doc doc, LangData ld, List<Token> toks, int[] region, List<EntityMention> actors, int tStart,
                              int tEnd, boolean nounTrigger, Quote quote) {
        int windowStart = region[0];
        for (EntityMention a : actors) if (a.end() <= tStart) windowStart = Math.max(windowStart, a.end());
        Set<Modality> found = new HashSet<>();
        List<Token> before = new ArrayList<>();
        for (Token t : toks) if (t.start() >= region[0] && t.end() <= tStart) before.add(t);
        for (int k = 0; k < before.size(); k++) {
            Token t = before.get(k);
            Cue c = ld.cues().get(t.lower());
            if (c == null) continue;
            boolean applies = switch (c.scope()) {
                case "clause", "condition" -> true;
                case "pre" -> t.start() >= windowStart;
                default -> t.start() >= windowStart && before.size() - k <= 2;
            };
            if (applies) found.add(c.modality());
        }
        // "aksi unjuk rasa akan digelar": the predicate after a nominal trigger carries its modality; so does a
        // cue followed by an occurrence verb after any trigger ("unjuk rasa akan digelar", "demo batal berlangsung")
        List<Token> after = new ArrayList<>();
        for (Token t : toks) if (t.start() >= tEnd && t.end() <= region[1]) after.add(t);
        for (int k = 0; k < after.size() && k < 3; k++) {
            Cue c = ld.cues().get(after.get(k).lower());
            if (c == null || !c.scope().equals("pre")) continue;
            boolean occurs = k + 1 < after.size() && ld.occurrence().contains(after.get(k + 1).lower());
            if (nounTrigger || occurs) found.add(c.modality());
        }
        if (quote != null && quote.modality() != null) found.add(Modality.parse(quote.modality()));
        for (Modality m : List.of(Modality.NEGATED, Modality.HYPOTHETICAL, Modality.FUTURE)) if (found.contains(m)) return m;
        return Modality.ASSERTED;
    }

    /** A calendar value: year, year and month, or day. */
    private static final java.util.regex.Pattern CALENDAR_VALUE = java.util.regex.Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    /**
     * The date that places the act of the trigger ending at {@code tEnd} in the region: the first that is not a
     * bare year in a noun phrase ("selaku bupati 2010-2015", "masa jabatan 2012-2017": a bare year counts only
     * after a time preposition or right after the trigger), not part of a numbered document ("Perpres No 9 Tahun
     * 2012") and not the start of a span that runs up to now ("pada tahun 2012 hingga kini").
     */
    private static TimeExpr actDate(Doc doc, LangData ld, List<Token> toks, int[] region, int tStart, int tEnd,
                                    boolean active) {
        TimeExpr tenure = null;
        for (TimeExpr t : doc.times()) {
            if (t.start() < region[0] || t.end() > region[1] || !"DATE".equals(t.type()) || t.value() == null
                    || !CALENDAR_VALUE.matcher(t.value()).matches()) continue;
            Token prev = Token.before(toks, t.start());
            if (prev != null && Character.isDigit(prev.text().charAt(0))) continue;
            boolean bareYear = t.text().chars().allMatch(Character::isDigit);
            boolean marked = prev != null && "time".equals(ld.preps().get(prev.lower()));
            boolean adjacent = t.start() >= tEnd && doc.text().substring(tEnd, t.start()).isBlank();
            if (runsToNow(doc, toks, t)) continue;
            if (bareYear && !marked && !adjacent) {
                // the years of the subject's office ("X selaku bupati 2010-2015 meminta …") date what the
                // subject did in it: the latest of them, before an active trigger only
                if (active && t.end() <= tStart && (tenure == null || t.value().compareTo(tenure.value()) > 0)) tenure = t;
                continue;
            }
            return t;
        }
        return tenure;
    }

    /** True if a relativizer ("yang") stands between two offsets. */
    private static boolean relativeBetween(LangData ld, List<Token> toks, int from, int to) {
        for (Token k : toks) if (k.start() >= from && k.end() <= to && ld.relativizers().contains(k.lower())) return true;
        return false;
    }

    /** True if a date (YYYY, YYYY-MM or YYYY-MM-DD) lies wholly after the given day. */
    static boolean after(String value, LocalDate day) {
        String ref = day.toString().substring(0, value.length());
        return value.compareTo(ref) > 0;
    }

    /** True if a reference to the present ("sekarang", "kini") follows the date within three words. */
    private static boolean runsToNow(Doc doc, List<Token> toks, TimeExpr t) {
        int words = 0;
        for (Token k : toks) {
            if (k.start() < t.end()) continue;
            for (TimeExpr o : doc.times()) if (o.start() == k.start() && "PRESENT_REF".equals(o.value())) return true;
            if (++words >= 3) break;
        }
        return false;
    }

    private static TimeExpr dateIn(Doc doc, int start, int end) {
        for (TimeExpr t : doc.times())
            if (t.start() >= start && t.end() <= end && "DATE".equals(t.type()) && t.value() != null
                    && t.value().matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) return t;
        return null;
    }
}
