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
import org.warta.pipeline.Stage;

/**
 * Finds who the text names: countries and their capitals and seats, organisations, people of the
 * knowledge base, group noun phrases ("tentara Korut" → PRK MIL), role phrases that give a person a
 * country and sector ("duta besar Ukraina untuk PBB Sergiy Kyslytsya" → UKR GOV) and pronouns (resolved
 * later by {@link CorefResolver}).
 */
public final class ActorRecognizer implements Stage {
    /** Office id of counterpart words ("mitranya"): their sector comes from the person they stand beside. */
    public static final String RELATIONAL = "counterpart";
    private final KnowledgeBase kb;
    private final Gazetteer gazetteer;
    private final Map<String, LangData> langs = new HashMap<>();

    /** The words the recogniser needs from a language pack. */
    record LangData(Map<String, String[]> pronouns, Set<String> modifierHeads, Set<String> relational,
                    Set<String> roleLinks, Set<String> nameParticles, Set<String> numberWords) {
        static LangData load(LanguagePack p) {
            Map<String, String[]> pronouns = new HashMap<>();
            for (TsvTable.Row r : p.rows("pronouns.tsv")) {
                String person = r.required("person");
                String number = r.required("number");
                if (!person.matches("[123]")) throw r.error("person must be 1, 2 or 3");
                if (!number.matches("sg|pl|any")) throw r.error("number must be sg, pl or any");
                pronouns.put(r.required("form").toLowerCase(Locale.ROOT), new String[] {person, number});
            }
            return new LangData(pronouns, lower(p.words("modifier-heads.txt")), lower(p.words("relational.txt")),
                    lower(p.words("role-links.txt")), lower(p.words("name-particles.txt")),
                    lower(p.words("quantity-words.txt")));
        }

        private static Set<String> lower(List<String> words) {
            Set<String> s = new HashSet<>();
            for (String w : words) s.add(w.toLowerCase(Locale.ROOT));
            return s;
        }
    }

    public ActorRecognizer(Languages languages, KnowledgeBase kb, Gazetteer gazetteer) {
        this.kb = kb;
        this.gazetteer = gazetteer;
        for (String code : languages.codes()) langs.put(code, LangData.load(languages.get(code)));
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
        int covered = -1;
        for (Token t : toks) {
            if (t.start() < covered || !t.isWord()) continue;
            Gazetteer.Match best = null;
            for (Gazetteer.Match m : gazetteer.at(text, t.start(), lowercaseText)) {
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

        // 2. Compose mentions: role phrases, group phrases, parentheticals.
        List<EntityMention> out = new ArrayList<>();
        for (int i = 0; i < matches.size(); i++) {
            Gazetteer.Match m = matches.get(i);
            NameKind k = m.name().kind();
            if (k == NameKind.OFFICE) {
                i = rolePhrase(doc, ld, matches, i, date, out);
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
                int next = rolePhrase(doc, ld, matches, i + 1, date, out);
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
        // 3. Pronouns.
        for (Token t : toks) {
            String[] p = ld.pronouns().get(t.lower());
            if (p == null || insideAny(out, t.start())) continue;
            out.add(new EntityMention(t.start(), t.end(), t.text(), Kind.PRONOUN, null, p[0] + p[1], -1));
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        doc.setEntities(out);
    }

    private static boolean gapIsBlank(String text, int a, int b) {
        return b >= a && text.substring(a, b).isBlank();
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
    private int rolePhrase(Doc doc, LangData ld, List<Gazetteer.Match> ms, int i, LocalDate date, List<EntityMention> out) {
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
        // an unknown name: capitalised tokens after the phrase
        int nameEnd = nameAfter(toks, ld, end, ms, j);
        String sector = off.sector();
        if (nameEnd > end) {
            Token nameTok = firstTokenAtOrAfter(toks, end);
            if (nameTok.text().equals(",")) nameTok = toks.get(nameTok.index() + 1);
            int nameStart = nameTok.start();
            String name = text.substring(nameStart, nameEnd);
            String s = text.substring(office.start(), nameEnd);
            out.add(new EntityMention(office.start(), nameEnd, s, Kind.PERSON, new Actor(s, code, sector, name, null), off.id(), -1));
        } else {
            String s = text.substring(office.start(), end);
            out.add(new EntityMention(office.start(), end, s, Kind.PERSON, new Actor(s, code, sector, null, null), off.id(), -1));
        }
        return j - 1;
    }

    private static Token firstTokenAtOrAfter(List<Token> toks, int pos) {
        for (Token t : toks) if (t.start() >= pos) return t;
        return null;
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
            int gapWords = gap.isBlank() ? 0 : gap.strip().split("\\s+").length;
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

}
