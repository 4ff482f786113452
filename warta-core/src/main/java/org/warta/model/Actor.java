package org.warta.model;

/**
 * Who: the surface text, a PLOVER country code (ISO alpha-3, or IGO, UNO, EUR, NGO, ISM, IMG, MNC, KOS),
 * a sector (GOV, MIL, COP, JUD, …) and, for named people and organisations, a canonical name and an
 * optional Wikidata id. Any field but {@code text} may be null when unknown.
 */
public record Actor(String text, String code, String sector, String name, String wikidata) {
    public Actor withText(String newText) {
        return new Actor(newText, code, sector, name, wikidata);
    }

    public boolean sameReferent(Actor other) {
        if (other == null) return false;
        if (name != null || other.name != null) return java.util.Objects.equals(name, other.name);
        return java.util.Objects.equals(code, other.code) && java.util.Objects.equals(sector, other.sector);
    }
}
