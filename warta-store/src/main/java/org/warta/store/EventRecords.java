package org.warta.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.warta.io.Json;
import org.warta.model.Actor;
import org.warta.model.Attribution;
import org.warta.model.Event;
import org.warta.model.EventMention;
import org.warta.model.Location;
import org.warta.model.Modality;

/**
 * Reads a stored event record (the JSON that {@code io.EventJson} writes) back into an {@link Event}, so
 * that stories can be re-formed from the database without re-coding. Offsets stay in code points (the
 * record's unit), which is all the linker needs.
 */
final class EventRecords {
    private EventRecords() {}

    static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Event event(String json) {
        JsonNode o = parse(json);
        Map<String, Long> size = new LinkedHashMap<>();
        o.path("size").fields().forEachRemaining(f -> size.put(f.getKey(), f.getValue().asLong()));
        List<String> context = new ArrayList<>();
        o.path("context").forEach(c -> context.add(c.asText()));
        List<Attribution> attribution = new ArrayList<>();
        o.path("attribution").forEach(a -> attribution.add(new Attribution(text(a, "text"), text(a, "code"),
                text(a, "sector"), text(a, "name"), null)));
        List<EventMention> mentions = new ArrayList<>();
        for (JsonNode m : o.path("mentions")) {
            JsonNode at = m.path("attribution");
            mentions.add(new EventMention(m.path("sentence").asInt(), m.path("start").asInt(), m.path("end").asInt(),
                    m.path("source_start").asInt(-1), m.path("source_end").asInt(-1), text(m, "trigger"),
                    m.path("trigger_start").asInt(-1), m.path("trigger_end").asInt(-1), modality(text(m, "modality")),
                    at.isObject() ? new Attribution(text(at, "text"), text(at, "code"), text(at, "sector"),
                            text(at, "name"), text(at, "cue")) : null));
        }
        JsonNode loc = o.path("location");
        return new Event(text(o, "id"), text(o, "article_id"), text(o, "event"), text(o, "mode"), context,
                text(o, "cameo"), integer(o, "plover_quad"), integer(o, "cameo_quad"),
                o.path("score").isNumber() ? o.path("score").asDouble() : null, text(o, "date"),
                text(o, "date_precision"), o.path("date_inferred").asBoolean(), actors(o.path("actor")),
                actors(o.path("recipient")), loc.isObject() ? new Location(text(loc, "text"), text(loc, "country"),
                        text(loc, "resolution")) : null, size, modality(text(o, "modality")), attribution, mentions,
                o.path("confidence").asDouble(), o.path("summary").path("en").asText(null));
    }

    private static List<Actor> actors(JsonNode list) {
        List<Actor> out = new ArrayList<>();
        list.forEach(a -> out.add(new Actor(text(a, "text"), text(a, "code"), text(a, "sector"), text(a, "name"),
                text(a, "wikidata"))));
        return out;
    }

    private static Modality modality(String s) {
        return s == null ? null : Modality.parse(s);
    }

    private static Integer integer(JsonNode o, String key) {
        JsonNode n = o.get(key);
        return n == null || n.isNull() ? null : n.asInt();
    }

    static String text(JsonNode o, String key) {
        JsonNode n = o.get(key);
        return n == null || n.isNull() ? null : n.asText();
    }
}
