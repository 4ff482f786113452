package org.warta.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which events a query, a count or an export takes. Every field is optional. {@code modalities} defaults
 * to asserted events only (the product's rule: counts are of events that happened); give the others by
 * name, or {@code all}.
 *
 * @param actor a PLOVER code of one of the event's actors (e.g. PRK)
 * @param recipient a code of one of its recipients
 * @param type a PLOVER event type (MOBILIZE)
 * @param from first day (the event's day, else its article's), inclusive
 * @param to last day, inclusive
 */
public record EventFilter(String actor, String recipient, String type, String mode, Set<String> modalities,
                          String country, String story, LocalDate from, LocalDate to, int limit) {
    public static final Set<String> ALL_MODALITIES = Set.of("asserted", "future", "hypothetical", "negated", "historical");

    public EventFilter {
        modalities = modalities == null || modalities.isEmpty() ? Set.of("asserted") : Set.copyOf(modalities);
        for (String m : modalities) {
            if (!ALL_MODALITIES.contains(m)) throw new IllegalArgumentException("unknown modality '" + m + "' (use " + ALL_MODALITIES + " or all)");
        }
    }

    /** Every event (all modalities), no limit. */
    public static EventFilter everything() {
        return new EventFilter(null, null, null, null, ALL_MODALITIES, null, null, null, null, 0);
    }

    /** Parses {@code --modality} values: names, comma-separated names, or {@code all}. */
    public static Set<String> modalities(List<String> values) {
        Set<String> out = new java.util.TreeSet<>();
        for (String v : values) {
            for (String s : v.split(",")) {
                s = s.strip().toLowerCase(Locale.ROOT);
                if (s.equals("all")) out.addAll(ALL_MODALITIES);
                else if (!s.isEmpty()) out.add(s);
            }
        }
        return out;
    }

    /** The WHERE clause over {@code events e} (with {@code articles a} joined) and its arguments. */
    String where(List<Object> args) {
        List<String> w = new ArrayList<>();
        List<String> mods = new ArrayList<>(new java.util.TreeSet<>(modalities));
        w.add("e.modality IN (" + String.join(", ", java.util.Collections.nCopies(mods.size(), "?")) + ")");
        args.addAll(mods);
        if (actor != null) {
            w.add("EXISTS (SELECT 1 FROM actors x WHERE x.event_id = e.id AND x.role = 'actor' AND x.code = ?)");
            args.add(actor.toUpperCase(Locale.ROOT));
        }
        if (recipient != null) {
            w.add("EXISTS (SELECT 1 FROM actors x WHERE x.event_id = e.id AND x.role = 'recipient' AND x.code = ?)");
            args.add(recipient.toUpperCase(Locale.ROOT));
        }
        if (type != null) {
            w.add("e.event = ?");
            args.add(type.toUpperCase(Locale.ROOT));
        }
        if (mode != null) {
            w.add("e.mode = ?");
            args.add(mode.toLowerCase(Locale.ROOT));
        }
        if (country != null) {
            w.add("e.location_country = ?");
            args.add(country.toUpperCase(Locale.ROOT));
        }
        if (story != null) {
            w.add("e.story_id = ?");
            args.add(story);
        }
        if (from != null) {
            w.add("e.day >= ?");
            args.add(from);
        }
        if (to != null) {
            w.add("e.day <= ?");
            args.add(to);
        }
        return " WHERE " + String.join(" AND ", w);
    }
}
