package org.warta.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.warta.Warta;
import org.warta.model.Actor;
import org.warta.model.Article;
import org.warta.model.Attribution;
import org.warta.model.Event;
import org.warta.model.EventMention;
import org.warta.model.Location;

/**
 * Writes an {@link Event} as the normative event record of the product brief, described by
 * {@code schema/event.schema.json} (version 2). Keys are snake_case and always present (null when unknown),
 * except a mention's {@code source_start}/{@code source_end}, which are left out when the input has no
 * source text (HTML, WARC, feeds). Offsets are Unicode code points: {@code start}/{@code end} and the
 * trigger's into {@code Article.text}, {@code source_*} into the input's text.
 *
 * <pre>{@code
 * String line = EventJson.line(event, article, "2026-11-27");
 * }</pre>
 */
public final class EventJson {
    private EventJson() {}

    /** The {@code coder} field: Warta's version, the language pack ({@code "id-1"}) and the KB version. */
    public record Coder(String warta, String lang, String kb) {
        /** Coder info for an article in {@code language} (ISO 639-1; null gives {@code "und"}). */
        public static Coder of(String language, String kbVersion) {
            return new Coder(Warta.VERSION, (language == null || language.isBlank() ? "und" : language) + "-1",
                    kbVersion == null ? "unknown" : kbVersion);
        }
    }

    /** The record of an event of {@code article} (whose text turns char indexes into code points). */
    public static ObjectNode node(Event e, Article article, String kbVersion) {
        return node(e, article == null ? Offsets.identity() : Offsets.of(article.text()),
                Coder.of(article == null ? null : article.language(), kbVersion));
    }

    /** One JSON line (no newline) for an event of {@code article}. */
    public static String line(Event e, Article article, String kbVersion) {
        return Json.line(node(e, article, kbVersion));
    }

    public static ObjectNode node(Event e, Offsets offsets, Coder coder) {
        ObjectNode o = Json.object();
        o.put("id", e.id());
        o.put("article_id", e.articleId());
        o.put("event", e.type());
        o.put("mode", e.mode());
        o.set("context", Json.strings(e.context()));
        o.put("cameo", e.cameo());
        if (e.ploverQuad() == null) o.putNull("plover_quad"); else o.put("plover_quad", e.ploverQuad());
        if (e.cameoQuad() == null) o.putNull("cameo_quad"); else o.put("cameo_quad", e.cameoQuad());
        Json.putNumber(o, "score", e.score());
        o.put("date", e.date());
        o.put("date_precision", e.datePrecision());
        o.put("date_inferred", e.dateInferred());
        o.set("actor", actors(e.actor()));
        o.set("recipient", actors(e.recipient()));
        o.set("location", location(e.location()));
        ObjectNode size = o.putObject("size");
        for (Map.Entry<String, Long> s : new java.util.TreeMap<>(e.size()).entrySet()) size.put(s.getKey(), s.getValue());
        o.put("modality", e.modality() == null ? null : e.modality().label());
        ArrayNode attribution = o.putArray("attribution");
        for (Attribution a : e.attribution()) attribution.add(source(a, false));
        ArrayNode mentions = o.putArray("mentions");
        for (EventMention m : e.mentions()) mentions.add(mention(m, offsets));
        double c = e.confidence();
        o.put("confidence", Double.isFinite(c) ? c : 0.0);
        o.putObject("summary").put("en", e.summary());
        ObjectNode cd = o.putObject("coder");
        cd.put("warta", coder.warta());
        cd.put("lang", coder.lang());
        cd.put("kb", coder.kb());
        return o;
    }

    static ArrayNode actors(List<Actor> actors) {
        ArrayNode a = Json.array();
        for (Actor x : actors) a.add(actor(x));
        return a;
    }

    static ObjectNode actor(Actor x) {
        ObjectNode o = Json.object();
        o.put("text", x.text());
        o.put("code", x.code());
        o.put("sector", x.sector());
        o.put("name", x.name());
        o.put("wikidata", x.wikidata());
        return o;
    }

    static ObjectNode location(Location l) {
        if (l == null) return null;
        ObjectNode o = Json.object();
        o.put("text", l.text());
        o.put("country", l.country());
        o.put("resolution", l.resolution());
        o.put("name", l.name());
        o.put("admin1", l.admin1());
        o.put("admin1_name", l.admin1Name());
        Json.putNumber(o, "lat", l.lat());
        Json.putNumber(o, "lon", l.lon());
        return o;
    }

    /** An attribution: with its cue on a mention, without on the event (whose list is the distinct sources). */
    static ObjectNode source(Attribution a, boolean withCue) {
        ObjectNode o = Json.object();
        o.put("text", a.text());
        o.put("code", a.code());
        o.put("sector", a.sector());
        o.put("name", a.name());
        if (withCue) o.put("cue", a.cue());
        return o;
    }

    static ObjectNode mention(EventMention m, Offsets offsets) {
        ObjectNode o = Json.object();
        o.put("sentence", m.sentence());
        o.put("start", offsets.cp(m.start()));
        o.put("end", offsets.cpEnd(m.end()));
        if (m.sourceStart() >= 0 && m.sourceEnd() >= 0) {
            o.put("source_start", m.sourceStart());
            o.put("source_end", m.sourceEnd());
        }
        o.put("trigger", m.trigger());
        if (m.triggerStart() >= 0 && m.triggerEnd() >= 0) {
            o.put("trigger_start", offsets.cp(m.triggerStart()));
            o.put("trigger_end", offsets.cpEnd(m.triggerEnd()));
        } else {
            o.putNull("trigger_start");
            o.putNull("trigger_end");
        }
        o.put("modality", m.modality() == null ? null : m.modality().label());
        o.set("attribution", m.attribution() == null ? null : source(m.attribution(), true));
        return o;
    }
}
