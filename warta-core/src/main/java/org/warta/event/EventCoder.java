package org.warta.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

    private record LangData(List<Pattern> patterns, Morphology morphology, Map<String, Cue> cues,
                            Map<String, String> preps, Set<String> breaks, Set<String> stopwords,
                            Set<String> objectClitics, Set<String> objectPronouns, Set<String> demonstratives,
                            Set<String> occurrence) {}

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
            if (!Set.of("pre", "clause", "near").contains(scope)) throw r.error("scope must be pre, clause or near");
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
        return new LangData(patterns, new Morphology(p, roots), cues, preps, breaks, lower(p.words("stopwords.txt")),
                lower(p.words("object-clitics.txt")), lower(p.words("object-pronouns.txt")),
                lower(p.words("demonstratives.txt")), lower(p.words("occurrence-verbs.txt")));
    }

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
    private static final LangData NO_BREAKS = new LangData(List.of(), null, Map.of(), Map.of(), Set.of(), Set.of(), Set.of(),
            Set.of(), Set.of(), Set.of());

    @Override
    public void process(Doc doc) {
        String l = doc.article().language();
        LangData ld = langs.getOrDefault(l == null ? "id" : l, langs.get("id"));
        List<Event> out = new ArrayList<>();
        boolean[] inName = insideNames(doc);
        for (Sentence s : doc.sentences()) {
            List<Token> toks = doc.tokensOf(s);
            boolean[] absorbed = new boolean[toks.size()];
            for (int i = 0; i < toks.size(); i++) {
                if (absorbed[i] || !toks.get(i).isWord() || inName[toks.get(i).index()]) continue;
                Match m = match(ld, toks, i);
                if (m == null) continue;
                if (s.index() > 0 && i > 0 && toks.get(i).isCapitalised() && toks.get(i - 1).isWord()) continue; // inside a name
                if (m.form().equals("noun") && anaphoric(ld, toks, m.last())) continue;
                Event e = code(doc, ld, s, toks, m, absorbed);
                if (e != null) out.add(e);
                i = m.last();
            }
        }
        for (Event e : out) doc.addEvent(e);
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
        if (last + 1 >= toks.size() || !ld.demonstratives().contains(toks.get(last + 1).lower())) return false;
        for (int k = last + 2; k < toks.size() && k <= last + 5; k++)
            if (ld.occurrence().contains(toks.get(k).lower()) || "agent".equals(ld.preps().get(toks.get(k).lower()))) return false;
        return true;
    }

    // ---- trigger matching ---------------------------------------------------------------------

    private Match match(LangData ld, List<Token> toks, int i) {
        for (Pattern p : ld.patterns()) {
            String form = termForm(ld, p.terms().get(0), toks.get(i));
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
                    if (termForm(ld, t, toks.get(q)) != null) {
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
    private static String termForm(LangData ld, Pattern.Term term, Token tok) {
        String lower = tok.lower();
        for (Pattern.Alt a : term.alternatives()) {
            if (a.exact()) {
                if (lower.equals(a.word())) return ld.morphology().analyze(lower).get(0).form();
                continue;
            }
            for (Morphology.Analysis an : ld.morphology().analyze(lower)) {
                if (!an.root().equals(a.word())) continue;
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
                if ("purpose".equals(ld.preps().get(toks.get(k).lower())) && complementStart < 0) complementStart = k;
                if (complementStart >= 0) absorbed[k] = true;
            }
            if (complementStart >= 0 && mode == null) mode = complementMode(ld, p.type(), toks, complementStart, region[1]);
        }

        List<EntityMention> ms = new ArrayList<>();
        for (EntityMention e : doc.entities())
            if (e.start() >= region[0] && e.end() <= region[1] && !(e.start() < trigFirst.end() && e.end() > tStart)) ms.add(e);

        String voice = m.form().equals("passive") ? "passive" : m.form().equals("noun") ? "noun" : "active";
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
                if (subj != null) actors.add(subj);
                Set<String> roles = new HashSet<>(Set.of("object", "recipient"));
                if (p.absorb()) roles.add("purpose");
                if (p.slots().contains("source=recipient")) roles.add("source");
                EntityMention r = firstRight(doc, ld, ms, tEnd, roles, 4, toks);
                if (r != null) recipients.add(r);
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
        if (actorList.isEmpty() && recipientList.isEmpty()) return null;

        // modality
        Modality modality = modality(doc, ld, toks, region, actors, tStart, tEnd, voice.equals("noun"), quote);
        String type = p.type();
        // PLOVER: cooperative acts reported in the future tense are intentions, coded AGREE
        if (modality == Modality.FUTURE && Set.of("CONSULT", "SUPPORT", "COOPERATE", "AID").contains(type)) {
            type = "AGREE";
            mode = null;
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
        return new Event(null, doc.article().id(), type, mode, p.context(), cameo, oe.quad(), Ontology.cameoQuad(cameo),
                oe.score(), null, null, false, actorList, recipientList, null, Map.of(), modality,
                attribution == null ? List.of() : List.of(attribution), List.of(mention), Math.min(confidence, 0.95), null);
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
        if (!type.equals("REQUEST") && !type.equals("REJECT")) return null;
        for (int k = from; k < toks.size() && toks.get(k).start() < regionEnd; k++) {
            Match inner = match(ld, toks, k);
            if (inner == null) continue;
            return switch (inner.pattern().type()) {
                case "RETREAT", "CONCEDE" -> "yield";
                case "AID", "COOPERATE" -> "assist";
                case "CONSULT" -> "meet";
                default -> null;
            };
        }
        return null;
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
                    if (gap.isEmpty() || !COORD.contains(gap.split("\\s+")[0]) || gap.split("\\s+").length > 2) break;
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
                case "clause" -> true;
                case "pre" -> t.start() >= windowStart;
                default -> t.start() >= windowStart && before.size() - k <= 2;
            };
            if (applies) found.add(c.modality());
        }
        if (nounTrigger) {
            // "aksi unjuk rasa akan digelar": the predicate after a nominal trigger carries its modality
            int seen = 0;
            for (Token t : toks) {
                if (t.start() < tEnd || t.end() > region[1]) continue;
                if (++seen > 3) break;
                Cue c = ld.cues().get(t.lower());
                if (c != null && c.scope().equals("pre")) found.add(c.modality());
            }
        }
        if (quote != null && quote.modality() != null) found.add(Modality.parse(quote.modality()));
        for (Modality m : List.of(Modality.NEGATED, Modality.HYPOTHETICAL, Modality.FUTURE)) if (found.contains(m)) return m;
        return Modality.ASSERTED;
    }
}
