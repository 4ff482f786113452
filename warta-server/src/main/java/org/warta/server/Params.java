package org.warta.server;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.warta.store.EventFilter;

/** Reads and checks query parameters; anything malformed is a 400 naming the parameter and what it takes. */
final class Params {
    private Params() {}

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    static final Set<String> FILTER_PARAMS = Set.of("actor", "recipient", "type", "mode", "modality", "country", "story", "from", "to");

    static String code(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        v = v.strip();
        if (!CODE.matcher(v).matches()) {
            throw ApiException.badRequest(name + "=" + shorten(v) + ": expected a code of letters, digits, '_', '.', ':' or '-' (at most 64)");
        }
        return v;
    }

    static LocalDate date(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + "=" + shorten(v) + ": expected a date YYYY-MM-DD");
        }
    }

    static int integer(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return dflt;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) throw ApiException.badRequest(name + "=" + n + ": expected " + min + ".." + max);
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + "=" + shorten(v) + ": expected a whole number " + min + ".." + max);
        }
    }

    static String choice(Context ctx, String name, String dflt, Set<String> allowed) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return dflt;
        if (!allowed.contains(v.strip())) {
            throw ApiException.badRequest(name + "=" + shorten(v) + ": use one of " + new java.util.TreeSet<>(allowed));
        }
        return v.strip();
    }

    /** The event filter of the request's {@code actor, recipient, type, mode, modality, country, story, from, to}. */
    static EventFilter filter(Context ctx) {
        LocalDate from = date(ctx, "from");
        LocalDate to = date(ctx, "to");
        if (from != null && to != null && to.isBefore(from)) throw ApiException.badRequest("to=" + to + " is before from=" + from);
        String mod = ctx.queryParam("modality");
        Set<String> modalities = mod == null || mod.isBlank() ? Set.of() : EventFilter.modalities(List.of(mod));
        try {
            return new EventFilter(code(ctx, "actor"), code(ctx, "recipient"), code(ctx, "type"), code(ctx, "mode"), modalities,
                    code(ctx, "country"), code(ctx, "story"), from, to, 0);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("modality=" + shorten(mod) + ": " + e.getMessage());
        }
    }

    static String shorten(String v) {
        if (v == null) return "";
        return v.length() > 60 ? v.substring(0, 60) + "…" : v;
    }
}
