package org.warta.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.warta.io.EventJson;
import org.warta.io.Json;
import org.warta.model.Actor;
import org.warta.model.Article;
import org.warta.model.Attribution;
import org.warta.model.Event;
import org.warta.model.EventMention;
import org.warta.model.Page;

/**
 * The store on JDBC: DuckDB (embedded, owned by one process through {@link StoreLock}) or PostgreSQL
 * (writers serialise on a transaction-scoped advisory lock, readers go straight in). Every batch is one
 * transaction; the full-text index is committed after it and checked against the database on open.
 */
final class JdbcStore implements Store {
    /** Migration files, in order: {@code warta/store/migrations/V<n>__<name>.sql}. */
    static final List<String> MIGRATIONS = List.of("V1__tables.sql");
    private static final long PG_WRITE_LOCK = 0x57415254L; // "WART"

    private final StoreConfig config;
    private final Connection conn;
    private final StoreLock lock;
    private final ArticleIndex index;
    private final int version;

    private JdbcStore(StoreConfig config, Connection conn, StoreLock lock, boolean replayed) throws SQLException {
        this.config = config;
        this.conn = conn;
        this.lock = lock;
        this.version = Migrations.apply(conn, config.dialect(), MIGRATIONS);
        if (replayed) rebuildIndexes(conn);
        this.index = new ArticleIndex(config.indexDir());
        index.verify(this);
    }

    static JdbcStore open(StoreConfig config) {
        StoreLock lock = null;
        Connection c = null;
        boolean replay = false;
        try {
            if (config.dialect() == Dialect.DUCKDB) {
                lock = StoreLock.acquire(config.dataDir(), config.command());
                // a write-ahead log left behind means the last owner did not close the store (a crash, a kill)
                Path wal = Path.of(config.duckdbFile().toAbsolutePath() + ".wal");
                replay = java.nio.file.Files.exists(wal) && java.nio.file.Files.size(wal) > 0;
                c = DriverManager.getConnection("jdbc:duckdb:" + config.duckdbFile().toAbsolutePath());
                try (Statement st = c.createStatement()) {
                    // only what the driver bundles: never install or load an extension over the network
                    st.execute("SET autoinstall_known_extensions = false");
                    st.execute("SET autoload_known_extensions = false");
                }
            } else {
                java.nio.file.Files.createDirectories(config.dataDir());
                c = DriverManager.getConnection(config.jdbcUrl(), credentials(config.jdbcUrl()));
            }
            return new JdbcStore(config, c, lock, replay);
        } catch (SQLException | IOException | RuntimeException e) {
            try {
                if (c != null) c.close();
            } catch (SQLException ignored) {
                // already failing
            }
            if (lock != null) lock.close();
            if (e instanceof StoreException se) throw se;
            throw new StoreException("cannot open the store " + describe(config) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Re-creates every secondary index after DuckDB replayed a write-ahead log. DuckDB 1.4 (duckdb/duckdb#23788,
     * reported for 1.4 and 1.5) can checkpoint an index that took replayed rows in a state where a later insert of an
     * equal key drops the older rows from it: a lookup then misses stored rows (the crash test found near-copies
     * stored as originals). Indexes built afresh from the replayed tables are sound; the checkpoint writes
     * them and empties the log.
     */
    private static void rebuildIndexes(Connection c) throws SQLException {
        // one statement at a time: DuckDB 1.4 aborts the process when one transaction drops and re-creates them
        // after a replay. Killed half-way, the next open finds the log again and rebuilds them all again.
        try (Statement st = c.createStatement()) {
            for (Map.Entry<String, String> ix : Migrations.indexes(Dialect.DUCKDB, MIGRATIONS).entrySet()) {
                st.execute("DROP INDEX IF EXISTS " + ix.getKey());
                st.execute(ix.getValue());
            }
            st.execute("CHECKPOINT");
        }
    }

    static String describe(StoreConfig config) {
        return config.dialect() == Dialect.DUCKDB ? config.duckdbFile().toString()
                : config.jdbcUrl().replaceAll("password=[^&]*", "password=…");
    }

    private static Properties credentials(String url) {
        Properties p = new Properties();
        String user = firstEnv("WARTA_DB_USER", "PGUSER");
        String password = firstEnv("WARTA_DB_PASSWORD", "PGPASSWORD");
        if (user != null && !url.contains("user=")) p.setProperty("user", user);
        if (password != null && !url.contains("password=")) p.setProperty("password", password);
        return p;
    }

    private static String firstEnv(String... names) {
        for (String n : names) {
            String v = System.getenv(n);
            if (v != null && !v.isEmpty()) return v;
        }
        return null;
    }

    @Override
    public StoreConfig config() { return config; }

    @Override
    public Dialect dialect() { return config.dialect(); }

    @Override
    public int schemaVersion() { return version; }

    @Override
    public ArticleIndex index() { return index; }

    @Override
    public synchronized long generation() {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT value FROM store_meta WHERE key = 'generation'")) {
            return rs.next() ? Long.parseLong(rs.getString(1)) : 0;
        } catch (SQLException e) {
            throw fail("read the store's generation", e);
        }
    }

    @Override
    public synchronized Known known(String articleId, String contentHash) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT content_hash FROM articles WHERE id = ?")) {
            ps.setString(1, articleId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Known.NEW;
                return rs.getString(1).equals(contentHash) ? Known.SAME : Known.CHANGED;
            }
        } catch (SQLException e) {
            throw fail("look up article " + articleId, e);
        }
    }

    @Override
    public Connection read() {
        try {
            if (dialect() == Dialect.DUCKDB) return ((org.duckdb.DuckDBConnection) conn).duplicate();
            return DriverManager.getConnection(config.jdbcUrl(), credentials(config.jdbcUrl()));
        } catch (SQLException e) {
            throw fail("open a reading connection", e);
        }
    }

    // ------------------------------------------------------------------------------------------ writing

    @Override
    public synchronized BatchResult write(List<Coded> batch, StoryAssigner assigner) {
        List<Written> written = new ArrayList<>();
        EventRows pending = new EventRows(conn);
        List<ArticleIndex.Doc> indexed = new ArrayList<>();
        int events = 0;
        int stories;
        long generation;
        try {
            conn.setAutoCommit(false);
            try {
                if (dialect() == Dialect.POSTGRESQL) {
                    try (PreparedStatement ps = conn.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                        ps.setLong(1, PG_WRITE_LOCK);
                        ps.execute();
                    }
                }
                Set<String> dirtyStories = new HashSet<>();
                Set<String> batchArticles = new HashSet<>();
                List<LocalDate> days = new ArrayList<>();
                Set<String> types = new HashSet<>();
                Map<String, String> seenHash = new HashMap<>();
                for (Coded c : batch) {
                    Written w = writeOne(c, dirtyStories, seenHash, pending);
                    written.add(w);
                    if (w.outcome() == Outcome.DUPLICATE) continue;
                    indexed.add(new ArticleIndex.Doc(c.article().id(), c.article().language(), c.article().title(), c.article().text()));
                    if (w.duplicateOf() != null) continue;
                    batchArticles.add(c.article().id());
                    for (Event e : c.events()) {
                        events++;
                        types.add(e.type());
                        LocalDate d = day(e, c.article(), c.asOf());
                        if (d != null) days.add(d);
                    }
                }
                pending.flush(); // the story writer reads the batch's events
                stories = new StoryWriter(conn, assigner).regroup(batchArticles, days, types, dirtyStories);
                try (Statement st = conn.createStatement()) {
                    st.executeUpdate("UPDATE store_meta SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR) WHERE key = 'generation'");
                }
                conn.commit();
            } catch (SQLException e) {
                conn.rollback();
                throw e;
            } catch (StoreException e) {
                conn.rollback();
                throw e;
            } catch (RuntimeException e) {
                conn.rollback();
                throw new StoreException("store " + describe(config) + ": a batch of " + batch.size()
                        + " articles was not stored (rolled back): " + e, e);
            } finally {
                conn.setAutoCommit(true);
            }
            generation = generation();
        } catch (SQLException e) {
            throw fail("write a batch of " + batch.size() + " articles (nothing of it was stored)", e);
        }
        // the database is the truth; the index follows it and is checked against it on every open
        index.update(indexed, generation, this);
        return new BatchResult(written, events, stories);
    }

    private Written writeOne(Coded c, Set<String> dirtyStories, Map<String, String> seenHash, EventRows pending) throws SQLException {
        Article a = c.article();
        String hash = Fingerprint.contentHash(a.text());
        String input = c.page().name();
        String oldHash = null;
        try (PreparedStatement ps = conn.prepareStatement("SELECT content_hash FROM articles WHERE id = ?")) {
            ps.setString(1, a.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) oldHash = rs.getString(1);
            }
        }
        if (oldHash != null && oldHash.equals(hash) && !c.replace()) {
            return new Written(a.id(), input, Outcome.DUPLICATE, null, 1.0);
        }
        if (seenHash.containsKey(a.id())) return new Written(a.id(), input, Outcome.DUPLICATE, null, 1.0);
        seenHash.put(a.id(), hash);
        boolean existed = oldHash != null;
        if (existed) deleteArticle(a.id(), dirtyStories, pending);
        // an article whose id comes from its text gets a new id when the text changes: its URL still says
        // it is a new version of the stored one, which it replaces
        String key = urlKey(a);
        if (key != null) {
            List<String> older = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM articles WHERE url_key = ? AND id <> ?")) {
                ps.setString(1, key);
                ps.setString(2, a.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) older.add(rs.getString(1));
                }
            }
            for (String o : older) deleteArticle(o, dirtyStories, pending);
            existed |= !older.isEmpty();
        }

        String dupOf = null;
        double sim = 0;
        long[] sig = Fingerprint.minhashBody(a.text(), a.title());
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT id, url_key, title FROM articles WHERE content_hash = ? AND id <> ? AND duplicate_of IS NULL ORDER BY ingested_at, id")) {
            ps.setString(1, hash);
            ps.setString(2, a.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (dupOf == null && rs.next()) {
                    if (!Fingerprint.mayBeCopies(key, a.title(), rs.getString(2), rs.getString(3))) continue;
                    dupOf = rs.getString(1);
                    sim = 1.0;
                }
            }
        }
        if (dupOf == null && sig != null) {
            // candidates share at least one LSH band with the article; only originals have bands
            List<String> bands = Fingerprint.bands(sig);
            String in = String.join(", ", java.util.Collections.nCopies(bands.size(), "?"));
            try (PreparedStatement ps = conn.prepareStatement("SELECT a.id, a.minhash, a.url_key, a.title FROM articles a WHERE a.duplicate_of IS NULL "
                    + "AND a.id <> ? AND a.id IN (SELECT article_id FROM article_bands WHERE band IN (" + in + ")) ORDER BY a.id")) {
                ps.setString(1, a.id());
                for (int i = 0; i < bands.size(); i++) ps.setString(i + 2, bands.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long[] other = Fingerprint.decode(rs.getString(2));
                        if (other == null) continue;
                        double s = Fingerprint.similarity(sig, other);
                        if (s >= Fingerprint.NEAR_DUPLICATE && s > sim && Fingerprint.mayBeCopies(key, a.title(), rs.getString(3), rs.getString(4))) {
                            sim = s;
                            dupOf = rs.getString(1);
                        }
                    }
                }
            }
        }
        insertArticle(c, hash, sig, dupOf, sim);
        if (sig != null && dupOf == null) {
            MultiRowInsert bands = new MultiRowInsert(conn, "article_bands", "band", "article_id");
            for (String band : Fingerprint.bands(sig)) bands.row().str(band).str(a.id());
            bands.flush();
        }
        if (dupOf == null) insertEvents(c, pending);
        Outcome outcome = dupOf != null ? Outcome.NEAR_DUPLICATE : c.replace() && existed ? Outcome.RECODED
                : existed ? Outcome.UPDATED : Outcome.NEW;
        return new Written(a.id(), input, outcome, dupOf, sim);
    }

    /** The canonical URL, else the URL, without its fragment and trailing slash; null when the page has none. */
    static String urlKey(Article a) {
        String u = a.canonicalUrl() != null && !a.canonicalUrl().isBlank() ? a.canonicalUrl() : a.url();
        if (u == null || u.isBlank()) return null;
        u = u.strip().replaceFirst("#.*$", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(?i)(https?)://([^/?#]+)(.*)$").matcher(u);
        if (m.matches()) u = m.group(1).toLowerCase(java.util.Locale.ROOT) + "://" + m.group(2).toLowerCase(java.util.Locale.ROOT) + m.group(3);
        while (u.endsWith("/") && u.indexOf("://") + 3 < u.length() - 1) u = u.substring(0, u.length() - 1);
        return u;
    }

    /** Removes an article and everything derived from it (an updated version replaces it). */
    private void deleteArticle(String id, Set<String> dirtyStories, EventRows pending) throws SQLException {
        pending.flush(); // an article of this batch may be the one replaced
        try (PreparedStatement ps = conn.prepareStatement("SELECT DISTINCT story_id FROM events WHERE article_id = ? AND story_id IS NOT NULL")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) dirtyStories.add(rs.getString(1));
            }
        }
        exec("DELETE FROM story_events WHERE event_id IN (SELECT id FROM events WHERE article_id = ?)", id);
        exec("DELETE FROM mentions WHERE article_id = ?", id);
        exec("DELETE FROM actors WHERE article_id = ?", id);
        exec("DELETE FROM events WHERE article_id = ?", id);
        exec("DELETE FROM article_bands WHERE article_id = ?", id);
        exec("DELETE FROM articles WHERE id = ?", id);
    }

    private void exec(String sql, String arg) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, arg);
            ps.executeUpdate();
        }
    }

    private void insertArticle(Coded c, String hash, long[] sig, String dupOf, double sim) throws SQLException {
        Article a = c.article();
        Page p = c.page();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO articles (id, url, canonical_url, url_key, input_name, outlet, title, text, "
                + "language, published, published_day, published_precision, published_inferred, dateline, authors, editors, "
                + "content_hash, duplicate_of, similarity, minhash, page_name, page_url, page_type, page_meta, page_bytes, as_of, "
                + "event_count, ingested_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int i = 1;
            ps.setString(i++, a.id());
            ps.setString(i++, a.url());
            ps.setString(i++, a.canonicalUrl());
            ps.setString(i++, urlKey(a));
            ps.setString(i++, a.inputName());
            ps.setString(i++, a.outlet());
            ps.setString(i++, a.title());
            ps.setString(i++, a.text());
            ps.setString(i++, a.language());
            ps.setString(i++, a.published());
            setDate(ps, i++, a.publishedDay().orElse(null));
            ps.setString(i++, a.publishedPrecision());
            ps.setBoolean(i++, a.publishedInferred());
            ps.setString(i++, a.dateline());
            ps.setString(i++, String.join(";", a.authors()));
            ps.setString(i++, String.join(";", a.editors()));
            ps.setString(i++, hash);
            ps.setString(i++, dupOf);
            if (dupOf == null) ps.setNull(i++, java.sql.Types.DOUBLE); else ps.setDouble(i++, sim);
            ps.setString(i++, Fingerprint.encode(sig));
            ps.setString(i++, p.name());
            ps.setString(i++, p.url());
            ps.setString(i++, p.type().name());
            ObjectNode meta = Json.object();
            new java.util.TreeMap<>(p.meta()).forEach(meta::put);
            ps.setString(i++, Json.line(meta));
            ps.setBytes(i++, p.bytes());
            setDate(ps, i++, c.asOf());
            ps.setInt(i++, dupOf == null ? c.events().size() : 0);
            ps.setTimestamp(i++, now);
            ps.setTimestamp(i, now);
            ps.executeUpdate();
        }
    }

    /** The rows of a batch's events, mentions and actors, written together before anything reads or deletes events. */
    private static final class EventRows {
        final MultiRowInsert events, mentions, actors;

        EventRows(Connection conn) {
            events = new MultiRowInsert(conn, "events", "id", "article_id", "story_id", "event", "mode", "context", "cameo",
                    "plover_quad", "cameo_quad", "score", "date", "day", "date_precision", "date_inferred", "actor_codes",
                    "actor_sectors", "recipient_codes", "recipient_sectors", "location_text", "location_country",
                    "location_resolution", "modality", "attribution", "mentions", "confidence", "summary", "coder_warta",
                    "coder_lang", "coder_kb", "record");
            mentions = new MultiRowInsert(conn, "mentions", "event_id", "article_id", "ordinal", "sentence",
                    "start_offset", "end_offset", "trigger", "modality", "source_code", "source_name", "cue");
            actors = new MultiRowInsert(conn, "actors", "event_id", "article_id", "role", "ordinal", "text", "code",
                    "sector", "name", "wikidata");
        }

        void flush() throws SQLException {
            events.flush();
            mentions.flush();
            actors.flush();
        }
    }

    private static void insertEvents(Coded c, EventRows rows) {
        Article a = c.article();
        MultiRowInsert ev = rows.events, mn = rows.mentions, ac = rows.actors;
        for (Event e : c.events()) {
            ObjectNode rec = EventJson.node(e, a, c.kbVersion());
            JsonNode coder = rec.get("coder");
            ev.row().str(e.id()).str(a.id()).str(null).str(e.type()).str(e.mode()).str(String.join(";", e.context()))
                    .str(e.cameo()).integer(e.ploverQuad()).integer(e.cameoQuad()).dbl(e.score()).str(e.date())
                    .date(day(e, a, c.asOf())).str(e.datePrecision()).bool(e.dateInferred())
                    .str(join(e.actor(), Actor::code)).str(join(e.actor(), Actor::sector))
                    .str(join(e.recipient(), Actor::code)).str(join(e.recipient(), Actor::sector))
                    .str(e.location() == null ? null : e.location().text())
                    .str(e.location() == null ? null : e.location().country())
                    .str(e.location() == null ? null : e.location().resolution())
                    .str(e.modality() == null ? "asserted" : e.modality().label())
                    .str(join(e.attribution(), x -> x.name() != null ? x.name() : x.text()))
                    .integer(e.mentions().size()).dbl(Double.isFinite(e.confidence()) ? e.confidence() : 0.0).str(e.summary())
                    .str(coder.get("warta").asText()).str(coder.get("lang").asText()).str(coder.get("kb").asText())
                    .str(Json.line(rec));
            int k = 0;
            for (JsonNode m : rec.get("mentions")) {
                EventMention em = e.mentions().get(k);
                Attribution at = em.attribution();
                mn.row().str(e.id()).str(a.id()).integer(k++).integer(em.sentence())
                        .integer(m.get("start").asInt()).integer(m.get("end").asInt()).str(em.trigger())
                        .str(em.modality() == null ? null : em.modality().label())
                        .str(at == null ? null : at.code())
                        .str(at == null ? null : at.name() != null ? at.name() : at.text())
                        .str(at == null ? null : at.cue());
            }
            addActors(ac, e, a, "actor", e.actor());
            addActors(ac, e, a, "recipient", e.recipient());
            addActors(ac, e, a, "source", e.attribution().stream().map(Attribution::actor).toList());
        }
    }

    private static void addActors(MultiRowInsert ac, Event e, Article a, String role, List<Actor> list) {
        int k = 0;
        for (Actor x : list) {
            ac.row().str(e.id()).str(a.id()).str(role).integer(k++).str(x.text()).str(x.code()).str(x.sector())
                    .str(x.name()).str(x.wikidata());
        }
    }

    /** The day an event is filed under: its own date when it names a day, else its article's publication day, else the processing date. */
    static LocalDate day(Event e, Article a, LocalDate asOf) {
        String d = e.date();
        if (d != null && d.length() >= 10) {
            try {
                return LocalDate.parse(d.substring(0, 10));
            } catch (java.time.format.DateTimeParseException ignored) {
                // fall back to the article's day
            }
        }
        return a.publishedDay().orElse(asOf);
    }

    static <T> String join(List<T> xs, java.util.function.Function<T, String> f) {
        List<String> out = new ArrayList<>();
        for (T x : xs) {
            String v = f.apply(x);
            if (v != null && !out.contains(v)) out.add(v);
        }
        return out.isEmpty() ? null : String.join(";", out);
    }

    static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) ps.setNull(i, java.sql.Types.DATE); else ps.setObject(i, d);
    }

    // ------------------------------------------------------------------------------------------ feeds

    @Override
    public synchronized FeedState feed(String url) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT etag, last_modified FROM feeds WHERE url = ?")) {
            ps.setString(1, url);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new FeedState(url, rs.getString(1), rs.getString(2)) : new FeedState(url, null, null);
            }
        } catch (SQLException e) {
            throw fail("read the state of feed " + url, e);
        }
    }

    @Override
    public synchronized void saveFeed(String url, String etag, String lastModified, String status) {
        try {
            conn.setAutoCommit(false);
            try {
                exec("DELETE FROM feeds WHERE url = ?", url);
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO feeds (url, etag, last_modified, last_polled, last_status) VALUES (?,?,?,?,?)")) {
                    ps.setString(1, url);
                    ps.setString(2, etag);
                    ps.setString(3, lastModified);
                    ps.setTimestamp(4, Timestamp.from(Instant.now()));
                    ps.setString(5, status);
                    ps.executeUpdate();
                }
                conn.commit();
            } catch (SQLException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw fail("record the state of feed " + url, e);
        }
    }

    @Override
    public synchronized boolean hasUrl(String url) {
        String key = urlKey(new Article("x", null, url, null, null, null, "", null, null, null, false, null, null, null, null));
        try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM articles WHERE url_key = ? OR url = ? LIMIT 1")) {
            ps.setString(1, key);
            ps.setString(2, url);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw fail("look up URL " + url, e);
        }
    }

    // ------------------------------------------------------------------------------------------ reading

    @Override
    public synchronized void forEachPage(Consumer<StoredPage> action) {
        try (Connection c = read(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, page_name, page_url, page_type, page_meta, page_bytes, as_of FROM articles "
                     + "WHERE duplicate_of IS NULL ORDER BY ingested_at, id")) {
            while (rs.next()) {
                Map<String, String> meta = new HashMap<>();
                String m = rs.getString(5);
                if (m != null) EventRecords.parse(m).fields().forEachRemaining(f -> meta.put(f.getKey(), f.getValue().asText()));
                Page page = new Page(rs.getString(2), rs.getString(3), Page.MediaType.valueOf(rs.getString(4)), rs.getBytes(6), meta);
                java.sql.Date d = rs.getDate(7);
                action.accept(new StoredPage(rs.getString(1), page, d == null ? null : d.toLocalDate()));
            }
        } catch (SQLException e) {
            throw fail("read the stored pages", e);
        }
    }

    /** Every stored article for the index, in id order. */
    void forEachIndexDoc(Consumer<ArticleIndex.Doc> action) {
        try (Connection c = read(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, language, title, text FROM articles ORDER BY id")) {
            while (rs.next()) action.accept(new ArticleIndex.Doc(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        } catch (SQLException e) {
            throw fail("read the articles for the index", e);
        }
    }

    long articleCount() {
        try (Connection c = read(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM articles")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw fail("count the articles", e);
        }
    }

    private StoreException fail(String what, SQLException e) {
        return new StoreException("store " + describe(config) + ": cannot " + what + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        index.closeSearcher();
        try {
            conn.close();
        } catch (SQLException ignored) {
            // closing anyway
        } finally {
            if (lock != null) lock.close();
        }
    }

    static String resource(String name) {
        try (InputStream in = JdbcStore.class.getResourceAsStream("/warta/store/migrations/" + name)) {
            if (in == null) throw new IllegalStateException("migration " + name + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
