package org.warta.actor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.warta.kb.KnowledgeBase;
import org.warta.lang.Languages;
import org.warta.model.Actor;
import org.warta.model.Doc;
import org.warta.model.EntityMention;
import org.warta.model.EntityMention.Kind;
import org.warta.model.Token;
import org.warta.pipeline.Stage;

/**
 * Within-article coreference: short names ("Austin", "Kim") to the full names written earlier; role
 * phrases without a name ("menteri pertahanan AS") to the person of that office and country in the
 * article, else to the knowledge base's office holder on the article's date; counterparts ("mitranya")
 * take the sector of the person beside them; third-person singular pronouns to the latest person.
 * First-person pronouns are left to the quote attributor (they are the speaker).
 */
public final class CorefResolver implements Stage {
    private final KnowledgeBase kb;

    public CorefResolver(Languages languages, KnowledgeBase kb) {
        this.kb = kb;
    }

    @Override
    public void process(Doc doc) {
        List<EntityMention> ms = new ArrayList<>(doc.entities());
        LocalDate date = doc.referenceDate();
        Map<String, String[]> parts = new java.util.HashMap<>(); // a person's name → its words, in lower case
        addShortNames(doc, ms, date, parts);
        linkTaggedShortNames(ms, date, parts);
        unknownNamesTakeContextCountry(ms);
        for (int i = 0; i < ms.size(); i++) {
            EntityMention m = ms.get(i);
            if (m.kind() == Kind.PERSON && m.actor() != null && m.actor().name() == null && m.office() != null
                    && !m.office().equals(ActorRecognizer.RELATIONAL)) {
                EntityMention ante = null;
                for (int j = i - 1; j >= 0 && ante == null; j--) {
                    EntityMention c = ms.get(j);
                    if (c.kind() == Kind.PERSON && c.actor() != null && c.actor().name() != null
                            && m.office().equals(c.office()) && (m.actor().code() == null || m.actor().code().equals(c.actor().code())))
                        ante = c;
                }
                if (ante != null) {
                    ms.set(i, m.withActor(new Actor(m.text(), ante.actor().code(), ante.actor().sector(), ante.actor().name(),
                            ante.actor().wikidata()), ms.indexOf(ante)));
                } else if (m.actor().code() != null) {
                    List<KnowledgeBase.Person> hs = kb.holders(m.office(), m.actor().code(), date);
                    if (hs.size() == 1) {
                        KnowledgeBase.Person p = hs.get(0);
                        ms.set(i, m.withActor(new Actor(m.text(), p.country(), p.sector(), p.name(), p.wikidata()), -1));
                    }
                }
            } else if (m.kind() == Kind.PERSON && ActorRecognizer.RELATIONAL.equals(m.office()) && m.actor().sector() == null) {
                for (int j = i - 1; j >= 0; j--) {
                    EntityMention c = ms.get(j);
                    if (c.kind() == Kind.PERSON && c.actor() != null && c.actor().sector() != null) {
                        Actor a = m.actor();
                        ms.set(i, m.withActor(new Actor(a.text(), a.code(), c.actor().sector(), a.name(), a.wikidata()), j));
                        break;
                    }
                }
            } else if (m.kind() == Kind.PRONOUN && "3sg".equals(m.office())) {
                for (int j = i - 1; j >= 0; j--) {
                    EntityMention c = ms.get(j);
                    if (c.kind() == Kind.PERSON && c.actor() != null && (c.actor().name() != null || c.actor().code() != null)) {
                        Actor a = c.actor();
                        ms.set(i, m.withActor(new Actor(m.text(), a.code(), a.sector(), a.name(), a.wikidata()), j));
                        break;
                    }
                }
            }
        }
        groupsTakeContextCountry(ms);
        doc.setEntities(ms);
    }

    /**
     * A group noun with no country of its own ("polisi", "demonstran", "massa") is taken to belong to the
     * country the article is about: the state its names point to most often (ties: the first named).
     * News mostly reports its own country's police and crowds; a group of another country is normally
     * named with it ("polisi Israel"), which the recogniser already codes.
     */
    private static void groupsTakeContextCountry(List<EntityMention> ms) {
        String best = contextCountry(ms);
        if (best == null) return;
        for (int i = 0; i < ms.size(); i++) {
            EntityMention m = ms.get(i);
            if (m.kind() == Kind.GROUP && m.actor() != null && m.actor().code() == null) {
                Actor a = m.actor();
                ms.set(i, m.withActor(new Actor(a.text(), best, a.sector(), a.name(), a.wikidata()), -1));
            }
        }
    }

    /** The state the article's coded mentions point to most often (ties: the first named), or null. */
    private static String contextCountry(List<EntityMention> ms) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (EntityMention m : ms) {
            if (m.kind() == Kind.PRONOUN || m.kind() == Kind.GROUP || m.actor() == null || m.actor().code() == null) continue;
            String c = m.actor().code();
            if (KnowledgeBase.SPECIAL_CODES.contains(c)) continue;
            counts.merge(c, 1, Integer::sum);
        }
        String best = null;
        int n = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet())
            if (e.getValue() > n) {
                best = e.getKey();
                n = e.getValue();
            }
        return best;
    }

    /**
     * People and organisations the knowledge base does not know and the text gives no country for
     * ("Susan Illston", "PT Contoh") are taken to belong to the country the article is about, as group
     * nouns are: news names a foreigner's country ("Menlu Rusia …"), which the recogniser codes.
     */
    private static void unknownNamesTakeContextCountry(List<EntityMention> ms) {
        String best = contextCountry(ms);
        if (best == null) return;
        for (int i = 0; i < ms.size(); i++) {
            EntityMention m = ms.get(i);
            Actor a = m.actor();
            if ((m.kind() == Kind.PERSON || m.kind() == Kind.ORGANISATION) && a != null && a.code() == null && a.name() != null
                    && !ActorRecognizer.RELATIONAL.equals(m.office()) && m.antecedent() < 0)
                ms.set(i, m.withActor(new Actor(a.text(), best, a.sector(), a.name(), a.wikidata()), -1));
        }
    }

    /**
     * A capitalised word not inside another mention that equals a word of a person named earlier in the
     * article ("Austin" after "Lloyd Austin"), or, failing that, of exactly one person in office on the
     * article's date ("Trump"), becomes a mention of that person.
     */
    private void addShortNames(Doc doc, List<EntityMention> ms, LocalDate date, Map<String, String[]> parts) {
        List<EntityMention> added = new ArrayList<>();
        for (Token t : doc.tokens()) {
            if (!t.isWord() || !t.isCapitalised() || t.text().length() < 3 || inside(ms, t.start())) continue;
            if (doc.tokens().size() > t.index() + 2 && doc.tokens().get(t.index() + 1).text().equals("-")) continue;
            String w = t.lower();
            EntityMention ante = null;
            for (EntityMention m : ms) {
                if (m.start() >= t.start()) break;
                if (m.kind() != Kind.PERSON || m.actor() == null || m.actor().name() == null) continue;
                for (String part : parts.computeIfAbsent(m.actor().name(), CorefResolver::nameWords))
                    if (part.equals(w)) ante = m;
            }
            if (ante != null) {
                Actor a = ante.actor();
                added.add(new EntityMention(t.start(), t.end(), t.text(), Kind.PERSON,
                        new Actor(t.text(), a.code(), a.sector(), a.name(), a.wikidata()), ante.office(), ms.indexOf(ante)));
                continue;
            }
            Set<String> ids = kb.nameTokenPeople(w, date);
            if (ids.size() == 1 && !partOfLongerName(doc.tokens(), t)) {
                KnowledgeBase.Person p = kb.term(ids.iterator().next(), date).orElseThrow();
                added.add(new EntityMention(t.start(), t.end(), t.text(), Kind.PERSON,
                        new Actor(t.text(), p.country(), p.sector(), p.name(), p.wikidata()), p.office(), -1));
            }
        }
        if (added.isEmpty()) return;
        ms.addAll(added);
        ms.sort((a, b) -> Integer.compare(a.start(), b.start()));
    }

    /**
     * A one-word person the name tagger found ("Tambunan") that is a word of a person named earlier
     * ("Bupati Deli Serdang Ashari Tambunan") is that person, with their country and sector; failing
     * that, the one person of the knowledge base in office on the article's date with that name word.
     */
    private void linkTaggedShortNames(List<EntityMention> ms, LocalDate date, Map<String, String[]> parts) {
        for (int i = 0; i < ms.size(); i++) {
            EntityMention m = ms.get(i);
            Actor a = m.actor();
            if (m.kind() != Kind.PERSON || a == null || a.code() != null || m.office() != null || a.name() == null
                    || a.name().strip().contains(" ")) continue;
            String w = a.name().strip().toLowerCase(Locale.ROOT);
            boolean linked = false;
            for (int j = i - 1; j >= 0 && !linked; j--) {
                EntityMention c = ms.get(j);
                if (c.kind() != Kind.PERSON || c.actor() == null || c.actor().name() == null || c.actor().name().equals(a.name())) continue;
                boolean part = false;
                for (String tok : parts.computeIfAbsent(c.actor().name(), CorefResolver::nameWords)) part |= tok.equals(w);
                if (!part) continue;
                Actor b = c.actor();
                ms.set(i, new EntityMention(m.start(), m.end(), m.text(), Kind.PERSON,
                        new Actor(m.text(), b.code(), b.sector(), b.name(), b.wikidata()), c.office(), j));
                linked = true;
            }
            if (linked) continue;
            // else exactly one person in office on the article's date with that name word ("Trump")
            Set<String> ids = kb.nameTokenPeople(w, date);
            if (ids.size() == 1) {
                KnowledgeBase.Person p = kb.term(ids.iterator().next(), date).orElseThrow();
                ms.set(i, new EntityMention(m.start(), m.end(), m.text(), Kind.PERSON,
                        new Actor(m.text(), p.country(), p.sector(), p.name(), p.wikidata()), p.office(), -1));
            }
        }
    }

    /** "John" in "John Examplename": a capitalised neighbour in the same sentence makes it part of a longer name. */
    private static boolean partOfLongerName(List<Token> toks, Token t) {
        int i = t.index();
        Token next = i + 1 < toks.size() ? toks.get(i + 1) : null;
        Token prev = i > 0 ? toks.get(i - 1) : null;
        return (next != null && next.sentence() == t.sentence() && next.isWord() && next.isCapitalised() && next.start() - t.end() <= 1)
                || (prev != null && prev.sentence() == t.sentence() && prev.isWord() && prev.isCapitalised() && t.start() - prev.end() <= 1
                && prev.index() > 0 && toks.get(prev.index() - 1).sentence() == t.sentence());
    }

    private static final java.util.regex.Pattern NAME_SEPARATORS = java.util.regex.Pattern.compile("[\\s-]+");

    /** The words of a name ("Lloyd Austin", "Kim Yong-hyun"), in lower case. */
    private static String[] nameWords(String name) {
        String[] w = NAME_SEPARATORS.split(name);
        for (int i = 0; i < w.length; i++) w[i] = w[i].toLowerCase(Locale.ROOT);
        return w;
    }

    private static boolean inside(List<EntityMention> ms, int pos) {
        for (EntityMention m : ms) if (m.start() <= pos && pos < m.end()) return true;
        return false;
    }
}
