package org.warta.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warta.read.Inputs;

/**
 * Crash safety: a child JVM ({@link IngestChild}) ingesting a generated corpus, then re-coding it, is killed
 * with SIGKILL after a random delay, again and again; after every kill the store is opened (the restart)
 * and must be consistent: every stored article is whole and equal to its row in a clean reference run
 * (its events, mentions, actors and bands all there, none left of articles not stored), every event is in
 * exactly one story and every story's counts match its members, and the full-text index holds exactly
 * the stored articles (a search for each article's own token finds it alone, and nothing for an article
 * not stored). The run is then resumed, and each completed ingest or recode must hold exactly the inputs.
 * Subclasses name the engine.
 *
 * <p>{@code -Dwarta.crash.kills=N} sets the kills per engine (default 20, half during ingest, half during
 * recode); {@code -Dwarta.crash.seed=S} replays a run (the seed is printed).
 */
abstract class KillResumeTest {
    static final int KILLS = Integer.getInteger("warta.crash.kills", 20);
    private static final int BATCH = 2;
    private static final String KB = "test-kb", RECODED_KB = "test-kb-recoded";
    private static final List<String> OPTIONS = List.of("--linked");
    /** Kills land after one of the child's first lines: "start", "opened", then three per batch for its first three batches. */
    private static final int KILL_LINES = 2 + 3 * 3;
    private static final Set<String> TIME_COLUMNS = Set.of("ingested_at", "updated_at");

    @TempDir
    Path dir;

    abstract String url(String name) throws Exception;

    abstract String engine();

    /** The fixture inputs of the tests that run a child next to the parent ({@link TwoProcessTest}). */
    static List<String> inputs() {
        List<String> paths = new ArrayList<>(List.of(StoreFixtures.fixture("batch1.jsonl").toString(),
                StoreFixtures.root().resolve("examples").toString()));
        Path shared = Path.of(System.getProperty("warta.shared", "../../shared"));
        for (String d : List.of("bench/events-id/texts", "bench/linking/texts")) {
            if (Files.isDirectory(shared.resolve(d))) paths.add(shared.resolve(d).toString());
        }
        return paths;
    }

    private enum Phase { INGEST, RECODE }

    /** What was seen, for the report line. */
    private static final class Tally {
        final int[] kills = new int[2];
        int beforeOpen, midTransaction, indexBehind, betweenWrites, completions, rounds;
    }

    @Test
    void killedAtRandomPointsDuringIngestAndRecodeTheStoreAndIndexStayConsistent() throws Exception {
        long seed = Long.getLong("warta.crash.seed", System.nanoTime());
        System.out.println("[crash] " + engine() + ": seed " + seed + " (replay with -Dwarta.crash.seed=" + seed + "), " + KILLS + " kills");
        Random random = new Random(seed);
        long t0 = System.nanoTime();
        Path corpus = dir.resolve("corpus.jsonl");
        int articles = CrashCorpus.write(corpus);
        List<String> paths = List.of(corpus.toString());

        // the reference: one clean run in this JVM, with the same story linker and batch size
        Map<String, List<String>> reference;
        long referenceEvents;
        try (Store ref = Store.open(new StoreConfig(dir.resolve("reference"), url("reference"), "reference"))) {
            Ingester in = new Ingester(ref, StoreFixtures.pipeline(), StoryAssigner.linked(new org.warta.lang.Languages(List.of())), KB,
                    StoreFixtures.AS_OF, BATCH, null);
            Inputs.read(paths, in::accept, in::failed);
            IngestReport r = in.finish();
            assertThat(r.failed).as(r.failures.toString()).isZero();
            assertThat(r.nearDuplicate).as("the corpus's syndicated copies").isEqualTo(2);
            reference = byArticle(ref);
            referenceEvents = StoreFixtures.count(ref, "SELECT count(*) FROM events");
            assertThat(reference).hasSize(articles);
            assertThat(referenceEvents).as("the corpus gives events").isGreaterThan(articles / 2);
            assertThat(StoreFixtures.count(ref, "SELECT count(*) FROM stories WHERE articles > 1")).as("stories of several articles").isPositive();
            assertConsistent(ref, reference, true, KB);
        }

        int[] target = {KILLS - KILLS / 2, KILLS / 2};
        long gap = 200; // ms: the mean time between two lines of the child, as measured on its complete runs
        Tally tally = new Tally();
        while (tally.kills[0] < target[0] || tally.kills[1] < target[1]) {
            tally.rounds++;
            Path data = dir.resolve("round" + tally.rounds);
            String url = url("round" + tally.rounds);
            int ingestKills = tally.kills[0];
            for (Phase phase : Phase.values()) {
                List<String> options = new ArrayList<>(OPTIONS);
                if (phase == Phase.RECODE) options.addAll(List.of("--recode", "--kb", RECODED_KB));
                // recode starts over on every run, so its kills fit in any round: as many as this round's ingest had, the rest in the last
                int quota = phase == Phase.INGEST ? target[0]
                        : tally.kills[0] >= target[0] ? target[1] : Math.min(target[1], tally.kills[1] + tally.kills[0] - ingestKills);
                while (true) {
                    boolean kill = tally.kills[phase.ordinal()] < quota;
                    // the kill point: a random line among the first ones the child prints (start, opened, then begin, end and
                    // committed for each of its first batches), then a random part of the mean gap between lines
                    int line = kill ? random.nextInt(KILL_LINES) : -1;
                    long delay = kill ? (long) (random.nextDouble() * gap) : -1;
                    Child child = new Child(IngestChild.start(options, data, url, BATCH, paths));
                    boolean killed = child.run(line, delay);
                    System.out.println("[crash] " + phase + (killed ? " killed " + delay + " ms after line " + line + ", last words " : " ran to the end: ")
                            + child.lines.subList(Math.max(0, child.lines.size() - 2), child.lines.size()));
                    if (!killed) {
                        assertThat(child.lines).as("the child ran to the end").anyMatch(l -> l.startsWith("done ") && l.contains(" 0 failed,"));
                        gap = Math.max(20, child.millis / child.lines.size());
                        tally.completions++;
                        try (Store s = Store.open(new StoreConfig(data, url, "check"))) {
                            assertConsistent(s, reference, true, phase == Phase.RECODE ? RECODED_KB : KB);
                            assertThat(StoreFixtures.count(s, "SELECT count(*) FROM articles")).isEqualTo(articles);
                            assertThat(StoreFixtures.count(s, "SELECT count(*) FROM events")).isEqualTo(referenceEvents);
                        } catch (AssertionError e) {
                            throw new AssertionError(engine() + ", seed " + seed + ": after a complete " + phase + " in round " + tally.rounds
                                    + " (" + tally.kills[0] + " + " + tally.kills[1] + " kills so far): " + e.getMessage(), e);
                        }
                        break;
                    }
                    tally.kills[phase.ordinal()]++;
                    long indexGeneration = indexGeneration(new StoreConfig(data, url, "check").indexDir());
                    try (Store s = Store.open(new StoreConfig(data, url, "check after kill " + tally.kills[phase.ordinal()]))) {
                        String where = classify(child.lines, s.generation(), indexGeneration, tally);
                        try {
                            assertConsistent(s, reference, false, null);
                        } catch (AssertionError e) {
                            throw new AssertionError(engine() + ", seed " + seed + ": after a kill during " + phase + " (" + where + ", "
                                    + delay + " ms after line " + line + " of the child): " + e.getMessage(), e);
                        }
                    }
                }
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("[crash] %s: %d kills during ingest, %d during recode (%d before the store was open, %d mid-transaction, "
                        + "%d after the database commit and before the index commit, %d between writes), %d complete runs in %d rounds, "
                        + "all consistent; %.1f s (seed %d)%n", engine(), tally.kills[0], tally.kills[1], tally.beforeOpen, tally.midTransaction,
                tally.indexBehind, tally.betweenWrites, tally.completions, tally.rounds, ms / 1000.0, seed);
        assertThat(tally.kills[0] + tally.kills[1]).isEqualTo(KILLS);
    }

    /** Where the kill landed, from the child's last words and the generations the restart found. */
    private static String classify(List<String> lines, long dbGeneration, long indexGeneration, Tally tally) {
        if (!lines.contains("opened")) {
            tally.beforeOpen++;
            return "while opening the store";
        }
        String last = null;
        for (String l : lines) if (l.startsWith("begin ") || l.startsWith("end ")) last = l;
        if (last != null && last.startsWith("begin ")) {
            long before = Long.parseLong(last.substring(6));
            if (dbGeneration == before + 1) {
                tally.indexBehind++;
                assertThat(indexGeneration).as("the index reflected the database before the restart").isLessThanOrEqualTo(dbGeneration);
                return "after the database commit (index at generation " + indexGeneration + ", database " + dbGeneration + ")";
            }
            assertThat(dbGeneration).as("a batch in flight is rolled back whole").isEqualTo(before);
            tally.midTransaction++;
            return "mid-transaction";
        }
        tally.betweenWrites++;
        return "between writes";
    }

    /** The generation the index's last commit records (-1 when there is none). */
    private static long indexGeneration(Path indexDir) throws IOException {
        if (!Files.isDirectory(indexDir)) return -1;
        try (Directory d = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(d)) return -1;
            String g = SegmentInfos.readLatestCommit(d).getUserData().get(ArticleIndex.GENERATION);
            return g == null ? -1 : Long.parseLong(g);
        }
    }

    /**
     * The store is consistent: each stored article equals its reference rows (article, bands, events,
     * mentions, actors; the KB version of a re-coded article aside, but all of one article's events of one
     * version), nothing belongs to an article not stored, stories partition the events, and the index holds
     * exactly the stored articles. {@code complete}: every input is stored, its events with {@code kb}.
     */
    private static void assertConsistent(Store s, Map<String, List<String>> reference, boolean complete, String kb) throws Exception {
        Map<String, List<String>> stored = byArticle(s);
        Set<String> ids = new TreeSet<>(StoreFixtures.strings(s, "SELECT id FROM articles"));
        assertThat(stored.keySet()).as("rows of articles that are not stored (orphans)").isSubsetOf(ids);
        assertThat(reference.keySet()).as("stored articles that are not inputs").containsAll(ids);
        for (String id : ids) {
            assertThat(StoreFixtures.strings(s, "SELECT DISTINCT coder_kb FROM events WHERE article_id = '" + id + "'"))
                    .as("one coding of article " + id).hasSizeLessThanOrEqualTo(1);
            assertThat(stored.get(id)).as("article " + id + " whole, as in the clean run").isEqualTo(reference.get(id));
        }
        if (complete) {
            assertThat(ids).as("every input stored").isEqualTo(reference.keySet());
            assertThat(StoreFixtures.strings(s, "SELECT DISTINCT coder_kb FROM events")).containsExactly(kb);
        }
        // stories: every event in exactly one story, its story_id the story's, every story's counts its members'
        for (String sql : List.of(
                "SELECT count(*) FROM events WHERE story_id IS NULL",
                "SELECT count(*) FROM (SELECT id FROM events GROUP BY id HAVING count(*) > 1) x",
                "SELECT count(*) FROM (SELECT event_id FROM story_events GROUP BY event_id HAVING count(*) > 1) x",
                "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM story_events se WHERE se.event_id = e.id AND se.story_id = e.story_id)",
                "SELECT count(*) FROM story_events se WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = se.event_id)",
                "SELECT count(*) FROM story_events se WHERE NOT EXISTS (SELECT 1 FROM stories t WHERE t.id = se.story_id)",
                "SELECT count(*) FROM stories t WHERE t.events <> (SELECT count(*) FROM story_events se WHERE se.story_id = t.id)",
                "SELECT count(*) FROM stories t WHERE t.articles <> (SELECT count(DISTINCT e.article_id) FROM story_events se "
                        + "JOIN events e ON e.id = se.event_id WHERE se.story_id = t.id)",
                "SELECT count(*) FROM stories t WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = t.earliest_article_id)",
                "SELECT count(*) FROM articles a WHERE a.event_count <> (SELECT count(*) FROM events e WHERE e.article_id = a.id)")) {
            assertThat(StoreFixtures.count(s, sql)).as(sql).isZero();
        }
        // the index: exactly the stored articles, each found by its own token, nothing for one not stored
        assertThat(indexedIds(s.config().indexDir())).as("the ids in the full-text index").isEqualTo(new ArrayList<>(ids));
        assertThat(s.index().size()).isEqualTo(ids.size());
        Map<String, String> tokens = new TreeMap<>();
        try (Connection c = s.read(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, text FROM articles")) {
            while (rs.next()) tokens.put(rs.getString(1), token(rs.getString(2)));
        }
        for (String id : ids) {
            assertThat(s.index().search(tokens.get(id), 5)).extracting(ArticleIndex.Hit::articleId).as("search " + tokens.get(id)).containsExactly(id);
        }
    }

    private static String token(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("wrtk\\d{3}q").matcher(text);
        assertThat(m.find()).as("a token in " + text).isTrue();
        return m.group();
    }

    /** The stored ids in the index, sorted, with repeats. */
    private static List<String> indexedIds(Path indexDir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Directory d = FSDirectory.open(indexDir); DirectoryReader r = DirectoryReader.open(d)) {
            for (LeafReaderContext ctx : r.leaves()) {
                LeafReader leaf = ctx.reader();
                Bits live = leaf.getLiveDocs();
                for (int i = 0; i < leaf.maxDoc(); i++) {
                    if (live == null || live.get(i)) out.add(leaf.storedFields().document(i).get("id"));
                }
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * Each article's rows across the tables that hold its content, as sorted text lines keyed by article id:
     * without the write timestamps, the event's story (stories are checked as a partition) and with the
     * re-coding KB version written as the first one.
     */
    private static Map<String, List<String>> byArticle(Store store) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = store.read()) {
            for (String table : List.of("articles", "article_bands", "events", "mentions", "actors")) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder sb = new StringBuilder(table).append('|');
                        String article = null;
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String col = md.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                            if (TIME_COLUMNS.contains(col) || table.equals("events") && col.equals("story_id")) continue;
                            String text = col.equals("page_bytes") ? "bytes:" + java.util.Arrays.hashCode(rs.getBytes(i)) : String.valueOf(rs.getObject(i));
                            if (col.equals(table.equals("articles") ? "id" : "article_id")) article = text;
                            sb.append(col).append('=').append(text.replace(RECODED_KB, KB)).append('|');
                        }
                        out.computeIfAbsent(article, k -> new ArrayList<>()).add(sb.toString());
                    }
                }
            }
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    /** A running child and what it printed. */
    private static final class Child {
        final Process process;
        final List<String> lines = new ArrayList<>();
        long millis;

        Child(Process process) {
            this.process = process;
        }

        /** Runs it to the end (line &lt; 0), or kills it {@code delay} ms after it printed its line number {@code line} (0: "start"); true when killed. */
        boolean run(int line, long delay) throws Exception {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String first = r.readLine();
                long started = System.nanoTime();
                assertThat(first).as("the child's first line").isEqualTo("start");
                lines.add(first);
                boolean killed = false;
                if (line >= 0) {
                    String next = "";
                    while (lines.size() <= line && (next = r.readLine()) != null) lines.add(next);
                    if (next != null && !process.waitFor(delay, TimeUnit.MILLISECONDS)) {
                        // SIGKILL (no shutdown hooks, no close, no flush); through the handle, which leaves the pipe to read
                        process.toHandle().destroyForcibly();
                        killed = true;
                    }
                }
                // everything it wrote before it ended is still in the pipe
                for (String l = r.readLine(); l != null; l = r.readLine()) lines.add(l);
                assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
                millis = (System.nanoTime() - started) / 1_000_000;
                if (!killed) assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
                return killed;
            } finally {
                process.destroyForcibly();
            }
        }
    }
}
