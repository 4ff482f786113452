package org.warta.quote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.warta.lang.LanguagePack;
import org.warta.lang.Languages;
import org.warta.lang.TsvTable;
import org.warta.model.Actor;
import org.warta.model.Doc;
import org.warta.model.EntityMention;
import org.warta.model.Quote;
import org.warta.model.Sentence;
import org.warta.model.Token;
import org.warta.pipeline.Stage;

/**
 * Reported speech and who says it: direct quotes framed by a cue after them ({@code “…,” kata X}) or
 * before them ({@code X mengatakan, “…”}), indirect speech ({@code X mengatakan bahwa …}, with the
 * speaker found across a relative clause: {@code X, yang mengatakan bahwa …}) and {@code menurut X, …}.
 * First-person pronouns inside a direct quote become the speaker.
 */
public final class QuoteAttributor implements Stage {
    private record Cue(String position, String modality) {}

    /** {@code beforeCues}: the before-cues of forms that are after-cues as well, by form (the "#before" keys of {@code cues}). */
    private record LangData(Map<String, Cue> cues, Map<String, Cue> beforeCues, Set<String> complementizers, Set<String> firstPerson,
                            Set<String> preps) {
        /** The cue of a form as a before-cue or according-cue when it is one, else as whatever cue it is, or null. */
        Cue beforeCue(String lower) {
            Cue cue = cues.get(lower);
            if (cue == null || cue.position().equals("after")) cue = beforeCues.get(lower);
            return cue;
        }
    }

    /** The most words a speaker phrase after a cue may have ("kata Kepala Dinas … Budi Santoso"). */
    private static final int SPEAKER_WORDS = 12;

    private final Map<String, LangData> langs = new HashMap<>();

    public QuoteAttributor(Languages languages) {
        for (String code : languages.codes()) {
            LanguagePack p = languages.get(code);
            Map<String, Cue> cues = new HashMap<>();
            for (TsvTable.Row r : p.rows("speech-verbs.tsv")) {
                String pos = r.required("position");
                if (!Set.of("after", "before", "according").contains(pos))
                    throw r.error("position must be after, before or according: " + pos);
                String mod = r.required("modality");
                String key = r.required("form").toLowerCase(Locale.ROOT);
                // a form may be both an after- and a before-cue ("said"): keep both by suffixing the key
                cues.put(cues.containsKey(key) ? key + "#" + pos : key, new Cue(pos, mod.equals("-") ? null : mod));
            }
            Set<String> comp = new HashSet<>();
            for (String w : p.words("complementizers.txt")) comp.add(w.toLowerCase(Locale.ROOT));
            Set<String> first = new HashSet<>();
            for (TsvTable.Row r : p.rows("pronouns.tsv"))
                if (r.required("person").equals("1")) first.add(r.required("form").toLowerCase(Locale.ROOT));
            // a speaker phrase after a cue ends at a preposition ("kata X kepada wartawan", "kata X di Jakarta")
            Set<String> preps = new HashSet<>();
            for (TsvTable.Row r : p.rows("prepositions.tsv")) preps.add(r.required("word").toLowerCase(Locale.ROOT));
            for (String w : p.words("clause-breaks.txt")) preps.add(w.toLowerCase(Locale.ROOT)); // "ujar X saat ditemui"
            Map<String, Cue> before = new HashMap<>();
            cues.forEach((k, v) -> {
                if (k.endsWith("#before")) before.put(k.substring(0, k.length() - "#before".length()), v);
            });
            langs.put(code, new LangData(cues, before, comp, first, preps));
        }
    }

    private static boolean isOpenQuote(String s) {
        return s.equals("“") || s.equals("\"") || s.equals("«") || s.equals("„");
    }

    private static boolean isCloseQuote(String s) {
        return s.equals("”") || s.equals("\"") || s.equals("»");
    }

    @Override
    public void process(Doc doc) {
        String l = doc.article().language();
        LangData ld = langs.getOrDefault(l == null ? "id" : l, langs.get("id"));
        List<EntityMention> ms = new ArrayList<>(doc.entities());
        for (Sentence s : doc.sentences()) {
            List<Token> toks = doc.tokensOf(s);
            List<int[]> directSpans = new ArrayList<>();
            // 1. direct quotes
            int open = -1;
            for (int i = 0; i < toks.size(); i++) {
                String t = toks.get(i).text();
                boolean straight = t.equals("\"");
                if (open < 0 && (t.equals("“") || (straight && i + 1 < toks.size() && toks.get(i + 1).start() == toks.get(i).end()))
                        && !t.equals("”")) {
                    open = i;
                } else if (isCloseQuote(t) && (open >= 0 || directSpans.isEmpty())) {
                    int cStart = open >= 0 ? toks.get(open).end() : (i > 0 ? toks.get(0).start() : -1);
                    int cEnd = toks.get(i).start();
                    if (cStart >= 0 && cEnd > cStart) {
                        directSpans.add(new int[] {cStart, cEnd});
                        Quote q = frameAfter(doc, ld, ms, toks, i + 1, cStart, cEnd);
                        if (q == null && open > 0) q = frameBefore(doc, ld, ms, toks, open, cStart, cEnd);
                        if (q == null) q = new Quote(cStart, cEnd, -1, -1, null, null, -1, -1, -1, true, null);
                        doc.addQuote(q);
                        if (q.speaker() != null) speakerPronouns(ms, ld, q);
                    }
                    open = -1;
                }
            }
            // 2. indirect speech outside direct quotes
            for (int i = 0; i < toks.size(); i++) {
                Token t = toks.get(i);
                if (insideSpans(directSpans, t.start())) continue;
                Cue cue = ld.beforeCue(t.lower());
                if (cue == null) continue;
                if (cue.position().equals("before")) {
                    EntityMention sp = speakerBefore(doc, ms, toks, i);
                    int c = i + 1;
                    while (c < toks.size() && (toks.get(c).text().equals(",") || ld.complementizers().contains(toks.get(c).lower()))) c++;
                    if (c >= toks.size()) continue;
                    int cStart = toks.get(c).start();
                    int cEnd = s.end();
                    if (isOpenQuote(toks.get(c).text())) continue; // a direct quote follows: handled above
                    doc.addQuote(new Quote(cStart, cEnd, t.start(), t.end(), t.text(), sp == null ? null : sp.actor(),
                            sp == null ? -1 : sp.start(), sp == null ? -1 : sp.end(), sp == null ? -1 : ms.indexOf(sp), false,
                            cue.modality()));
                } else if (cue.position().equals("according")) {
                    EntityMention sp = mentionStartingAt(ms, i + 1 < toks.size() ? toks.get(i + 1).start() : -1);
                    if (sp == null && i + 2 < toks.size()) sp = mentionStartingAt(ms, toks.get(i + 2).start()); // "according to X"
                    if (sp == null) continue;
                    int cStart, cEnd;
                    boolean atStart = i == 0 || (i <= 2 && !toks.get(0).isWord());
                    if (atStart || i < toks.size() / 2) {
                        int comma = sp.end();
                        int k = i + 1;
                        while (k < toks.size() && !(toks.get(k).start() >= sp.end() && toks.get(k).text().equals(","))) k++;
                        comma = k < toks.size() ? toks.get(k).end() : sp.end();
                        cStart = comma;
                        cEnd = s.end();
                    } else {
                        cStart = s.start();
                        cEnd = t.start();
                    }
                    doc.addQuote(new Quote(cStart, cEnd, t.start(), t.end(), t.text(), sp.actor(), sp.start(), sp.end(),
                            ms.indexOf(sp), false, cue.modality()));
                }
            }
        }
        doc.setEntities(ms);
    }

    private static boolean insideSpans(List<int[]> spans, int pos) {
        for (int[] sp : spans) if (sp[0] <= pos && pos < sp[1]) return true;
        return false;
    }

    private static EntityMention mentionStartingAt(List<EntityMention> ms, int pos) {
        for (EntityMention m : ms) if (m.start() == pos) return m;
        return null;
    }

    /**
     * "…," kata X — cue right after the closing quote (and an optional comma). The speaker phrase runs from
     * the cue to the first punctuation or preposition ("kata Nazar kepada wartawan" → "Nazar"); an office
     * followed by its holder's name ("kata Kapolres … Kombes Budi Santoso") is the named person; a cue with
     * "-nya" ("katanya") is the speaker last quoted, or a person named since outside quotes.
     */
    private Quote frameAfter(Doc doc, LangData ld, List<EntityMention> ms, List<Token> toks, int from, int cStart, int cEnd) {
        int i = from;
        while (i < toks.size() && toks.get(i).text().equals(",")) i++;
        if (i >= toks.size()) return null;
        Token cueTok = toks.get(i);
        Cue cue = ld.cues().get(cueTok.lower());
        if (cue == null || !cue.position().equals("after")) return null;
        // "katanya": the clitic is the speaker, whatever follows ("katanya kepada wartawan", "ujarnya saat …")
        String lower = cueTok.lower();
        if (lower.endsWith("nya") && ld.cues().containsKey(lower.substring(0, lower.length() - 3)))
            return previousSpeaker(doc, ms, cueTok, cStart, cEnd, cue);
        int last = i; // the last token of the speaker phrase
        for (int k = i + 1; k < toks.size() && k <= i + SPEAKER_WORDS && toks.get(k).isWord()
                && !ld.preps().contains(toks.get(k).lower()); k++) last = k;
        if (last == i) {
            return new Quote(cStart, cEnd, cueTok.start(), cueTok.end(), cueTok.text(), null, -1, -1, -1, true, cue.modality());
        }
        int pStart = toks.get(i + 1).start(), pEnd = toks.get(last).end();
        EntityMention sp = mentionStartingAt(ms, pStart);
        // the holder named after the office: the last named person inside the phrase
        for (EntityMention m : ms)
            if (m.start() > pStart && m.end() <= pEnd && m.kind() == EntityMention.Kind.PERSON && m.actor() != null
                    && m.actor().name() != null) sp = m;
        if (sp != null) {
            return new Quote(cStart, cEnd, cueTok.start(), cueTok.end(), cueTok.text(), sp.actor(), sp.start(), sp.end(),
                    ms.indexOf(sp), true, cue.modality());
        }
        // a speaker the recogniser did not find: the phrase, named by its capitalised tail
        Actor a = unknownSpeaker(doc, ms, toks, i + 1, last);
        return new Quote(cStart, cEnd, cueTok.start(), cueTok.end(), cueTok.text(), a, pStart, pEnd, -1, true, cue.modality());
    }

    /**
     * An unrecognised speaker phrase (tokens {@code first..last}). After a known body inside it, the capitalised
     * words that end the phrase are the person's name, serving that body ("Deputi Penindakan KPK Budi Santoso");
     * a phrase of capitalised words only is a short form of a longer name used earlier in the article ("Budi"
     * after "Budi Santoso Wijaya"), which is then its name.
     */
    static Actor unknownSpeaker(Doc doc, List<EntityMention> ms, List<Token> toks, int first, int last) {
        String text = doc.text();
        int pStart = toks.get(first).start(), pEnd = toks.get(last).end();
        String phrase = text.substring(pStart, pEnd);
        EntityMention body = null;
        for (EntityMention m : ms) if (m.start() >= pStart && m.end() < pEnd && m.actor() != null) body = m;
        if (body != null) {
            int k = last;
            while (k >= first && toks.get(k).start() >= body.end() && toks.get(k).isCapitalised()) k--;
            if (k < last && toks.get(k + 1).start() >= body.end() && k + 1 < last + 1 && last - k >= 2) {
                String name = text.substring(toks.get(k + 1).start(), pEnd);
                return new Actor(phrase, body.actor().code(), body.actor().sector(), name, null);
            }
        }
        for (int k = first; k <= last; k++) if (!toks.get(k).isCapitalised()) return new Actor(phrase, null, null, null, null);
        // the first longer use of the same capitalised words: "Budi" → "Budi Santoso Wijaya"
        int[] use = longerUse(text, phrase, pStart);
        if (use != null) {
            String full = text.substring(use[0], use[1]);
            String code = null, sector = null;
            for (EntityMention m : ms)
                if (m.start() >= use[0] && m.end() <= use[1] && m.actor() != null && m.actor().code() != null) {
                    code = m.actor().code();
                    sector = m.actor().sector();
                }
            return new Actor(phrase, code, sector, full, null);
        }
        return new Actor(phrase, null, null, null, null);
    }

    private static final java.util.regex.Pattern NO_WORD_BEFORE = java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])");
    private static final java.util.regex.Pattern MORE_CAPITALISED = java.util.regex.Pattern.compile("(?:[ \\t]+\\p{Lu}[\\p{L}\\p{N}'-]*)+");

    /**
     * The first use, starting before {@code before}, of the phrase followed by more capitalised words, as
     * {start, end}; or null. The first match of {@link #longerUsePattern} that {@code find()} gives, found
     * without compiling it: at each occurrence of the phrase, its two other parts are tried in turn.
     */
    static int[] longerUse(String text, String phrase, int before) {
        if (phrase.isEmpty() || phrase.chars().anyMatch(c -> Character.isSurrogate((char) c))) { // the pattern itself
            java.util.regex.Matcher m = longerUsePattern(phrase).matcher(text);
            return m.find() && m.start() < before ? new int[] {m.start(), m.end()} : null;
        }
        java.util.regex.Matcher lb = NO_WORD_BEFORE.matcher(text), more = MORE_CAPITALISED.matcher(text);
        int n = text.length();
        for (int s = text.indexOf(phrase); s >= 0 && s < before; s = text.indexOf(phrase, s + 1)) {
            lb.region(s, n).useTransparentBounds(true).useAnchoringBounds(false);
            if (!lb.lookingAt()) continue;
            more.region(s + phrase.length(), n).useTransparentBounds(true).useAnchoringBounds(false);
            if (more.lookingAt()) return new int[] {s, more.end()};
        }
        return null;
    }

    /** The phrase, not after a letter or digit, followed by more capitalised words (the reference of {@link #longerUse}). */
    static java.util.regex.Pattern longerUsePattern(String phrase) {
        return java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(phrase)
                + "((?:[ \\t]+\\p{Lu}[\\p{L}\\p{N}'-]*)+)");
    }

    /**
     * The speaker of a bare "katanya"/"tambahnya": the last quote's speaker, unless a person is named after
     * it outside quotes; quoted words never name the speaker.
     */
    private static Quote previousSpeaker(Doc doc, List<EntityMention> ms, Token cueTok, int cStart, int cEnd, Cue cue) {
        Quote last = null;
        for (Quote q : doc.quotes()) if (q.speaker() != null && q.cueStart() >= 0 && q.cueStart() < cueTok.start()) last = q;
        EntityMention person = null;
        for (EntityMention m : ms) {
            if (m.start() >= cueTok.start()) break;
            if (m.kind() != EntityMention.Kind.PERSON || m.actor() == null || (m.start() >= cStart && m.end() <= cEnd)) continue;
            if (insideDirect(doc, m.start())) continue;
            if (last == null || m.start() > Math.max(last.speakerStart(), last.cueStart())) person = m;
        }
        if (person != null)
            return new Quote(cStart, cEnd, cueTok.start(), cueTok.end(), cueTok.text(), person.actor(), person.start(), person.end(),
                    ms.indexOf(person), true, cue.modality());
        if (last != null)
            return new Quote(cStart, cEnd, cueTok.start(), cueTok.end(), cueTok.text(), last.speaker(), last.speakerStart(),
                    last.speakerEnd(), last.speakerMention(), true, cue.modality());
        return new Quote(cStart, cEnd, cueTok.start(), cueTok.end(), cueTok.text(), null, -1, -1, -1, true, cue.modality());
    }

    private static boolean insideDirect(Doc doc, int pos) {
        for (Quote q : doc.quotes()) if (q.direct() && q.start() <= pos && pos < q.end()) return true;
        return false;
    }

    /** X mengatakan, "…" — a before-cue just before the opening quote. */
    private Quote frameBefore(Doc doc, LangData ld, List<EntityMention> ms, List<Token> toks, int open, int cStart, int cEnd) {
        int i = open - 1;
        while (i >= 0 && (toks.get(i).text().equals(",") || toks.get(i).text().equals(":"))) i--;
        if (i < 0) return null;
        Token cueTok = toks.get(i);
        Cue cue = ld.beforeCue(cueTok.lower());
        EntityMention sp;
        if (cue == null) {
            // "X: “…”"
            if (!toks.get(open - 1).text().equals(":")) return null;
            sp = latestMentionBefore(ms, toks.get(open - 1).start(), toks.get(0).start());
            if (sp == null) return null;
            return new Quote(cStart, cEnd, -1, -1, ":", sp.actor(), sp.start(), sp.end(), ms.indexOf(sp), true, null);
        }
        sp = speakerBefore(doc, ms, toks, i);
        return new Quote(cStart, cEnd, cueTok.start(), cueTok.end(), cueTok.text(), sp == null ? null : sp.actor(),
                sp == null ? -1 : sp.start(), sp == null ? -1 : sp.end(), sp == null ? -1 : ms.indexOf(sp), true, cue.modality());
    }

    /**
     * The speaker of a before-cue at token {@code cue}: the nearest mention to its left in the sentence,
     * jumping over a relative clause set off by commas ("Kim, yang berbicara …, mengatakan") and taking the
     * head of "X, yang mengatakan" when the cue itself is in a relative clause.
     */
    private EntityMention speakerBefore(Doc doc, List<EntityMention> ms, List<Token> toks, int cue) {
        int sentStart = toks.get(0).start();
        int limit = toks.get(cue).start();
        int k = cue - 1;
        if (k >= 0 && toks.get(k).lower().equals("yang")) {
            int j = k - 1;
            if (j >= 0 && toks.get(j).text().equals(",")) j--;
            return j >= 0 ? latestMentionBefore(ms, toks.get(j).end(), sentStart) : null;
        }
        // ", yang … ," right before the cue: skip it
        if (k >= 0 && toks.get(k).text().equals(",")) {
            for (int j = k - 1; j > 0; j--) {
                if (toks.get(j).lower().equals("yang") && toks.get(j - 1).text().equals(",")) {
                    limit = toks.get(j - 1).start();
                    break;
                }
                if (toks.get(j).text().equals(",")) break;
            }
        }
        // the subject: the nearest mention before the cue that is not a prepositional object
        return latestMentionBefore(ms, limit, sentStart);
    }

    private static EntityMention latestMentionBefore(List<EntityMention> ms, int pos, int notBefore) {
        EntityMention best = null;
        for (EntityMention m : ms) {
            if (m.end() > pos || m.start() < notBefore) continue;
            if (m.kind() == EntityMention.Kind.PRONOUN && m.actor() == null && !"1sg".equals(m.office()) && !"1pl".equals(m.office())) continue;
            best = m;
        }
        return best;
    }

    /** First-person pronouns inside the quote stand for its speaker. */
    private static void speakerPronouns(List<EntityMention> ms, LangData ld, Quote q) {
        for (int i = 0; i < ms.size(); i++) {
            EntityMention m = ms.get(i);
            if (m.kind() == EntityMention.Kind.PRONOUN && m.start() >= q.start() && m.end() <= q.end()
                    && ld.firstPerson().contains(m.text().toLowerCase(Locale.ROOT))) {
                Actor a = q.speaker();
                ms.set(i, m.withActor(new Actor(m.text(), a.code(), a.sector(), a.name(), a.wikidata()), q.speakerMention()));
            }
        }
    }
}
