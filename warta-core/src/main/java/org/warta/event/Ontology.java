package org.warta.event;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.warta.lang.TsvTable;

/**
 * PLOVER's types and modes with their quad category, score and a default CAMEO code, from
 * {@code warta/plover/ontology.tsv}; and GDELT's QuadClass of a CAMEO code.
 */
public final class Ontology {
    public record Entry(String type, String mode, int quad, double score, String cameo) {}

    private final Map<String, Entry> entries = new HashMap<>();

    public static final Set<String> TYPES = Set.of("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
            "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT");

    private static final Ontology INSTANCE = new Ontology(TsvTable.resource("warta/plover/ontology.tsv"));

    public static Ontology get() { return INSTANCE; }

    Ontology(TsvTable t) {
        t.require("type", "mode", "quad", "score", "cameo");
        for (TsvTable.Row r : t.rows()) {
            String type = r.required("type");
            if (!TYPES.contains(type)) throw r.error("not a PLOVER type: " + type);
            String mode = r.required("mode");
            try {
                Entry e = new Entry(type, mode.equals("-") ? null : mode, Integer.parseInt(r.required("quad")),
                        Double.parseDouble(r.required("score")), r.required("cameo"));
                entries.put(key(type, e.mode()), e);
            } catch (NumberFormatException ex) {
                throw r.error("quad and score must be numbers");
            }
        }
        for (String type : TYPES) if (!entries.containsKey(key(type, null))) throw new IllegalStateException("ontology lacks " + type);
    }

    private static String key(String type, String mode) {
        return type + "/" + (mode == null ? "" : mode);
    }

    public boolean hasMode(String type, String mode) {
        return mode == null || entries.containsKey(key(type, mode));
    }

    /** The entry for the type and mode, else for the type alone. */
    public Entry entry(String type, String mode) {
        Entry e = entries.get(key(type, mode));
        return e != null ? e : entries.get(key(type, null));
    }

    /** GDELT's QuadClass of a CAMEO code: roots 01–05 → 1, 06–08 → 2, 09–13 → 3, 14–20 → 4. */
    public static int cameoQuad(String cameo) {
        int root = Integer.parseInt(cameo.substring(0, 2));
        if (root <= 5) return 1;
        if (root <= 8) return 2;
        if (root <= 13) return 3;
        return 4;
    }
}
