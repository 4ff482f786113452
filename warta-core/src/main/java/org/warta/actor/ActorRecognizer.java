package org.warta.actor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.warta.kb.KnowledgeBase;
import org.warta.kb.KnowledgeBase.NameKind;
import org.warta.lang.LanguagePack;
import org.warta.lang.Languages;
import org.warta.lang.TsvTable;
import org.warta.model.Actor;
import org.warta.model.Doc;
import org.warta.model.EntityMention;
import org.warta.model.EntityMention.Kind;
import org.warta.model.Token;
import org.warta.ner.Chunk;
import org.warta.ner.GazetteerLabels;
import org.warta.ner.NameTagger;
import org.warta.ner.NameTaggers;
import org.warta.ner.NerTypes;
import org.warta.pipeline.Stage;

/**
 * Finds who the text names: countries and their capitals and seats, organisations, people of the
 * knowledge base, group noun phrases ("tentara Korut" → PRK MIL), role phrases that give a person a
 * country and sector ("duta besar Ukraina untuk PBB Sergiy Kyslytsya" → UKR GOV) and pronouns (resolved
 * later by {@link CorefResolver}). Names the knowledge base does not list are found by the statistical
 * {@link NameTagger} (languages with a model) or by capitalisation cues (the others): they are kept as
 * people, organisations and places with their text and whatever country and sector the context gives
 * (an office before a name, a sector word such as "Universitas" or "Party" inside an organisation's name,
 * offices that exist only in one country such as "bupati").
 */
public final class ActorRecognizer implements Stage {
    /** Office id of counterpart words ("mitranya"): their sector comes from the person they stand beside. */
    public static final String RELATIONAL = "counterpart";
    private final KnowledgeBase kb;
    private final Gazetteer gazetteer;
    private final Map<String, LangData> langs = new HashMap<>();
    private final NameTaggers taggers;
    /** {@code String.split} patterns, compiled once (split compiles a pattern of more than one char on every call). */
    private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("\\s+"),
            NON_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    /** An organisation-name word ("universitas") with the sector it gives and the country it implies (or null). */
    record OrgHead(String sector, String country) {}

    /** The words the recogniser needs from a language pack. */
    record LangData(Map<String, String[]> pronouns, Set<String> modifierHeads, Set<String> relational,
                    Set<String> roleLinks, Set<String> nameParticles, Set<String> numberWords,
                    Map<String, OrgHead> orgHeads, Map<String, String> domesticOffices, Set<String> honorifics,
                    Set<String> namedAfterHeads, boolean tagged) {
        static LangData load(LanguagePack p) {
            Map<String, String[]> pronouns = new HashMap<>();
            for (TsvTable.Row r : p.rows("pronouns.tsv")) {
                String person = r.required("person");
                String number = r.required("number");
                if (!person.matches("[123]")) throw r.error("person must be 1, 2 or 3");
                if (!number.matches("sg|pl|any")) throw r.error("number must be sg, pl or any");
                pronouns.put(r.required("form").toLowerCase(Locale.ROOT), new String[] {person, number});
            }
            Map<String, OrgHead> heads = new HashMap<>();
            for (TsvTable.Row r : p.rows("organisation-heads.tsv")) {
                String sector = r.required("sector");
                if (!KnowledgeBase.SECTORS.contains(sector)) throw r.error("unknown sector '" + sector + "'");
                String country = r.required("country");
                if (!country.equals("-") && !country.matches("[A-Z]{3}")) throw r.error("country must be a code or -: " + country);
                heads.put(r.required("word").toLowerCase(Locale.ROOT), new OrgHead(sector, country.equals("-") ? null : country));
            }
            Map<String, String> domestic = new HashMap<>();
            for (TsvTable.Row r : p.rows("domestic-offices.tsv")) {
                String country = r.required("country");
                if (!country.matches("[A-Z]{3}")) throw r.error("country must be a three-letter code: " + country);
                domestic.put(r.required("office"), country);
            }
            return new LangData(pronouns, lower(p.words("modifier-heads.txt")), lower(p.words("relational.txt")),
                    lower(p.words("role-links.txt")), lower(p.words("name-particles.txt")),
                    lower(p.words("quantity-words.txt")), heads, domestic, lower(p.words("honorifics.txt")),
                    p.has("named-after-heads.txt") ? lower(p.words("named-after-heads.txt")) : Set.of(), p.code().equals("id"));
        }

        private static Set<String> lower(List<String> words) {
            Set<String> s = new HashSet<>();
            for (String w : words) s.add(w.toLowerCase(Locale.ROOT));
            return s;
        }
    }

    /** A recogniser of knowledge-base names and capitalisation cues only (no statistical tagger). */
    public ActorRecognizer(Languages languages, KnowledgeBase kb, Gazetteer gazetteer) {
        this(languages, kb, gazetteer, null);
    }

    /** {@code taggers}: the name-tagger models for Indonesian text (cased and lower-cased), or null for none. */
    public ActorRecognizer(Languages languages, KnowledgeBase kb, Gazetteer gazetteer, NameTaggers taggers) {
        this.kb = kb;
        this.gazetteer = gazetteer;
        this.taggers = taggers;
        for (String code : languages.codes()) {
            LangData ld = LangData.load(languages.get(code));
            for (String office : ld.domesticOffices().keySet())
                if (kb.office(office).isEmpty())
                    throw new org.warta.lang.DataFileException(languages.get(code).resourcePath("domestic-offices.tsv"), 0,
                            "unknown office id '" + office + "' (see kb/offices.tsv)");
            langs.put(code, ld);
        }
    }

    private LangData lang(Doc doc) {
        String l = doc.article().language();
        return langs.getOrDefault(l == null ? "id" : l, langs.get("id"));
    }

    @Override
    public void process(Doc doc) {
        String text = doc.text();
        boolean lowercaseText = text.equals(text.toLowerCase(Locale.ROOT));
        LangData ld = lang(doc);
        List<Token> toks = doc.tokens();
        LocalDate date = doc.referenceDate();

        // 1. Longest gazetteer match at each token, left to right, no overlaps.
        List<Gazetteer.Match> matches = new ArrayList<>();
        GazetteerAt at = new GazetteerAt(text, toks, lowercaseText);
        int covered = -1;
        for (Token t : toks) {
            if (t.start() < covered || !t.isWord()) continue;
            Gazetteer.Match best = null;
            for (Gazetteer.Match m : at.get(t.index())) {
                if (!endsAtToken(toks, m.end())) continue;
                if (best == null || m.end() > best.end()
                        || (m.end() == best.end() && priority(m.name().kind()) < priority(best.name().kind()))) best = m;
            }
            if (best == null && ld.relational().contains(t.lower()))
                best = new Gazetteer.Match(t.start(), t.end(), new KnowledgeBase.Name(t.text(), NameKind.OFFICE, RELATIONAL, false));
            if (best != null) {
                matches.add(best);
                covered = best.end();
            }
        }

        // 2. Names the knowledge base does not know: the statistical tagger's chunks, as char spans.
        List<int[]> tagged = taggers != null && ld.tagged() ? tagNames(doc, ld, lowercaseText, at) : List.of();

        // 3. Compose mentions: role phrases, group phrases, parentheticals.
        List<EntityMention> out = new ArrayList<>();
        for (int i = 0; i < matches.size(); i++) {
            Gazetteer.Match m = matches.get(i);
            NameKind k = m.name().kind();
            if (k == NameKind.OFFICE) {
                i = rolePhrase(doc, ld, matches, i, date, out, tagged);
                continue;
            }
            if (k == NameKind.GROUP) {
                i = groupPhrase(doc, ld, matches, i, out);
                continue;
            }
            if (isCountryKind(k) && i + 1 < matches.size() && matches.get(i + 1).name().kind() == NameKind.OFFICE
                    && gapIsBlank(text, m.end(), matches.get(i + 1).start())) {
                // English order: "U.S. Defense Secretary Lloyd Austin"
                int before = out.size();
                int next = rolePhrase(doc, ld, matches, i + 1, date, out, tagged);
                if (out.size() > before) {
                    EntityMention role = out.remove(out.size() - 1);
                    Actor a = role.actor();
                    out.add(new EntityMention(m.start(), role.end(), text.substring(m.start(), role.end()), role.kind(),
                            new Actor(text.substring(m.start(), role.end()), a.code() != null ? a.code() : countryCode(m),
                                    a.sector(), a.name(), a.wikidata()), role.office(), -1));
                }
                i = next;
                continue;
            }
            if (isCountryKind(k) && precededByModifierHead(toks, ld, m.start())) continue;
            EntityMention em = simple(m, text, date);
            if (em == null) continue;
            // "Amerika Serikat (AS)": a parenthetical naming the same referent joins the mention
            if (i + 1 < matches.size()) {
                Gazetteer.Match n = matches.get(i + 1);
                String between = text.substring(em.end(), n.start());
                if (between.strip().equals("(") && n.end() < text.length() && text.charAt(n.end()) == ')') {
                    EntityMention second = simple(n, text, date);
                    if (second != null && second.actor().code() != null && second.actor().code().equals(em.actor().code())) {
                        int end = n.end() + 1;
                        em = new EntityMention(em.start(), end, text.substring(em.start(), end), em.kind(),
                                em.actor().withText(text.substring(em.start(), end)), em.office(), -1);
                        i++;
                    }
                }
            }
            out.add(em);
        }
        // 4. Unknown names: tagged chunks, else capitalisation cues.
        if (taggers != null && ld.tagged()) addTaggedNames(doc, ld, tagged, matches, out);
        addCapitalisedNames(doc, ld, out);
        // 5. Pronouns.
        for (Token t : toks) {
            String[] p = ld.pronouns().get(t.lower());
            if (p == null || insideAny(out, t.start())) continue;
            out.add(new EntityMention(t.start(), t.end(), t.text(), Kind.PRONOUN, null, p[0] + p[1], -1));
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        doc.setEntities(out);
    }

    /** Only spaces between {@code a} and {@code b}: no line break (a title and the lead are not one phrase). */
    private static boolean gapIsBlank(String text, int a, int b) {
        return b >= a && text.substring(a, b).isBlank() && text.substring(a, b).indexOf('\n') < 0;
    }

    private static boolean insideAny(List<EntityMention> ms, int pos) {
        for (EntityMention m : ms) if (m.start() <= pos && pos < m.end()) return true;
        return false;
    }

    private static boolean endsAtToken(List<Token> toks, int end) {
        int lo = 0, hi = toks.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Token t = toks.get(mid);
            if (t.end() == end) return true;
            if (t.end() < end) lo = mid + 1;
            else hi = mid - 1;
        }
        return false;
    }

    private static int priority(NameKind k) {
        return switch (k) {
            case PERSON -> 0;
            case ORGANISATION -> 1;
            case COUNTRY -> 2;
            case CAPITAL -> 3;
            case SEAT -> 4;
            case TERRITORY -> 5;
            case ADJECTIVE -> 6;
            case OFFICE -> 7;
            case GROUP -> 8;
        };
    }

    static boolean isCountryKind(NameKind k) {
        return k == NameKind.COUNTRY || k == NameKind.CAPITAL || k == NameKind.SEAT || k == NameKind.TERRITORY
                || k == NameKind.ADJECTIVE;
    }

    private boolean precededByModifierHead(List<Token> toks, LangData ld, int start) {
        Token prev = Token.before(toks, start);
        return prev != null && ld.modifierHeads().contains(prev.lower());
    }

    private String countryCode(Gazetteer.Match m) {
        return switch (m.name().kind()) {
            case COUNTRY, CAPITAL, SEAT, TERRITORY, ADJECTIVE -> m.name().ref();
            case ORGANISATION -> kb.organisation(m.name().ref()).map(KnowledgeBase.Organisation::code).orElse(null);
            default -> null;
        };
    }

    /** A mention for a single country, organisation or person name; null for office and group words. */
    private EntityMention simple(Gazetteer.Match m, String text, LocalDate date) {
        String s = text.substring(m.start(), m.end());
        String ref = m.name().ref();
        return switch (m.name().kind()) {
            case COUNTRY, CAPITAL, SEAT, TERRITORY, ADJECTIVE ->
                    new EntityMention(m.start(), m.end(), s, Kind.COUNTRY, new Actor(s, ref, "GOV", null, null), null, -1);
            case ORGANISATION -> {
                KnowledgeBase.Organisation o = kb.organisation(ref).orElseThrow();
                yield new EntityMention(m.start(), m.end(), s, Kind.ORGANISATION,
                        new Actor(s, o.code(), o.sector(), o.name(), o.wikidata()), null, -1);
            }
            case PERSON -> {
                KnowledgeBase.Person p = kb.term(ref, date).orElseThrow();
                yield new EntityMention(m.start(), m.end(), s, Kind.PERSON,
                        new Actor(s, p.country(), p.sector(), p.name(), p.wikidata()), p.office(), -1);
            }
            default -> null;
        };
    }

    /**
     * OFFICE [COUNTRY|ORG] [(link) COUNTRY|ORG] [NAME]: "Menteri Pertahanan AS Lloyd Austin",
     * "duta besar Ukraina untuk PBB Sergiy Kyslytsya", "menteri pertahanan AS" (no name: coreference
     * or the office holder of the day fills it in). Returns the index of the last match consumed.
     */
    private int rolePhrase(Doc doc, LangData ld, List<Gazetteer.Match> ms, int i, LocalDate date, List<EntityMention> out,
                           List<int[]> tagged) {
        String text = doc.text();
        List<Token> toks = doc.tokens();
        Gazetteer.Match office = ms.get(i);
        KnowledgeBase.Office off = office.name().ref().equals(RELATIONAL)
                ? new KnowledgeBase.Office(RELATIONAL, "office", null)
                : kb.office(office.name().ref()).orElseThrow();
        int end = office.end();
        String code = null;
        String orgSector = null;
        String orgName = null;
        int j = i + 1;
        // country or organisation right after the office, then optionally "untuk/for/to" + another
        for (int round = 0; round < 2 && j < ms.size(); round++) {
            Gazetteer.Match n = ms.get(j);
            String gap = text.substring(end, n.start());
            boolean adjacent = gap.isBlank();
            boolean linked = !adjacent && ld.roleLinks().contains(gap.strip().toLowerCase(Locale.ROOT));
            if (!(adjacent || linked)) break;
            NameKind k = n.name().kind();
            if (isCountryKind(k)) {
                if (code == null) code = n.name().ref();
            } else if (k == NameKind.ORGANISATION) {
                KnowledgeBase.Organisation o = kb.organisation(n.name().ref()).orElseThrow();
                if (code == null) code = o.code();
                if (orgSector == null) orgSector = o.sector();
                if (orgName == null) orgName = o.name();
            } else break;
            end = n.end();
            // skip a parenthetical abbreviation "(AS)"
            if (j + 1 < ms.size() && text.substring(end, ms.get(j + 1).start()).strip().equals("(")
                    && ms.get(j + 1).end() < text.length() && text.charAt(ms.get(j + 1).end()) == ')') {
                j++;
                end = ms.get(j).end() + 1;
            }
            j++;
        }
        // a known person right after
        if (j < ms.size() && ms.get(j).name().kind() == NameKind.PERSON && text.substring(end, ms.get(j).start()).isBlank()) {
            Gazetteer.Match pm = ms.get(j);
            KnowledgeBase.Person p = kb.term(pm.name().ref(), date).orElseThrow();
            String s = text.substring(office.start(), pm.end());
            out.add(new EntityMention(office.start(), pm.end(), s, Kind.PERSON,
                    new Actor(s, p.country(), p.sector(), p.name(), p.wikidata()), off.id(), -1));
            return j;
        }
        // an unknown name: capitalised tokens after the phrase, or what the tagger marks as a person there
        int nameEnd = nameAfter(toks, ld, end, ms, j);
        String sector = off.sector();
        if (code == null) code = ld.domesticOffices().get(off.id());
        int[] taggedPerson = personAfter(doc.text(), tagged, end, nameEnd);
        if (taggedPerson != null) nameEnd = taggedPerson[1];
        if (nameEnd > end) {
            Token nameTok = firstTokenAtOrAfter(toks, end);
            if (nameTok.text().equals(",")) nameTok = toks.get(nameTok.index() + 1);
            int nameStart = taggedPerson != null ? taggedPerson[0] : nameTok.start();
            String name = text.substring(nameStart, nameEnd);
            String s = text.substring(office.start(), nameEnd);
            out.add(new EntityMention(office.start(), nameEnd, s, Kind.PERSON, new Actor(s, code, sector, name, null), off.id(), -1));
        } else {
            String s = text.substring(office.start(), end);
            out.add(new EntityMention(office.start(), end, s, Kind.PERSON, new Actor(s, code, sector, null, null), off.id(), -1));
        }
        return j - 1;
    }

    /** The first token that starts at or after {@code pos} (tokens are in text order), or null. */
    private static Token firstTokenAtOrAfter(List<Token> toks, int pos) {
        int lo = 0, hi = toks.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (toks.get(mid).start() >= pos) hi = mid;
            else lo = mid + 1;
        }
        return lo < toks.size() ? toks.get(lo) : null;
    }

    /**
     * End of a run of 1–4 capitalised name words starting right at {@code pos} ("Sergiy Kyslytsya",
     * "Kim Yong-hyun", "Abdullah El-Badri", with particles such as "bin" or "van" inside), or {@code pos}.
     */
    private int nameAfter(List<Token> toks, LangData ld, int pos, List<Gazetteer.Match> ms, int nextMatch) {
        int limit = nextMatch < ms.size() ? ms.get(nextMatch).start() : Integer.MAX_VALUE;
        Token first = firstTokenAtOrAfter(toks, pos);
        // "Hakim Distrik AS, Susan Illston,": a name in apposition after a comma
        if (first != null && first.text().equals(",") && first.start() == pos && first.index() + 1 < toks.size()) {
            Token next = toks.get(first.index() + 1);
            if (next.isWord() && next.isCapitalised() && next.start() < limit) {
                int end = nameAfter(toks, ld, next.start(), ms, nextMatch);
                return end > next.start() ? end : pos;
            }
        }
        if (first == null || first.start() - pos > 1 || first.start() >= limit || !first.isWord() || !first.isCapitalised())
            return pos;
        int end = pos;
        int words = 0;
        for (int k = first.index(); k < toks.size() && words < 4; k++) {
            Token t = toks.get(k);
            if (t.sentence() != first.sentence() || t.start() >= limit) break;
            boolean glued = k > 0 && t.start() == toks.get(k - 1).end();
            if (t.isWord() && t.isCapitalised()) {
                if (!glued && t.start() - end > 1 && end > pos) break;
                end = t.end();
                words++;
            } else if (t.text().equals("-") && glued && k + 1 < toks.size() && toks.get(k + 1).start() == t.end()
                    && toks.get(k + 1).isWord()) {
                end = toks.get(k + 1).end();
                k++;
            } else if (t.isWord() && ld.nameParticles().contains(t.lower()) && k + 1 < toks.size()
                    && toks.get(k + 1).isCapitalised()) {
                continue;
            } else break;
        }
        return end;
    }

    /** GROUP [mod] COUNTRY|ORG: "tentara Korut", "pasukan Korea Utara", "10.000 tentara Korut". */
    private int groupPhrase(Doc doc, LangData ld, List<Gazetteer.Match> ms, int i, List<EntityMention> out) {
        String text = doc.text();
        List<Token> toks = doc.tokens();
        Gazetteer.Match g = ms.get(i);
        KnowledgeBase.Office off = kb.office(g.name().ref()).orElseThrow();
        int start = g.start();
        // a quantity right before: "10.000 tentara", "ribuan pasukan"
        Token prev = Token.before(toks, g.start());
        if (prev != null && prev.sentence() == Token.before(toks, g.end()).sentence()
                && (Character.isDigit(prev.text().charAt(0)) || ld.numberWords().contains(prev.lower()))) start = prev.start();
        int end = g.end();
        String code = null;
        String name = null;
        String sector = off.sector();
        int j = i;
        if (i + 1 < ms.size()) {
            Gazetteer.Match n = ms.get(i + 1);
            String gap = text.substring(g.end(), n.start());
            int gapWords = gap.isBlank() ? 0 : BLANKS.split(gap.strip()).length;
            boolean gapOk = gapWords == 0 || (gapWords == 1 && gap.strip().chars().allMatch(Character::isLowerCase));
            if (gapOk && (isCountryKind(n.name().kind()) || n.name().kind() == NameKind.ORGANISATION)) {
                if (n.name().kind() == NameKind.ORGANISATION) {
                    KnowledgeBase.Organisation o = kb.organisation(n.name().ref()).orElseThrow();
                    code = o.code();
                    name = o.name();
                } else code = n.name().ref();
                end = n.end();
                j = i + 1;
                if (j + 1 < ms.size() && text.substring(end, ms.get(j + 1).start()).strip().equals("(")
                        && ms.get(j + 1).end() < text.length() && text.charAt(ms.get(j + 1).end()) == ')') {
                    j++;
                    end = ms.get(j).end() + 1;
                }
            }
        }
        String s = text.substring(start, end);
        out.add(new EntityMention(start, end, s, Kind.GROUP, new Actor(s, code, sector, name, null), off.id(), -1));
        return j;
    }

    /** Chunk types of {@link #tagNames}, as the third element of each span. */
    private static final int PERSON = 0, ORGANISATION = 1, PLACE = 2;

    /** {@link Gazetteer#at} at each token's start, looked up once per token of a doc. */
    private final class GazetteerAt {
        private final String text;
        private final List<Token> toks;
        private final boolean lowercaseText;
        private final List<?>[] found;

        GazetteerAt(String text, List<Token> toks, boolean lowercaseText) {
            this.text = text;
            this.toks = toks;
            this.lowercaseText = lowercaseText;
            this.found = new List<?>[toks.size()];
        }

        @SuppressWarnings("unchecked")
        List<Gazetteer.Match> get(int token) {
            List<?> l = found[token];
            if (l == null) found[token] = l = gazetteer.at(text, toks.get(token).start(), lowercaseText);
            return (List<Gazetteer.Match>) l;
        }
    }

    /**
     * The tagger's person, organisation and place chunks, as {start, end, type} char spans; a
     * place named after a person ("Jalan Tunku Abdul Rahman") is one chunk ({@link Chunk#joinNamedAfter}).
     */
    private List<int[]> tagNames(Doc doc, LangData ld, boolean lowercaseText, GazetteerAt at) {
        NameTagger tagger = taggers.forText(lowercaseText);
        String text = doc.text();
        List<int[]> out = new ArrayList<>();
        for (org.warta.model.Sentence s : doc.sentences()) {
            List<Token> ts = doc.tokensOf(s);
            if (ts.isEmpty()) continue;
            String[] words = new String[ts.size()];
            int[] starts = new int[ts.size()];
            int[] ends = new int[ts.size()];
            for (int k = 0; k < words.length; k++) {
                words[k] = ts.get(k).text();
                starts[k] = ts.get(k).start();
                ends[k] = ts.get(k).end();
            }
            int base = ts.get(0).index();
            String[] tags = tagger.tag(words, GazetteerLabels.of(text, starts, ends, k -> at.get(base + k)));
            for (Chunk c : Chunk.joinNamedAfter(Chunk.of(tags), words, ld.namedAfterHeads())) {
                int type = switch (NerTypes.canonical(c.type())) {
                    case NerTypes.PERSON -> PERSON;
                    case NerTypes.ORGANISATION -> ORGANISATION;
                    case NerTypes.PLACE -> PLACE;
                    default -> -1;
                };
                // in cased text a name starts with a capital or a digit ("medan tempur" is a battlefield, not Medan)
                char first = text.charAt(starts[c.start()]);
                if (!lowercaseText && !Character.isUpperCase(first) && !Character.isDigit(first)) continue;
                if (type >= 0) out.add(new int[] {starts[c.start()], ends[c.end() - 1], type});
            }
        }
        return out;
    }

    /**
     * A tagged person that starts within {@code [from, to]} right after an office ("Bupati Deli Serdang
     * Ashari Tambunan": the place "Deli Serdang" is skipped, the person is the name), or null.
     */
    private static int[] personAfter(String text, List<int[]> tagged, int from, int to) {
        for (int[] c : tagged) {
            if (c[2] != PERSON || c[0] < from) continue;
            if (c[0] > Math.max(from, to) + 1) break;
            String gap = text.substring(from, c[0]);
            // only names and blanks between the office and the person
            boolean ok = true;
            for (int[] d : tagged) if (d != c && d[0] >= from && d[1] <= c[0]) gap = gap.replace(text.substring(d[0], d[1]), "");
            for (int k = 0; k < gap.length() && ok; k++) ok = Character.isWhitespace(gap.charAt(k)) || gap.charAt(k) == ',';
            if (ok) return c;
        }
        return null;
    }

    /**
     * Tagged chunks no knowledge-base mention covers become mentions: people (a role phrase with no
     * name right before takes the name), organisations (a sector word inside gives the sector, a country
     * name inside the country) and places (kept, with no actor code: a place is not a doer).
     */
    private void addTaggedNames(Doc doc, LangData ld, List<int[]> tagged, List<Gazetteer.Match> matches, List<EntityMention> out) {
        String text = doc.text();
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<EntityMention> added = new ArrayList<>();
        for (int[] c : tagged) {
            if (c[2] == ORGANISATION) dropBareGroupsInside(out, c[0], c[1]);
            if (overlapsAny(out, c[0], c[1]) || isMatch(matches, c[0], c[1])) continue; // the KB already decided ("dollar AS")
            String s = text.substring(c[0], c[1]);
            if (!hasLetter(s)) continue;
            if (c[2] == PERSON) {
                EntityMention role = roleBefore(out, text, c[0]);
                if (role != null) {
                    out.remove(role);
                    Actor a = role.actor();
                    String full = text.substring(role.start(), c[1]);
                    out.add(new EntityMention(role.start(), c[1], full, Kind.PERSON, new Actor(full, a.code(), a.sector(), s, null),
                            role.office(), -1));
                    out.sort((x, y) -> Integer.compare(x.start(), y.start()));
                } else added.add(new EntityMention(c[0], c[1], s, Kind.PERSON, new Actor(s, null, null, s, null), null, -1));
            } else if (c[2] == ORGANISATION) {
                added.add(organisation(ld, text, c[0], c[1]));
            } else {
                added.add(new EntityMention(c[0], c[1], s, Kind.PLACE, new Actor(s, null, null, null, null), null, -1));
            }
        }
        out.addAll(added);
    }

    /**
     * Group words with no country or organisation of their own ("Universitas" read as students) that
     * stand inside a longer organisation name the tagger found ("Universitas Sumatera Utara") give way to it.
     */
    private static void dropBareGroupsInside(List<EntityMention> out, int start, int end) {
        List<EntityMention> inside = new ArrayList<>();
        for (EntityMention m : out) {
            if (m.end() <= start || m.start() >= end) continue;
            boolean bare = m.kind() == Kind.GROUP && m.actor() != null && m.actor().code() == null && m.actor().name() == null;
            if (!bare || m.start() < start || m.end() > end || m.end() - m.start() == end - start) return;
            inside.add(m);
        }
        out.removeAll(inside);
    }

    /** A role phrase without a name that ends right before {@code pos} (blanks or a comma between). */
    private static EntityMention roleBefore(List<EntityMention> out, String text, int pos) {
        for (int k = out.size() - 1; k >= 0; k--) {
            EntityMention m = out.get(k);
            if (m.end() > pos) continue;
            if (m.kind() != Kind.PERSON || m.office() == null || m.actor() == null || m.actor().name() != null) return null;
            String gap = text.substring(m.end(), pos).strip();
            return gap.isEmpty() || gap.equals(",") ? m : null;
        }
        return null;
    }

    /** An organisation not in the knowledge base: sector from a sector word in its name, country from a country name in it. */
    private EntityMention organisation(LangData ld, String text, int start, int end) {
        String s = text.substring(start, end);
        String sector = null;
        String code = null;
        for (String w : NON_WORD.split(s)) {
            OrgHead h = ld.orgHeads().get(w.toLowerCase(Locale.ROOT));
            if (h != null && sector == null) {
                sector = h.sector();
                code = h.country();
            }
        }
        boolean lower = s.equals(s.toLowerCase(Locale.ROOT));
        for (int p = start; p < end; p++) {
            if (p > start && Character.isLetterOrDigit(text.charAt(p - 1))) continue;
            for (Gazetteer.Match m : gazetteer.at(text, p, lower))
                if (m.end() <= end && isCountryKind(m.name().kind())) {
                    code = m.name().ref();
                    break;
                }
        }
        return new EntityMention(start, end, s, Kind.ORGANISATION, new Actor(s, code, sector, s, null), null, -1);
    }

    /**
     * Capitalisation cues, for what the tagger left (or languages without a model, such as English): runs
     * of capitalised words no other mention covers become organisations when a sector word stands in them
     * ("Harvard University", "Labour Party"), and people after an honorific ("Mr", "Dr", "Pak").
     */
    private void addCapitalisedNames(Doc doc, LangData ld, List<EntityMention> out) {
        String text = doc.text();
        List<Token> toks = doc.tokens();
        List<EntityMention> added = new ArrayList<>();
        for (int k = 0; k < toks.size(); k++) {
            Token t = toks.get(k);
            if (!t.isWord() || !t.isCapitalised() || !free(out, ld, t) || isHonorific(ld, t)) continue;
            int last = k;
            int words = 1;
            boolean hasHead = ld.orgHeads().containsKey(t.lower());
            for (int q = k + 1; q < toks.size(); q++) {
                Token u = toks.get(q);
                if (u.sentence() != t.sentence() || u.start() - toks.get(q - 1).end() > 1 || !free(out, ld, u)
                        || isHonorific(ld, u)) break;
                if (u.isWord() && u.isCapitalised()) {
                    last = q;
                    words++;
                    hasHead |= ld.orgHeads().containsKey(u.lower());
                } else if (u.isWord() && ld.nameParticles().contains(u.lower()) && q + 1 < toks.size()
                        && toks.get(q + 1).isCapitalised()) {
                    continue;
                } else break;
            }
            Token prev = k > 0 ? toks.get(k - 1) : null;
            boolean honorific = prev != null && prev.sentence() == t.sentence() && isHonorific(ld, prev);
            int start = t.start();
            int end = toks.get(last).end();
            String s = text.substring(start, end);
            if (hasHead && words >= 2) {
                dropBareGroupsInside(out, start, end);
                if (!overlapsAny(out, start, end)) added.add(organisation(ld, text, start, end));
            } else if (honorific && !overlapsAny(out, start, end)) {
                EntityMention role = roleBefore(out, text, prev.start());
                added.add(new EntityMention(start, end, s, Kind.PERSON, new Actor(s, role == null ? null : role.actor().code(),
                        role == null ? null : role.actor().sector(), s, null), null, -1));
            }
            k = last;
        }
        out.addAll(added);
    }

    private static boolean isHonorific(LangData ld, Token t) {
        return ld.honorifics().contains(t.lower().replace(".", ""));
    }

    /** A token no mention covers, or a bare group word that may head an organisation name ("University"). */
    private static boolean free(List<EntityMention> out, LangData ld, Token t) {
        for (EntityMention m : out) {
            if (m.end() <= t.start() || m.start() >= t.end()) continue;
            return m.kind() == Kind.GROUP && m.actor() != null && m.actor().code() == null && m.actor().name() == null
                    && ld.orgHeads().containsKey(m.text().toLowerCase(Locale.ROOT));
        }
        return true;
    }

    private static boolean isMatch(List<Gazetteer.Match> matches, int start, int end) {
        for (Gazetteer.Match m : matches) if (m.start() == start && m.end() == end) return true;
        return false;
    }

    private static boolean overlapsAny(List<EntityMention> ms, int start, int end) {
        for (EntityMention m : ms) if (m.start() < end && start < m.end()) return true;
        return false;
    }

    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.isLetter(s.charAt(i))) return true;
        return false;
    }
}
