package org.warta.model;

import java.util.Locale;

/** Whether an event is reported as having happened, and how. */
public enum Modality {
    ASSERTED, FUTURE, HYPOTHETICAL, NEGATED, HISTORICAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Modality parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
