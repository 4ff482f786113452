package org.warta.model;

/**
 * A span of text that names or refers to an actor.
 *
 * @param kind what the span is: a country or its capital, an organisation, a person, a group noun
 *     phrase ("tentara Korut"), a pronoun or a role phrase resolved by coreference
 * @param antecedent for pronouns and short names, the index of the mention it was resolved to, else -1
 */
public record EntityMention(int start, int end, String text, Kind kind, Actor actor, int antecedent)
        implements Span {

    public enum Kind { COUNTRY, PLACE, ORGANISATION, PERSON, GROUP, PRONOUN }

    public EntityMention withActor(Actor a, int antecedentIndex) {
        return new EntityMention(start, end, text, kind, a, antecedentIndex);
    }
}
