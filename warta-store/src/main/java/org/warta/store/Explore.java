package org.warta.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The questions the explorer (warta-server) asks a store, answered as JSON trees: pages of events and
 * mentions with their total, one event with its mentions, actors and the other reports of its story, actor
 * lists and timelines, the actor network and counts. Parameterised SQL only; sort keys are picked from a
 * fixed list, never pasted from the request.
 */
public final class Explore {
    private Explore() {}

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** One page of rows and how many match in all. */
    public record Page(ArrayNode items, long total) {}

    /** Sort orders of the event and mention lists, by their API names. */
    public static final Map<String, String> EVENT_SORTS = Map.of(
            "day", "e.day, e.id",
            "-day", "e.day DESC, e.id",
            "score", "e.score, e.id",
            "-score", "e.score DESC, e.id",
            "event", "e.event, e.day, e.id",
            "confidence", "e.confidence, e.id",
            "-confidence", "e.confidence DESC, e.id");

    private static final String EVENT_FROM = " FROM events e JOIN articles a ON a.id = e.article_id";

    /** The filter's WHERE clause, restricted to the given articles when {@code articleIds} is not null (a text query's hits). */
    private static String where(EventFilter f, Collection<String> articleIds, List<Object> args) {
        String w = f.where(args);
        if (articleIds == null) return w;
        if (articleIds.isEmpty()) return w + " AND 1 = 0";
        args.addAll(articleIds);
        return w + " AND e.article_id IN (" + String.join(", ", java.util.Collections.nCopies(articleIds.size(), "?")) + ")";
    }

    private static String order(String sort) {
        String o = EVENT_SORTS.get(sort == null ? "day" : sort);
        if (o == null) throw new IllegalArgumentException("unknown sort '" + sort + "' (use one of " + new java.util.TreeSet<>(EVENT_SORTS.keySet()) + ")");
        return o;
    }

    private static long count(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = Queries.prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Events matching the filter (and the articles of a text query, when given), one page of them. */
    public static Page events(Connection c, EventFilter f, Collection<String> articleIds, String sort, int offset, int limit)
            throws SQLException {
        List<Object> args = new ArrayList<>();
        String w = where(f, articleIds, args);
        long total = count(c, "SELECT COUNT(*)" + EVENT_FROM + w, args);
        ArrayNode items = F.arrayNode();
        String sql = "SELECT e.id, e.day, e.event, e.mode, e.plover_quad, e.score, e.confidence, e.actor_codes, e.recipient_codes, "
                + "e.location_country, e.location_text, e.modality, e.attribution, e.story_id, e.article_id, e.summary, "
                + "a.outlet, a.url, a.title, a.language, e.record" + EVENT_FROM + w + " ORDER BY " + order(sort)
                + " LIMIT " + limit + " OFFSET " + offset;
        try (PreparedStatement ps = Queries.prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) items.add(row(rs, "record"));
        }
        return new Page(items, total);
    }

    /** Mentions (the sentences that report an event) of the matching events, with the evidence text cut from the article. */
    public static Page mentions(Connection c, EventFilter f, Collection<String> articleIds, String sort, int offset, int limit)
            throws SQLException {
        List<Object> args = new ArrayList<>();
        String w = where(f, articleIds, args);
        String from = EVENT_FROM + " JOIN mentions m ON m.event_id = e.id AND m.article_id = e.article_id";
        long total = count(c, "SELECT COUNT(*)" + from + w, args);
        ArrayNode items = F.arrayNode();
        String sql = "SELECT e.id AS event_id, e.event, e.day, e.modality AS event_modality, m.article_id, m.ordinal, m.sentence, "
                + "m.start_offset, m.end_offset, m.trigger, m.modality, m.source_code, m.source_name, m.cue, e.summary, a.outlet, a.title"
                + from + w + " ORDER BY " + order(sort) + ", m.ordinal LIMIT " + limit + " OFFSET " + offset;
        Map<String, String> texts = new HashMap<>();
        try (PreparedStatement ps = Queries.prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ObjectNode m = row(rs, null);
                String text = texts.computeIfAbsent(m.path("article_id").asText(), id -> articleText(c, id));
                m.put("text", slice(text, m.path("start_offset").asInt(-1), m.path("end_offset").asInt(-1)));
                items.add(m);
            }
        }
        return new Page(items, total);
    }

    /** One event (any modality) with its mentions, actors and the other reports of its story; empty when unknown. */
    public static Optional<ObjectNode> event(Connection c, String id) throws SQLException {
        ObjectNode ev = null;
        String sql = "SELECT e.id, e.day, e.event, e.mode, e.plover_quad, e.score, e.confidence, e.location_country, e.location_text, "
                + "e.modality, e.attribution, e.story_id, e.article_id, e.summary, a.outlet, a.url, a.title, a.language, a.published, e.record"
                + EVENT_FROM + " WHERE e.id = ? ORDER BY e.article_id LIMIT 1";
        try (PreparedStatement ps = Queries.prepare(c, sql, List.of(id)); ResultSet rs = ps.executeQuery()) {
            if (rs.next()) ev = row(rs, "record");
        }
        if (ev == null) return Optional.empty();
        String articleId = ev.path("article_id").asText();
        ev.set("mentions", list(c, "SELECT ordinal, sentence, start_offset, end_offset, trigger, modality, source_code, source_name, cue "
                + "FROM mentions WHERE event_id = ? AND article_id = ? ORDER BY ordinal", List.of(id, articleId)));
        ev.set("actors", list(c, "SELECT role, ordinal, text, code, sector, name, wikidata FROM actors "
                + "WHERE event_id = ? AND article_id = ? ORDER BY role, ordinal", List.of(id, articleId)));
        ArrayNode reports = F.arrayNode();
        String story = ev.path("story_id").asText(null);
        if (story != null) {
            reports = list(c, "SELECT e.id, e.day, e.event, e.modality, e.article_id, e.summary, a.outlet, a.url, a.title, a.published"
                    + EVENT_FROM + " WHERE e.story_id = ? AND NOT (e.id = ? AND e.article_id = ?) ORDER BY a.published, e.id",
                    List.of(story, id, articleId));
        }
        ev.set("story_reports", reports);
        return Optional.of(ev);
    }

    /** The stored raw page of an article (to re-run the pipeline for its annotations) and its stored event ids. */
    public record ArticleRow(Store.StoredPage page, String duplicateOf, List<String> eventIds) {}

    public static Optional<ArticleRow> article(Connection c, String id) throws SQLException {
        Store.StoredPage page = null;
        String dup = null;
        try (PreparedStatement ps = Queries.prepare(c, "SELECT id, page_name, page_url, page_type, page_meta, page_bytes, as_of, duplicate_of "
                + "FROM articles WHERE id = ?", List.of(id)); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return Optional.empty();
            Map<String, String> meta = new HashMap<>();
            String m = rs.getString(5);
            if (m != null) EventRecords.parse(m).fields().forEachRemaining(x -> meta.put(x.getKey(), x.getValue().asText()));
            org.warta.model.Page p = new org.warta.model.Page(rs.getString(2), rs.getString(3),
                    org.warta.model.Page.MediaType.valueOf(rs.getString(4)), rs.getBytes(6), meta);
            java.sql.Date d = rs.getDate(7);
            page = new Store.StoredPage(rs.getString(1), p, d == null ? null : d.toLocalDate());
            dup = rs.getString(8);
        }
        List<String> events = new ArrayList<>();
        try (PreparedStatement ps = Queries.prepare(c, "SELECT id FROM events WHERE article_id = ? ORDER BY id", List.of(id));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) events.add(rs.getString(1));
        }
        return Optional.of(new ArticleRow(page, dup, events));
    }

    /** Actors (role actor or recipient) of the matching events, most frequent first. */
    public static ArrayNode actors(Connection c, EventFilter f, int limit) throws SQLException {
        List<Object> args = new ArrayList<>();
        String w = f.where(args);
        return list(c, "SELECT x.code, MIN(x.name) AS name, MIN(x.sector) AS sector, COUNT(DISTINCT e.id) AS events, "
                + "COUNT(DISTINCT CASE WHEN x.role = 'actor' THEN e.id END) AS as_actor, "
                + "COUNT(DISTINCT CASE WHEN x.role = 'recipient' THEN e.id END) AS as_recipient"
                + EVENT_FROM + " JOIN actors x ON x.event_id = e.id AND x.article_id = e.article_id" + w
                + " AND x.role IN ('actor', 'recipient') AND x.code IS NOT NULL GROUP BY x.code ORDER BY events DESC, x.code LIMIT " + limit, args);
    }

    /** One actor's matching events per day (as actor, as recipient) and per type. */
    public static ObjectNode timeline(Connection c, String code, EventFilter f) throws SQLException {
        List<Object> args = new ArrayList<>();
        String w = f.where(args) + " AND x.code = ? AND x.role IN ('actor', 'recipient')";
        args.add(code.toUpperCase(java.util.Locale.ROOT));
        String from = EVENT_FROM + " JOIN actors x ON x.event_id = e.id AND x.article_id = e.article_id";
        ObjectNode o = F.objectNode();
        o.put("code", code.toUpperCase(java.util.Locale.ROOT));
        o.set("days", list(c, "SELECT e.day, COUNT(DISTINCT e.id) AS events, "
                + "COUNT(DISTINCT CASE WHEN x.role = 'actor' THEN e.id END) AS as_actor, "
                + "COUNT(DISTINCT CASE WHEN x.role = 'recipient' THEN e.id END) AS as_recipient" + from + w
                + " GROUP BY e.day ORDER BY e.day", args));
        o.set("types", list(c, "SELECT e.event, COUNT(DISTINCT e.id) AS events" + from + w + " GROUP BY e.event ORDER BY events DESC, e.event", args));
        return o;
    }

    /** Dyads (actor → recipient codes) of the matching events with their counts and mean score. */
    public static ArrayNode network(Connection c, EventFilter f, int limit) throws SQLException {
        List<Object> args = new ArrayList<>();
        String w = f.where(args);
        return list(c, "SELECT x.code AS source, y.code AS target, COUNT(DISTINCT e.id) AS events, AVG(e.score) AS mean_score"
                + EVENT_FROM + " JOIN actors x ON x.event_id = e.id AND x.article_id = e.article_id AND x.role = 'actor'"
                + " JOIN actors y ON y.event_id = e.id AND y.article_id = e.article_id AND y.role = 'recipient'" + w
                + " AND x.code IS NOT NULL AND y.code IS NOT NULL GROUP BY x.code, y.code ORDER BY events DESC, x.code, y.code LIMIT " + limit, args);
    }

    /** The counts an analyst charts: {@code by} day, type, quad or country; a day count may be split by quad or type. */
    public static ArrayNode counts(Connection c, EventFilter f, Collection<String> articleIds, String by, String split) throws SQLException {
        String key = column(by, "by");
        String group = split == null ? null : column(split, "split");
        List<Object> args = new ArrayList<>();
        String w = where(f, articleIds, args);
        String sel = "SELECT " + key + " AS key" + (group == null ? "" : ", " + group + " AS grp") + ", COUNT(*) AS n" + EVENT_FROM + w
                + " GROUP BY " + key + (group == null ? "" : ", " + group) + " ORDER BY " + key + (group == null ? "" : ", " + group);
        ArrayNode out = list(c, sel, args);
        for (JsonNode n : out) {
            ObjectNode o = (ObjectNode) n;
            if (o.has("grp")) o.set("group", o.remove("grp"));
        }
        return out;
    }

    private static String column(String name, String param) {
        return switch (name) {
            case "day" -> "e.day";
            case "type" -> "e.event";
            case "quad" -> "e.plover_quad";
            case "country" -> "e.location_country";
            case "mode" -> "e.mode";
            default -> throw new IllegalArgumentException(param + "=" + name + ": use day, type, quad, country or mode");
        };
    }

    private static String articleText(Connection c, String id) {
        try (PreparedStatement ps = Queries.prepare(c, "SELECT text FROM articles WHERE id = ?", List.of(id)); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : "";
        } catch (SQLException e) {
            throw new StoreException("read the text of article " + id + ": " + e.getMessage(), e);
        }
    }

    /** A code-point slice of a text (null when the offsets do not fit). */
    static String slice(String text, int start, int end) {
        if (text == null || start < 0 || end < start || end > text.codePointCount(0, text.length())) return null;
        int s = text.offsetByCodePoints(0, start);
        return text.substring(s, text.offsetByCodePoints(s, end - start));
    }

    private static ArrayNode list(Connection c, String sql, List<Object> args) throws SQLException {
        ArrayNode out = F.arrayNode();
        try (PreparedStatement ps = Queries.prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(row(rs, null));
        }
        return out;
    }

    /** A result row as a JSON object keyed by lower-case column labels; {@code jsonColumn} holds JSON text, parsed. */
    private static ObjectNode row(ResultSet rs, String jsonColumn) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        ObjectNode o = F.objectNode();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String name = md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
            Object v = rs.getObject(i);
            if (v == null) o.putNull(name);
            else if (name.equals(jsonColumn)) o.set(name, EventRecords.parse(v.toString()));
            else if (v instanceof Integer n) o.put(name, n);
            else if (v instanceof Long n) o.put(name, n);
            else if (v instanceof Short n) o.put(name, n.intValue());
            else if (v instanceof Number n) o.put(name, n.doubleValue());
            else if (v instanceof Boolean b) o.put(name, b);
            else o.put(name, v.toString());
        }
        return o;
    }
}
