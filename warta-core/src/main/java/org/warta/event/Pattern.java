package org.warta.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.warta.lang.TsvTable;

/** One line of a language's {@code events.tsv}: the terms to match and what event they make. */
record Pattern(List<Term> terms, String type, String mode, String cameo, Set<String> slots, boolean absorb,
               List<String> context, String source) {

    /** One alternative of a term: a root (or, exact, a written word) and an optional form restriction. */
    record Alt(String word, boolean exact, String form) {}

    /** One term: alternatives, or a gap of up to three words. */
    record Term(List<Alt> alternatives, boolean gap) {}

    static Pattern parse(TsvTable.Row r, Ontology ontology) {
        String type = r.required("type");
        if (!Ontology.TYPES.contains(type)) throw r.error("unknown PLOVER type '" + type + "'");
        String mode = r.required("mode");
        mode = mode.equals("-") ? null : mode;
        if (!ontology.hasMode(type, mode)) throw r.error("PLOVER type " + type + " has no mode '" + mode + "'");
        String cameo = r.required("cameo");
        if (!cameo.equals("-") && ontology.cameo(cameo).isEmpty()) throw r.error("unknown CAMEO code '" + cameo + "' (not in plover/cameo.tsv)");
        List<Term> terms = new ArrayList<>();
        for (String raw : r.required("pattern").split("\\s+")) {
            if (raw.equals("*")) {
                terms.add(new Term(List.of(), true));
                continue;
            }
            List<Alt> alts = new ArrayList<>();
            for (String alt : raw.split("/")) {
                String a = alt;
                boolean exact = a.startsWith("=");
                if (exact) a = a.substring(1);
                String form = null;
                int colon = a.indexOf(':');
                if (colon >= 0) {
                    form = a.substring(colon + 1);
                    if (!Set.of("active", "passive", "noun", "base", "verb").contains(form))
                        throw r.error("unknown form '" + form + "' in term '" + raw + "'");
                    a = a.substring(0, colon);
                }
                if (a.isEmpty()) throw r.error("empty term in pattern");
                alts.add(new Alt(a.toLowerCase(Locale.ROOT), exact, form));
            }
            terms.add(new Term(alts, false));
        }
        if (terms.isEmpty() || terms.get(0).gap() || terms.get(terms.size() - 1).gap())
            throw r.error("a pattern may not start or end with *");
        Set<String> slots = Set.copyOf(r.get("slots").equals("-") ? List.of() : r.list("slots"));
        for (String s : slots)
            if (!Set.of("psubj=actor", "source=recipient", "instrument=actor", "owner=actor").contains(s)) throw r.error("unknown slot rule '" + s + "'");
        String flags = r.get("flags");
        if (!flags.equals("-") && !flags.equals("absorb")) throw r.error("unknown flag '" + flags + "'");
        List<String> ctx = r.get("context").equals("-") ? List.of() : r.list("context");
        return new Pattern(terms, type, mode, cameo.equals("-") ? null : cameo, slots, flags.equals("absorb"), ctx,
                r.line() > 0 ? "line " + r.line() : "");
    }

    /** Roots named by non-exact terms (added to the analyser's lexicon). */
    List<String> roots() {
        List<String> out = new ArrayList<>();
        for (Term t : terms) for (Alt a : t.alternatives()) if (!a.exact()) out.add(a.word());
        return out;
    }
}
