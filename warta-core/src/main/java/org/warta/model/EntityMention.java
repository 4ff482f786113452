package org.warta.model;

/**
 * A span of text that names or refers to an actor.
 *
 * @param kind what the span is: a country or its capital, an organisation, a person, a group noun
 *     phrase ("tentara Korut"), a pronoun
 * @param office for people and role phrases, the office id of the knowledge base ("defence_minister"), else null
 * @param antecedent for pronouns, short names and role phrases resolved by coreference, the index of the
 *     mention they were resolved to, else -1
 */
public record EntityMention(int start, int end, String text, Kind kind, Actor actor, String office, int antecedent)
        implements Span {

    public enum Kind { COUNTRY, PLACE, ORGANISATION, PERSON, GROUP, PRONOUN }

    public EntityMention withActor(Actor a, int antecedentIndex) {
        return new EntityMention(start, end, text, kind, a, office, antecedentIndex);
    }

    /** True when the mention names who it is (a country, organisation or person resolved to a code). */
    public boolean resolved() {
        return actor != null && actor.code() != null;
    }
}
