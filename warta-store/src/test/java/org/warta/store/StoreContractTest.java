package org.warta.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.warta.store.StoreFixtures.count;
import static org.warta.store.StoreFixtures.dump;
import static org.warta.store.StoreFixtures.fixture;
import static org.warta.store.StoreFixtures.ingest;
import static org.warta.store.StoreFixtures.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warta.io.Json;

/**
 * The store's contract, run on every engine: {@code DuckDbStoreTest} and {@code PostgresStoreTest} say
 * how to reach a fresh, empty store, and everything else is the same.
 */
abstract class StoreContractTest {
    @TempDir
    Path dataDir;

    Store store;

    /** A config for a fresh, empty store whose derived files live under {@code dataDir}. */
    abstract StoreConfig freshConfig(Path dataDir) throws Exception;

    StoreConfig config;

    @BeforeEach
    void open() throws Exception {
        config = freshConfig(dataDir);
        store = Store.open(config);
    }

    @AfterEach
    void close() {
        if (store != null) store.close();
    }

    void reopen() {
        store.close();
        store = Store.open(config);
    }

    @Test
    void migrationsAreVersionedAndRunOnce() throws Exception {
        assertThat(store.schemaVersion()).isEqualTo(JdbcStore.MIGRATIONS.size());
        assertThat(strings(store, "SELECT name FROM schema_version ORDER BY version")).containsExactly("V1__tables.sql");
        reopen();
        assertThat(count(store, "SELECT count(*) FROM schema_version")).isEqualTo(1);
    }

    @Test
    void ingestingTheSameInputsTwiceStoresEachArticleOnce() throws Exception {
        IngestReport first = ingest(store, fixture("batch1.jsonl").toString(), StoreFixtures.root().resolve("examples").toString());
        assertThat(first.failed).as(first.failures.toString()).isZero();
        assertThat(first.added).isEqualTo(4);
        assertThat(first.events).isPositive();
        List<String> before = dump(store);

        IngestReport second = ingest(store, fixture("batch1.jsonl").toString(), StoreFixtures.root().resolve("examples").toString());
        assertThat(second.read).isEqualTo(4);
        assertThat(second.duplicate).isEqualTo(4);
        assertThat(second.added + second.updated + second.events).isZero();
        assertThat(dump(store)).isEqualTo(before);
        assertThat(count(store, "SELECT count(*) FROM articles")).isEqualTo(4);
        assertThat(store.index().size()).isEqualTo(4);
    }

    @Test
    void everyEventRecordsWhoCodedItAndHasItsMentionsAndActors() throws Exception {
        ingest(store, fixture("batch1.jsonl").toString());
        assertThat(count(store, "SELECT count(*) FROM events WHERE coder_warta = '" + org.warta.Warta.VERSION
                + "' AND coder_kb = 'test-kb' AND coder_lang IN ('id-1', 'en-1')"))
                .isEqualTo(count(store, "SELECT count(*) FROM events")).isPositive();
        assertThat(count(store, "SELECT count(*) FROM events e WHERE mentions <> (SELECT count(*) FROM mentions m WHERE m.event_id = e.id)")).isZero();
        assertThat(strings(store, "SELECT DISTINCT e.event FROM events e JOIN actors x ON x.event_id = e.id "
                + "WHERE x.role = 'actor' AND x.code = 'PRK'")).contains("MOBILIZE");
        for (String rec : strings(store, "SELECT record FROM events")) {
            assertThat(schemaErrors(Json.MAPPER.readTree(rec))).isEmpty();
        }
    }

    @Test
    void anUpdatedVersionOfAUrlReplacesTheOldOneAndItsEvents() throws Exception {
        ingest(store, fixture("batch1.jsonl").toString());
        String id = strings(store, "SELECT id FROM articles WHERE url LIKE '%menlu-bertemu'").get(0);
        List<String> oldEvents = strings(store, "SELECT id FROM events WHERE article_id = '" + id + "' ORDER BY id");
        IngestReport r = ingest(store, fixture("updated.jsonl").toString());
        assertThat(r.updated).as(r.summary() + r.failures).isEqualTo(1);
        assertThat(count(store, "SELECT count(*) FROM articles")).isEqualTo(3);
        assertThat(strings(store, "SELECT text FROM articles WHERE url LIKE '%menlu-bertemu'")).singleElement()
                .asString().contains("Kuala Lumpur");
        String oldId = id;
        id = strings(store, "SELECT id FROM articles WHERE url LIKE '%menlu-bertemu'").get(0);
        if (!id.equals(oldId)) assertThat(count(store, "SELECT count(*) FROM events WHERE article_id = '" + oldId + "'")).isZero();
        List<String> newEvents = strings(store, "SELECT id FROM events WHERE article_id = '" + id + "' ORDER BY id");
        assertThat(newEvents).isNotEmpty();
        // no orphans: every mention, actor and story link belongs to a stored event, every event to a story
        assertThat(count(store, "SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = m.event_id)")).isZero();
        assertThat(count(store, "SELECT count(*) FROM actors m WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = m.event_id)")).isZero();
        assertThat(count(store, "SELECT count(*) FROM story_events m WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = m.event_id)")).isZero();
        assertThat(count(store, "SELECT count(*) FROM events WHERE story_id IS NULL")).isZero();
        assertThat(count(store, "SELECT count(*) FROM stories s WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.story_id = s.id)")).isZero();
        if (!oldEvents.equals(newEvents)) {
            for (String old : oldEvents) {
                if (!newEvents.contains(old)) assertThat(count(store, "SELECT count(*) FROM events WHERE id = '" + old + "'")).isZero();
            }
        }
        assertThat(Queries.class).isNotNull();
        assertThat(store.index().search("\"Kuala Lumpur\"", 5)).extracting(ArticleIndex.Hit::articleId).containsExactly(id);
    }

    @Test
    void aSyndicatedCopyIsLinkedToItsOriginalWithoutEventsOfItsOwn() throws Exception {
        ingest(store, fixture("batch1.jsonl").toString());
        long events = count(store, "SELECT count(*) FROM events");
        IngestReport r = ingest(store, fixture("syndicated.jsonl").toString());
        assertThat(r.nearDuplicate).isEqualTo(1);
        String original = strings(store, "SELECT id FROM articles WHERE url LIKE '%korut-kerahkan-pasukan'").get(0);
        assertThat(strings(store, "SELECT duplicate_of FROM articles WHERE url LIKE '%korut-kirim-tentara'")).containsExactly(original);
        assertThat(count(store, "SELECT count(*) FROM events")).isEqualTo(events);
        // the unrelated articles are not copies of anything
        assertThat(count(store, "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")).isEqualTo(1);
    }

    @Test
    void storiesKeepTheirIdsWhenTheyAreReformed() throws Exception {
        ingest(store, fixture("batch1.jsonl").toString());
        assertThat(count(store, "SELECT count(*) FROM stories")).isEqualTo(count(store, "SELECT count(*) FROM events"));
        // a linker that puts every event of one type and week together
        StoryAssigner byType = new StoryAssigner() {
            @Override
            public List<List<Report>> group(Collection<Report> reports) {
                Map<String, List<Report>> g = new TreeMap<>();
                for (Report r : reports) g.computeIfAbsent(r.event().type(), k -> new ArrayList<>()).add(r);
                return new ArrayList<>(g.values());
            }

            @Override
            public String version() {
                return "by-type-test";
            }
        };
        Map<String, String> storyOfEvent = storyOfEvent();
        IngestReport r = ingest(store, byType, 10, fixture("updated.jsonl").toString());
        assertThat(r.updated).isEqualTo(1);
        Map<String, String> after = storyOfEvent();
        // every story with several events of one type inherited one of the earlier ids and records the others as merged
        for (String sid : new java.util.TreeSet<>(after.values())) {
            List<String> members = after.entrySet().stream().filter(e -> e.getValue().equals(sid)).map(Map.Entry::getKey).toList();
            Set<String> earlier = members.stream().map(storyOfEvent::get).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
            if (!earlier.isEmpty() && members.size() > 1) {
                assertThat(earlier).contains(sid);
                String merged = strings(store, "SELECT merged_ids FROM stories WHERE id = '" + sid + "'").get(0);
                Set<String> others = new java.util.TreeSet<>(earlier);
                others.remove(sid);
                if (!others.isEmpty()) assertThat(Set.of(merged.split(";"))).containsAll(others);
            }
        }
        assertThat(count(store, "SELECT count(*) FROM stories WHERE event = 'CONSULT' AND events >= 2")).isPositive();
        assertThat(count(store, "SELECT count(*) FROM stories s WHERE events <> (SELECT count(*) FROM events e WHERE e.story_id = s.id)")).isZero();
    }

    @Test
    void twoArticlesOfOneSiteThatShareOnlyItsFurnitureAreNotCopies() throws Exception {
        IngestReport r = ingest(store, StoryAssigner.perEvent(), 1, fixture("site-chrome.jsonl").toString());
        assertThat(r.failed).isZero();
        // the extraction kept the site's menus and footer, so the bodies look alike ...
        List<String> sigs = strings(store, "SELECT minhash FROM articles ORDER BY url");
        assertThat(sigs).hasSize(2).doesNotContainNull();
        assertThat(Fingerprint.similarity(Fingerprint.decode(sigs.get(0)), Fingerprint.decode(sigs.get(1))))
                .isGreaterThanOrEqualTo(Fingerprint.NEAR_DUPLICATE);
        // ... but they are two articles of one site under different headlines: neither is a copy, both keep their events
        assertThat(r.nearDuplicate).isZero();
        assertThat(count(store, "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")).isZero();
        assertThat(count(store, "SELECT count(DISTINCT article_id) FROM events")).isEqualTo(2);
    }

    @Test
    void theLinkerPutsTwoOutletsReportsOfOneEventInOneStory() throws Exception {
        StoryAssigner linked = StoryAssigner.linked(new org.warta.lang.Languages(List.of()));
        ingest(store, linked, 1, fixture("stories.jsonl").toString());
        // the detention of 10 March, reported by two outlets: one story of 2 reports from 2 sources
        List<String> first = strings(store, "SELECT s.id FROM stories s WHERE s.event = 'COERCE' AND s.first_day = DATE '2025-03-10'");
        assertThat(first).hasSize(1);
        String story = first.get(0);
        assertThat(count(store, "SELECT events FROM stories WHERE id = '" + story + "'")).isEqualTo(2);
        assertThat(count(store, "SELECT articles FROM stories WHERE id = '" + story + "'")).isEqualTo(2);
        assertThat(count(store, "SELECT sources FROM stories WHERE id = '" + story + "'")).isEqualTo(2);
        assertThat(strings(store, "SELECT DISTINCT a.outlet FROM events e JOIN articles a ON a.id = e.article_id WHERE e.story_id = '"
                + story + "' ORDER BY 1")).containsExactly("Kabar Dua", "Warta Satu");
        // the same actors' detention ten days later is another story
        List<String> later = strings(store, "SELECT story_id FROM events WHERE event = 'COERCE' AND day = DATE '2025-03-20'");
        assertThat(later).isNotEmpty().doesNotContain(story);
        // every event is in exactly one story, and the stories' counts agree with their events
        assertThat(count(store, "SELECT count(*) FROM events WHERE story_id IS NULL")).isZero();
        assertThat(count(store, "SELECT count(*) FROM stories s WHERE events <> (SELECT count(*) FROM events e WHERE e.story_id = s.id)")).isZero();
        // re-running the same input keeps the story and its id
        ingest(store, linked, 2, fixture("stories.jsonl").toString());
        assertThat(strings(store, "SELECT s.id FROM stories s WHERE s.event = 'COERCE' AND s.first_day = DATE '2025-03-10'")).containsExactly(story);
    }

    private Map<String, String> storyOfEvent() throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Connection c = store.read(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, story_id FROM events")) {
            while (rs.next()) m.put(rs.getString(1), rs.getString(2));
        }
        return m;
    }

    @Test
    void queriesFilterEventsAndCountAssertedOnesByDefault() throws Exception {
        // stories.jsonl has a negated act ("belum memberikan tanggapan"): not every event is asserted
        ingest(store, fixture("batch1.jsonl").toString(), fixture("stories.jsonl").toString());
        List<Queries.Row> rows = new ArrayList<>();
        try (Connection c = store.read()) {
            Queries.events(c, new EventFilter("PRK", null, "MOBILIZE", null, null, null, null,
                    java.time.LocalDate.of(2024, 10, 1), java.time.LocalDate.of(2024, 11, 30), 0), rows::add);
        }
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(r.values().get("event")).isEqualTo("MOBILIZE");
            assertThat(r.values().get("actor_codes")).contains("PRK");
            assertThat(r.values().get("modality")).isEqualTo("asserted");
            assertThat(r.record().get("id").asText()).isEqualTo(r.values().get("id"));
        });
        List<Queries.Row> asserted = new ArrayList<>(), all = new ArrayList<>();
        try (Connection c = store.read()) {
            Queries.events(c, new EventFilter(null, null, null, null, null, null, null, null, null, 0), asserted::add);
            Queries.events(c, EventFilter.everything(), all::add);
            List<Queries.Row> none = new ArrayList<>();
            Queries.events(c, new EventFilter(null, null, null, null, null, null, null, java.time.LocalDate.of(2030, 1, 1), null, 0), none::add);
            assertThat(none).isEmpty();
        }
        assertThat(all.size()).isEqualTo(count(store, "SELECT count(*) FROM events"));
        assertThat(asserted.size()).isEqualTo(count(store, "SELECT count(*) FROM events WHERE modality = 'asserted'")).isLessThan(all.size());
        List<Queries.Row> stories = new ArrayList<>();
        try (Connection c = store.read()) {
            Queries.stories(c, new EventFilter(null, null, "CONSULT", null, null, null, null, null, null, 0), stories::add);
        }
        assertThat(stories).isNotEmpty().allSatisfy(s -> assertThat(s.values().get("event")).isEqualTo("CONSULT"));
    }

    @Test
    void fullTextSearchUsesTheArticleLanguageAndJoinsEvents() throws Exception {
        ingest(store, fixture("batch1.jsonl").toString());
        List<Queries.Row> hits = new ArrayList<>();
        Queries.search(store, "pasukan Korut", new EventFilter(null, null, null, null, null, null, null, null, null, 0), hits::add);
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).values().get("title")).contains("Korea Utara");
        assertThat(hits.get(0).values().get("event_types")).contains("MOBILIZE");
        // English stemming: "convoys" finds "convoy"; Indonesian: "pertemuan" and "bertemu" share nothing, "menteri" does
        List<Queries.Row> en = new ArrayList<>();
        Queries.search(store, "convoys", EventFilter.everything(), en::add);
        assertThat(en).extracting(r -> r.values().get("title")).containsExactly("United Nations condemns attack on aid convoy");
        List<Queries.Row> none = new ArrayList<>();
        Queries.search(store, "zzzzqqq", EventFilter.everything(), none::add);
        assertThat(none).isEmpty();
    }

    @Test
    void theSearcherKeptBetweenSearchesSeesLaterBatchesAndSurvivesItsFolderGoing() throws Exception {
        assertThat(store.index().search("Malaka", 5)).isEmpty(); // no index yet
        ingest(store, fixture("batch1.jsonl").toString());
        assertThat(store.index().search("Malaka", 5)).hasSize(1);
        assertThat(store.index().search("convoys", 5)).hasSize(1);
        int before = store.index().search("*:*", 100).size();
        ingest(store, StoreFixtures.root().resolve("examples").toString()); // a later commit, same searcher
        assertThat(store.index().search("*:*", 100)).hasSizeGreaterThan(before).hasSize(store.index().size());
        StoreFixtures.deleteTree(config.indexDir()); // the folder goes while the searcher is open
        assertThat(store.index().search("Malaka", 5)).isEmpty();
        ingest(store, fixture("updated.jsonl").toString()); // the next batch writes a new index, which the search opens
        assertThat(store.index().search("Malaka", 5)).hasSize(1);
    }

    @Test
    void theIndexIsRebuiltFromTheDatabaseWhenItDoesNotMatch() throws Exception {
        ingest(store, fixture("batch1.jsonl").toString());
        store.close();
        store = null;
        StoreFixtures.deleteTree(config.indexDir());
        store = Store.open(config);
        assertThat(store.index().size()).isEqualTo(3);
        assertThat(store.index().search("Malaka", 5)).hasSize(1);
    }

    @Test
    void exportsOpenInDuckDbAndValidateAgainstTheSchema(@TempDir Path out) throws Exception {
        ingest(store, fixture("batch1.jsonl").toString(), StoreFixtures.root().resolve("examples").toString());
        EventFilter all = EventFilter.everything();
        long n = count(store, "SELECT count(*) FROM events");
        assertThat(Exporter.export(store, all, Exporter.Format.jsonl, out.resolve("e.jsonl"))).isEqualTo(n);
        List<String> lines = Files.readAllLines(out.resolve("e.jsonl"));
        assertThat(lines).hasSize((int) n);
        for (String l : lines) assertThat(schemaErrors(Json.MAPPER.readTree(l))).isEmpty();

        assertThat(Exporter.export(store, all, Exporter.Format.plover, out.resolve("p.jsonl"))).isEqualTo(n);
        for (String l : Files.readAllLines(out.resolve("p.jsonl"))) {
            JsonNode p = Json.MAPPER.readTree(l);
            assertThat(p.get("event").isArray()).isTrue();
            assertThat(p.get("mode").isArray()).isTrue();
            assertThat(p.has("quad_code")).isTrue();
            assertThat(p.get("cite_info").get("url").asText()).isNotNull();
            if (p.get("event_loc").isObject()) assertThat(p.get("event_loc").get("resolution").isInt() || p.get("event_loc").get("resolution").isNull()).isTrue();
        }

        Path csv = out.resolve("e.csv"), parquet = out.resolve("e.parquet");
        assertThat(Exporter.export(store, all, Exporter.Format.csv, csv)).isEqualTo(n);
        assertThat(Exporter.export(store, all, Exporter.Format.parquet, parquet)).isEqualTo(n);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT event_id), sum(CASE WHEN plover_type = 'MOBILIZE' THEN 1 ELSE 0 END) "
                    + "FROM read_csv('" + Exporter.sqlPath(csv) + "', header = true)")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(n);
                assertThat(rs.getLong(2)).isEqualTo(n);
                assertThat(rs.getLong(3)).isPositive();
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*), min(cameo_quad), max(num_sources) FROM read_parquet('" + Exporter.sqlPath(parquet) + "')")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(n);
                assertThat(rs.getInt(2)).isBetween(1, 4);
                assertThat(rs.getInt(3)).isPositive();
            }
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + Exporter.sqlPath(parquet) + "')")) {
                List<String> cols = new ArrayList<>();
                while (rs.next()) cols.add(rs.getString(1));
                assertThat(cols).containsExactlyElementsOf(Exporter.FLAT_COLUMNS);
            }
        }
        // a filtered export takes asserted events only by default
        long asserted = count(store, "SELECT count(*) FROM events WHERE modality = 'asserted'");
        assertThat(Exporter.export(store, new EventFilter(null, null, null, null, null, null, null, null, null, 0),
                Exporter.Format.jsonl, out.resolve("a.jsonl"))).isEqualTo(asserted);
    }

    @Test
    void aBadInputIsReportedAndTheBatchGoesOn(@TempDir Path in) throws Exception {
        Files.write(in.resolve("binary.txt"), new byte[] {0, 1, 2, 0, 5});
        Files.writeString(in.resolve("empty.txt"), "");
        Files.copy(fixture("batch1.jsonl"), in.resolve("good.jsonl"));
        IngestReport r = ingest(store, in.toString());
        assertThat(r.added).isEqualTo(3);
        assertThat(r.failed).isEqualTo(2);
        assertThat(r.failures).anySatisfy(f -> assertThat(f).contains("binary.txt"));
        assertThat(r.summary()).contains("3 new").contains("2 failed");
    }

    @Test
    void aBatchThatFailsIsRolledBackAndWhatWasStoredStays() throws Exception {
        ingest(store, fixture("batch1.jsonl").toString());
        List<String> before = dump(store);
        StoryAssigner broken = reports -> {
            throw new IllegalStateException("linker failure");
        };
        IngestReport r = ingest(store, broken, 10, fixture("syndicated.jsonl").toString(), fixture("updated.jsonl").toString());
        assertThat(r.failed).isEqualTo(2);
        assertThat(r.failures).allSatisfy(f -> assertThat(f).contains("not stored").contains("linker failure"));
        assertThat(dump(store)).isEqualTo(before);
        reopen();
        assertThat(store.index().size()).isEqualTo(3);
    }

    static String schemaErrors(JsonNode node) throws Exception {
        try (InputStream in = StoreContractTest.class.getResourceAsStream("/schema/event.schema.json")) {
            assertThat(in).as("schema/event.schema.json on the classpath").isNotNull();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            return schema.validate(node).stream().map(Object::toString).sorted().collect(Collectors.joining("\n"));
        }
    }
}
