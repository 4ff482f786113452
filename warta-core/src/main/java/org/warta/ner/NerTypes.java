package org.warta.ner;

import java.util.Locale;

/**
 * Entity types of different tag sets mapped to one vocabulary: PER/PERSON/PPL → {@code person},
 * LOC/PLACE/PLC/GPE → {@code place}, ORG/ORGANISATION/ORGANIZATION/IND → {@code organisation}; any other
 * type is its lower-case name (EVT → {@code evt}).
 */
public final class NerTypes {
    public static final String PERSON = "person";
    public static final String PLACE = "place";
    public static final String ORGANISATION = "organisation";

    private NerTypes() {}

    public static String canonical(String type) {
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "PER", "PERSON", "PPL" -> PERSON;
            case "LOC", "PLACE", "PLC", "GPE", "LOCATION" -> PLACE;
            case "ORG", "ORGANISATION", "ORGANIZATION", "IND" -> ORGANISATION;
            default -> type.toLowerCase(Locale.ROOT);
        };
    }
}
