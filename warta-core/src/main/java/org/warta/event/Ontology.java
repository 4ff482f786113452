package org.warta.event;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import org.warta.lang.TsvTable;

/**
 * PLOVER's types and modes with their quad category, score and a default CAMEO code, from
 * {@code warta/plover/ontology.tsv}; the CAMEO codes with their PLOVER type, mode and contexts, from
 * {@code warta/plover/cameo.tsv}; and GDELT's QuadClass of a CAMEO code.
 */
public final class Ontology {
    public record Entry(String type, String mode, int quad, double score, String cameo) {}

    /** A CAMEO code of {@code plover/cameo.tsv}: its name, Goldstein score, PLOVER type, mode and contexts. */
    public record Cameo(String code, String name, Double goldstein, String type, String mode, List<String> context) {}

    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, Cameo> cameo = new HashMap<>();

    public static final Set<String> TYPES = Set.of("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
            "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT");

    private static final Ontology INSTANCE = new Ontology(TsvTable.resource("warta/plover/ontology.tsv"),
            TsvTable.resource("warta/plover/cameo.tsv"));

    public static Ontology get() { return INSTANCE; }

    Ontology(TsvTable t, TsvTable cameoTable) {
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
        cameoTable.require("code", "name", "goldstein", "cameo_quad", "type", "mode", "context");
        for (TsvTable.Row r : cameoTable.rows()) {
            String code = r.required("code");
            if (!code.matches("\\d{3,4}")) throw r.error("bad CAMEO code '" + code + "'");
            String type = r.required("type");
            String mode = r.required("mode").equals("-") ? null : r.get("mode");
            if (!TYPES.contains(type) || !hasMode(type, mode)) throw r.error("not a PLOVER type and mode of the manual: " + type + " " + mode);
            if (Integer.parseInt(r.required("cameo_quad")) != cameoQuad(code)) throw r.error("cameo_quad is not GDELT's QuadClass of " + code);
            Double g;
            try {
                g = r.get("goldstein").equals("-") ? null : Double.valueOf(r.get("goldstein"));
            } catch (NumberFormatException e) {
                throw r.error("goldstein must be a number or -");
            }
            cameo.put(code, new Cameo(code, r.get("name"), g, type, mode, r.get("context").equals("-") ? List.of() : r.list("context")));
        }
        for (Entry e : entries.values())
            if (!cameo.containsKey(e.cameo())) throw new IllegalStateException(t.name() + ": default CAMEO code " + e.cameo() + " of "
                    + e.type() + " is not in " + cameoTable.name());
    }

    /** The CAMEO code's entry, if {@code plover/cameo.tsv} has it. */
    public Optional<Cameo> cameo(String code) {
        return Optional.ofNullable(code == null ? null : cameo.get(code));
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
