package org.warta.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.warta.io.CsvWriter;
import org.warta.io.Json;

/**
 * Writes a store's events to a file: Warta JSON lines (the event records of {@code schema/event.schema.json}),
 * PLOVER JSON lines (the field names of the PLOVER manual's data chapter, as POLECAT uses them), a flat CSV
 * with GDELT-like columns, or Parquet (the same columns, written by the DuckDB engine bundled in the JDBC
 * driver: nothing is installed or loaded over the network).
 */
public final class Exporter {
    private Exporter() {}

    public enum Format { jsonl, plover, csv, parquet }

    /** The flat columns of the CSV and Parquet exports. */
    public static final List<String> FLAT_COLUMNS = List.of("event_id", "date", "date_precision",
            "actor1_code", "actor1_sector", "actor1_name", "actor2_code", "actor2_sector", "actor2_name",
            "plover_type", "plover_mode", "context", "cameo_code", "cameo_quad", "plover_quad", "goldstein",
            "location", "location_country", "location_resolution", "modality", "attribution",
            "num_mentions", "num_articles", "num_sources", "story_id", "confidence", "source_url", "outlet", "article_id",
            "coder_warta", "coder_lang", "coder_kb");

    private static final String SELECT = "SELECT e.record, e.story_id, a.url, a.outlet, a.title, a.language, a.published, "
            + "s.articles, s.sources FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN stories s ON s.id = e.story_id";

    /** Writes the events the filter selects; returns how many. */
    public static long export(Store store, EventFilter filter, Format format, Path out) throws IOException, SQLException {
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        if (format == Format.parquet) return parquet(store, filter, out);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out));
             PrintStream ps = new PrintStream(os, false, StandardCharsets.UTF_8)) {
            return write(store, filter, format, ps);
        }
    }

    private static long write(Store store, EventFilter filter, Format format, PrintStream out) throws SQLException {
        List<Object> args = new ArrayList<>();
        String sql = SELECT + filter.where(args) + " ORDER BY e.day, e.id" + (filter.limit() > 0 ? " LIMIT " + filter.limit() : "");
        CsvWriter csv = format == Format.csv ? new CsvWriter(out, FLAT_COLUMNS) : null;
        long n = 0;
        try (Connection c = store.read(); PreparedStatement ps = Queries.prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                JsonNode rec = EventRecords.parse(rs.getString(1));
                Source src = new Source(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), (Integer) intOrNull(rs, 8), (Integer) intOrNull(rs, 9));
                switch (format) {
                    case jsonl -> out.print(Json.line(rec) + "\n");
                    case plover -> out.print(Json.line(plover(rec, src)) + "\n");
                    case csv -> csv.row(flat(rec, src));
                    default -> throw new IllegalStateException();
                }
                n++;
            }
        }
        if (csv != null) csv.finish();
        out.flush();
        return n;
    }

    private static Object intOrNull(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }

    private record Source(String storyId, String url, String outlet, String title, String language, String published,
                          Integer storyArticles, Integer storySources) {}

    /** Parquet: the flat CSV, typed and converted by an in-memory DuckDB. */
    private static long parquet(Store store, EventFilter filter, Path out) throws IOException, SQLException {
        Path tmp = Files.createTempFile("warta-export", ".csv");
        try {
            long n;
            try (PrintStream ps = new PrintStream(new BufferedOutputStream(Files.newOutputStream(tmp)), false, StandardCharsets.UTF_8)) {
                n = write(store, filter, Format.csv, ps);
            }
            Files.deleteIfExists(out);
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
                st.execute("SET autoinstall_known_extensions = false");
                st.execute("SET autoload_known_extensions = false");
                st.execute("COPY (SELECT * FROM read_csv('" + sqlPath(tmp) + "', header = true, auto_detect = true, "
                        + "types = {'event_id': 'VARCHAR', 'date': 'VARCHAR', 'cameo_code': 'VARCHAR', 'story_id': 'VARCHAR', "
                        + "'article_id': 'VARCHAR', 'context': 'VARCHAR', 'attribution': 'VARCHAR', 'actor1_name': 'VARCHAR', "
                        + "'actor2_name': 'VARCHAR', 'coder_kb': 'VARCHAR', 'coder_lang': 'VARCHAR', 'coder_warta': 'VARCHAR'})) TO '"
                        + sqlPath(out) + "' (FORMAT PARQUET)");
            }
            return n;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String sqlPath(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }

    private static List<String> flat(JsonNode r, Source s) {
        JsonNode a1 = r.path("actor").path(0), a2 = r.path("recipient").path(0), loc = r.path("location");
        List<String> names = new ArrayList<>();
        r.path("attribution").forEach(x -> names.add(x.path("name").isNull() || x.path("name").isMissingNode()
                ? x.path("text").asText("") : x.path("name").asText()));
        List<String> ctx = new ArrayList<>();
        r.path("context").forEach(x -> ctx.add(x.asText()));
        return List.of(t(r, "id"), t(r, "date"), t(r, "date_precision"),
                t(a1, "code"), t(a1, "sector"), name(a1), t(a2, "code"), t(a2, "sector"), name(a2),
                t(r, "event"), t(r, "mode"), String.join(";", ctx), t(r, "cameo"), t(r, "cameo_quad"), t(r, "plover_quad"),
                t(r, "score"), t(loc, "text"), t(loc, "country"), t(loc, "resolution"), t(r, "modality"), String.join(";", names),
                String.valueOf(r.path("mentions").size()), s.storyArticles() == null ? "1" : s.storyArticles().toString(),
                s.storySources() == null ? "1" : s.storySources().toString(), nz(s.storyId()), t(r, "confidence"), nz(s.url()),
                nz(s.outlet()), t(r, "article_id"), t(r.path("coder"), "warta"), t(r.path("coder"), "lang"), t(r.path("coder"), "kb"));
    }

    private static String name(JsonNode actor) {
        String n = t(actor, "name");
        return n.isEmpty() ? t(actor, "text") : n;
    }

    /** A record in PLOVER's field names (manual draft 2.0, chapter 6). */
    static ObjectNode plover(JsonNode r, Source s) {
        ObjectNode o = Json.object();
        o.put("id", t(r, "id"));
        o.put("has_event", true);
        String date = t(r, "date");
        if (date.length() >= 10) o.put("date", date.substring(0, 10)); else if (date.isEmpty()) o.putNull("date"); else o.put("date", date);
        o.set("actor", entities(r.path("actor")));
        o.set("recipient", entities(r.path("recipient")));
        o.set("event", Json.array().add(t(r, "event")));
        ArrayNode mode = Json.array();
        if (!t(r, "mode").isEmpty()) mode.add(t(r, "mode"));
        o.set("mode", mode);
        o.set("context", r.path("context").deepCopy());
        JsonNode loc = r.path("location");
        if (loc.isObject()) {
            ObjectNode l = o.putObject("event_loc");
            l.put("extracted_place", t(loc, "text"));
            l.put("country_code", t(loc, "country"));
            Integer res = switch (t(loc, "resolution").toLowerCase(Locale.ROOT)) {
                case "country" -> 1;
                case "admin1" -> 2;
                case "city" -> 4;
                case "place" -> 5;
                default -> null;
            };
            if (res == null) l.putNull("resolution"); else l.put("resolution", res);
        } else {
            o.putNull("event_loc");
        }
        ArrayNode texts = Json.array();
        r.path("mentions").forEach(m -> texts.add(m.path("trigger").asText("")));
        o.set("event_text", texts);
        if (r.path("plover_quad").isNumber()) o.put("quad_code", r.path("plover_quad").asInt()); else o.putNull("quad_code");
        if (r.path("score").isNumber()) o.put("event_scale", r.path("score").asDouble()); else o.putNull("event_scale");
        if (s.storyId() == null) o.putNull("link"); else o.put("link", s.storyId());
        ArrayNode info = Json.array();
        r.path("mentions").forEach(m -> info.add(Json.object().put("sequence", m.path("sentence").asInt())
                .put("start", m.path("start").asInt()).put("end", m.path("end").asInt())));
        o.set("text_info", info);
        ObjectNode cite = o.putObject("cite_info");
        cite.put("url", nz(s.url()));
        cite.put("title", nz(s.title()));
        cite.put("language", nz(s.language()));
        cite.put("publication", nz(s.outlet()));
        cite.put("coder", "warta " + t(r.path("coder"), "warta"));
        cite.put("codebook", "plover-2.0");
        cite.put("version", t(r.path("coder"), "lang") + "/" + t(r.path("coder"), "kb"));
        o.put("coder", "warta " + t(r.path("coder"), "warta"));
        o.put("comment", t(r, "modality") + (r.path("attribution").isEmpty() ? "" : "; according to " + t(r.path("attribution").path(0), "text")));
        return o;
    }

    private static ArrayNode entities(JsonNode list) {
        ArrayNode a = Json.array();
        for (JsonNode x : list) {
            ObjectNode e = a.addObject();
            e.put("code", t(x, "code"));
            e.put("sector", t(x, "sector"));
            e.put("entity_text", t(x, "text"));
            e.put("identifier_id", t(x, "wikidata"));
            e.put("identifier_text", t(x, "name"));
        }
        return a;
    }

    private static String t(JsonNode o, String key) {
        JsonNode n = o.path(key);
        return n.isMissingNode() || n.isNull() ? "" : n.asText();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
