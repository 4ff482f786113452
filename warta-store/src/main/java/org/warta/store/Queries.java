package org.warta.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The questions the CLI asks a store: events, stories and full-text search, each as rows of named
 * columns (for tables and CSV) with the full record where there is one (for JSON lines). Plain SQL over
 * the analyst-facing tables, the same on both engines.
 */
public final class Queries {
    private Queries() {}

    /** A result row: named values in column order, and the event record when the row is an event. */
    public record Row(Map<String, String> values, JsonNode record) {
        public List<String> list(List<String> columns) {
            List<String> out = new ArrayList<>(columns.size());
            for (String c : columns) out.add(values.getOrDefault(c, ""));
            return out;
        }
    }

    public static final List<String> EVENT_COLUMNS = List.of("id", "day", "event", "mode", "actor_codes", "actor_sectors",
            "recipient_codes", "recipient_sectors", "location_country", "modality", "attribution", "story_id", "outlet",
            "url", "article_id", "summary");
    public static final List<String> STORY_COLUMNS = List.of("story_id", "event", "first_day", "last_day", "events",
            "articles", "sources", "earliest_article_id", "earliest_url", "earliest_title", "merged_ids");
    public static final List<String> SEARCH_COLUMNS = List.of("score", "article_id", "published", "outlet", "title", "url",
            "events", "event_types");

    static final String EVENT_SELECT = "SELECT e.id, e.day, e.event, e.mode, e.actor_codes, e.actor_sectors, e.recipient_codes, "
            + "e.recipient_sectors, e.location_country, e.modality, e.attribution, e.story_id, a.outlet, a.url, e.article_id, "
            + "e.summary, e.record FROM events e JOIN articles a ON a.id = e.article_id";

    /** Events matching the filter, by day then id. */
    public static void events(Connection c, EventFilter f, Consumer<Row> out) throws SQLException {
        List<Object> args = new ArrayList<>();
        String sql = EVENT_SELECT + f.where(args) + " ORDER BY e.day, e.id" + (f.limit() > 0 ? " LIMIT " + f.limit() : "");
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, String> v = new LinkedHashMap<>();
                for (int i = 0; i < EVENT_COLUMNS.size(); i++) v.put(EVENT_COLUMNS.get(i), str(rs.getObject(i + 1)));
                out.accept(new Row(v, EventRecords.parse(rs.getString(EVENT_COLUMNS.size() + 1))));
            }
        }
    }

    /**
     * Stories with at least one event matching the filter; their counts are of the matching events
     * (asserted by default), by first day then id.
     */
    public static void stories(Connection c, EventFilter f, Consumer<Row> out) throws SQLException {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT s.id, s.event, MIN(e.day), MAX(e.day), COUNT(*), COUNT(DISTINCT e.article_id), "
                + "COUNT(DISTINCT COALESCE(a.outlet, a.id)), s.earliest_article_id, ea.url, ea.title, s.merged_ids "
                + "FROM events e JOIN articles a ON a.id = e.article_id JOIN stories s ON s.id = e.story_id "
                + "LEFT JOIN articles ea ON ea.id = s.earliest_article_id" + f.where(args)
                + " GROUP BY s.id, s.event, s.earliest_article_id, ea.url, ea.title, s.merged_ids ORDER BY MIN(e.day), s.id"
                + (f.limit() > 0 ? " LIMIT " + f.limit() : "");
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, String> v = new LinkedHashMap<>();
                for (int i = 0; i < STORY_COLUMNS.size(); i++) v.put(STORY_COLUMNS.get(i), str(rs.getObject(i + 1)));
                out.accept(new Row(v, null));
            }
        }
    }

    /** Full-text search over the articles, each hit joined to its events of the filter's modalities. */
    public static void search(Store store, String query, EventFilter f, Consumer<Row> out) throws SQLException {
        List<ArticleIndex.Hit> hits = store.index().search(query, f.limit() > 0 ? f.limit() : 20);
        try (Connection c = store.read();
             PreparedStatement pa = c.prepareStatement("SELECT published, outlet, title, url FROM articles WHERE id = ?")) {
            for (ArticleIndex.Hit h : hits) {
                pa.setString(1, h.articleId());
                Map<String, String> v = new LinkedHashMap<>();
                v.put("score", String.format(java.util.Locale.ROOT, "%.3f", h.score()));
                v.put("article_id", h.articleId());
                try (ResultSet rs = pa.executeQuery()) {
                    if (!rs.next()) continue; // the index is ahead of a concurrent delete: skip
                    v.put("published", str(rs.getString(1)));
                    v.put("outlet", str(rs.getString(2)));
                    v.put("title", str(rs.getString(3)));
                    v.put("url", str(rs.getString(4)));
                }
                List<Object> args = new ArrayList<>();
                String where = f.where(args) + " AND e.article_id = ?";
                args.add(h.articleId());
                List<String> types = new ArrayList<>();
                try (PreparedStatement pe = prepare(c, "SELECT e.event FROM events e JOIN articles a ON a.id = e.article_id"
                        + where + " ORDER BY e.id", args); ResultSet rs = pe.executeQuery()) {
                    while (rs.next()) types.add(rs.getString(1));
                }
                v.put("events", String.valueOf(types.size()));
                v.put("event_types", String.join(";", new java.util.TreeSet<>(types)));
                out.accept(new Row(v, null));
            }
        }
    }

    static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof java.time.LocalDate d) ps.setObject(i + 1, d);
            else ps.setString(i + 1, (String) a);
        }
        return ps;
    }

    static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
