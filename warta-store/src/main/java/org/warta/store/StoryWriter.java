package org.warta.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Re-forms the stories a batch touches, inside the batch's transaction. It loads the events of the batch's
 * articles, the events of the same types dated within the assigner's window around the batch, every event
 * of a story that reaches into that window and every event of a story that lost members, lets the
 * {@link StoryAssigner} group them, and writes the groups back with stable ids: a group inherits the id
 * of the stored story it shares most events with (ties: the smaller id), the other ids it absorbs are
 * recorded as merged, and a new group gets an id derived from its smallest event id.
 */
final class StoryWriter {
    private static final String SELECT = "SELECT e.id, e.story_id, e.record, e.day, a.id, a.url, a.outlet, a.published_day, a.published, a.text "
            + "FROM events e JOIN articles a ON a.id = e.article_id ";

    /** Values per IN list or statement (well under PostgreSQL's and DuckDB's parameter limits). */
    private static final int CHUNK = 500;

    private final Connection conn;
    private final StoryAssigner assigner;

    StoryWriter(Connection conn, StoryAssigner assigner) {
        this.conn = conn;
        this.assigner = assigner;
    }

    private record Loaded(StoryAssigner.Report report, String oldStory, LocalDate day, String published) {}

    /** Returns the number of stories written. */
    int regroup(Set<String> batchArticles, List<LocalDate> days, Set<String> types, Set<String> dirtyStories) throws SQLException {
        Map<String, Loaded> loaded = new TreeMap<>();
        load("e.article_id", new TreeSet<>(batchArticles), loaded);
        Set<String> stories = new TreeSet<>(dirtyStories);
        if (!days.isEmpty() && !types.isEmpty()) {
            LocalDate from = days.stream().min(Comparator.naturalOrder()).orElseThrow().minusDays(assigner.windowDays());
            LocalDate to = days.stream().max(Comparator.naturalOrder()).orElseThrow().plusDays(assigner.windowDays());
            for (String type : new TreeSet<>(types)) {
                try (PreparedStatement ps = conn.prepareStatement(SELECT + "WHERE e.event = ? AND e.day BETWEEN ? AND ?")) {
                    ps.setString(1, type);
                    ps.setObject(2, from);
                    ps.setObject(3, to);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) collect(rs, loaded);
                    }
                }
            }
        }
        for (Loaded l : loaded.values()) if (l.oldStory() != null) stories.add(l.oldStory());
        load("e.story_id", stories, loaded);
        if (loaded.isEmpty() && stories.isEmpty()) return 0;

        List<List<StoryAssigner.Report>> groups = new ArrayList<>(assigner.group(
                loaded.values().stream().map(Loaded::report).toList()));
        List<List<Loaded>> resolved = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (List<StoryAssigner.Report> g : groups) {
            List<Loaded> members = new ArrayList<>();
            for (StoryAssigner.Report r : g) {
                Loaded l = loaded.get(r.event().id());
                if (l == null || !placed.add(r.event().id())) {
                    throw new IllegalStateException("story assigner " + assigner.version() + " returned an unknown or repeated event "
                            + r.event().id());
                }
                members.add(l);
            }
            members.sort(Comparator.comparing(l -> l.report().event().id()));
            if (!members.isEmpty()) resolved.add(members);
        }
        for (Loaded l : loaded.values()) {
            if (!placed.contains(l.report().event().id())) resolved.add(new ArrayList<>(List.of(l))); // left out: alone
        }
        resolved.sort(Comparator.comparing((List<Loaded> g) -> -g.size()).thenComparing(g -> g.get(0).report().event().id()));

        Set<String> taken = new HashSet<>();
        Map<String, List<Loaded>> byId = new LinkedHashMap<>();
        Map<String, Set<String>> merged = new HashMap<>();
        Set<String> existing = new HashSet<>(stories);
        Set<String> stored = new HashSet<>(); // stored story ids that the first choice of a new id would take
        List<String> firstChoices = new ArrayList<>();
        for (List<Loaded> g : resolved) firstChoices.add("s" + sha(g.get(0).report().event().id()));
        select("SELECT id FROM stories WHERE id IN", firstChoices, rs -> stored.add(rs.getString(1)));
        for (List<Loaded> g : resolved) {
            Map<String, Integer> votes = new TreeMap<>();
            for (Loaded l : g) if (l.oldStory() != null) votes.merge(l.oldStory(), 1, Integer::sum);
            String id = votes.entrySet().stream().filter(v -> !taken.contains(v.getKey()))
                    .max(Comparator.comparing((Map.Entry<String, Integer> v) -> v.getValue()).thenComparing(v -> v.getKey(), Comparator.reverseOrder()))
                    .map(Map.Entry::getKey).orElse(null);
            if (id == null) id = newId(g.get(0).report().event().id(), taken, existing, stored);
            taken.add(id);
            byId.put(id, g);
            Set<String> m = new TreeSet<>(votes.keySet());
            m.remove(id);
            merged.put(id, m);
        }
        // ids that no group kept: their stories are gone (merged into the groups that took their events)
        Set<String> gone = new TreeSet<>(existing);
        gone.removeAll(taken);
        Map<String, String> oldMerged = new HashMap<>();
        List<String> existingIds = new ArrayList<>(new TreeSet<>(existing));
        select("SELECT id, merged_ids FROM stories WHERE id IN", existingIds, rs -> {
            if (rs.getString(2) != null) oldMerged.put(rs.getString(1), rs.getString(2));
        });
        forEachChunk(existingIds, (in, chunk) -> {
            update("DELETE FROM stories WHERE id IN (" + in + ")", chunk);
            update("DELETE FROM story_events WHERE story_id IN (" + in + ")", chunk);
        });
        List<String> members = new ArrayList<>();
        for (List<Loaded> g : byId.values()) for (Loaded l : g) members.add(l.report().event().id());
        forEachChunk(members, (in, chunk) -> update("DELETE FROM story_events WHERE event_id IN (" + in + ")", chunk));
        MultiRowInsert link = new MultiRowInsert(conn, "story_events", "story_id", "event_id");
        MultiRowInsert ins = new MultiRowInsert(conn, "stories", "id", "event", "first_day", "last_day", "events", "articles",
                "sources", "earliest_article_id", "earliest_published", "merged_ids");
        List<String> moved = new ArrayList<>(); // event id, then its new story id, for each event whose story changes
        for (Map.Entry<String, List<Loaded>> s : byId.entrySet()) {
            String id = s.getKey();
            List<Loaded> g = s.getValue();
            Map<String, Integer> typeCount = new TreeMap<>();
            Set<String> articles = new HashSet<>();
            Set<String> outlets = new HashSet<>();
            LocalDate first = null, last = null;
            Loaded earliest = null;
            for (Loaded l : g) {
                String ev = l.report().event().id();
                link.row().str(id).str(ev);
                if (!id.equals(l.oldStory())) {
                    moved.add(ev);
                    moved.add(id);
                }
                typeCount.merge(l.report().event().type(), 1, Integer::sum);
                articles.add(l.report().articleId());
                outlets.add(l.report().outlet() == null ? "article:" + l.report().articleId() : l.report().outlet());
                if (l.day() != null) {
                    if (first == null || l.day().isBefore(first)) first = l.day();
                    if (last == null || l.day().isAfter(last)) last = l.day();
                }
                if (earliest == null || earlier(l, earliest)) earliest = l;
            }
            Set<String> m = new TreeSet<>(merged.get(id));
            if (oldMerged.containsKey(id)) m.addAll(List.of(oldMerged.get(id).split(";")));
            for (String x : List.copyOf(m)) if (oldMerged.containsKey(x) && gone.contains(x)) m.addAll(List.of(oldMerged.get(x).split(";")));
            String type = typeCount.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
            ins.row().str(id).str(type).date(first).date(last).integer(g.size()).integer(articles.size()).integer(outlets.size())
                    .str(earliest.report().articleId()).str(earliest.published()).str(m.isEmpty() ? null : String.join(";", m));
        }
        forEachChunk(moved, (in, chunk) -> {
            if (chunk.size() % 2 != 0) throw new IllegalStateException("event and story ids come in pairs");
            String pairs = String.join(", ", Collections.nCopies(chunk.size() / 2, "(?, ?)"));
            update("UPDATE events SET story_id = v.story FROM (VALUES " + pairs + ") AS v(event, story) WHERE events.id = v.event", chunk);
        });
        link.flush();
        ins.flush();
        return byId.size();
    }

    private static boolean earlier(Loaded a, Loaded b) {
        LocalDate da = a.report().published(), db = b.report().published();
        if (da != null && db != null && !da.equals(db)) return da.isBefore(db);
        if (da != null && db == null) return true;
        if (da == null && db != null) return false;
        return a.report().articleId().compareTo(b.report().articleId()) < 0;
    }

    /** Loads the events whose {@code column} is one of {@code values}. */
    private void load(String column, Collection<String> values, Map<String, Loaded> loaded) throws SQLException {
        select(SELECT + "WHERE " + column + " IN", new ArrayList<>(values), rs -> collect(rs, loaded));
    }

    private interface RowAction {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sqlBeforeList} followed by an {@code (?, …)} list over slices of {@code values}, each row to {@code action}. */
    private void select(String sqlBeforeList, List<String> values, RowAction action) throws SQLException {
        forEachChunk(values, (in, chunk) -> {
            try (PreparedStatement ps = conn.prepareStatement(sqlBeforeList + " (" + in + ")")) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) action.accept(rs);
                }
            }
        });
    }

    private interface ChunkAction {
        void run(String placeholders, List<String> chunk) throws SQLException;
    }

    /** Runs {@code action} on slices of {@code values} small enough for one statement's parameters. */
    private static void forEachChunk(List<String> values, ChunkAction action) throws SQLException {
        for (int from = 0; from < values.size(); from += CHUNK) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + CHUNK));
            action.run(String.join(", ", Collections.nCopies(chunk.size(), "?")), chunk);
        }
    }

    private static void bind(PreparedStatement ps, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) ps.setString(i + 1, values.get(i));
    }

    private void update(String sql, List<String> values) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, values);
            ps.executeUpdate();
        }
    }

    /** Adds the event of the current row of a {@link #SELECT} unless it is loaded already. */
    private static void collect(ResultSet rs, Map<String, Loaded> loaded) throws SQLException {
        String id = rs.getString(1);
        if (loaded.containsKey(id)) return;
        java.sql.Date day = rs.getDate(4), pub = rs.getDate(8);
        StoryAssigner.Report r = new StoryAssigner.Report(rs.getString(5), rs.getString(6), rs.getString(7),
                pub == null ? null : pub.toLocalDate(), EventRecords.event(rs.getString(3)), rs.getString(10));
        loaded.put(id, new Loaded(r, rs.getString(2), day == null ? null : day.toLocalDate(), rs.getString(9)));
    }

    /** A new story's id: "s" and 16 hex digits of the SHA-256 of its smallest event id (then a counter if taken). */
    private String newId(String eventId, Set<String> taken, Set<String> existing, Set<String> stored) throws SQLException {
        for (int n = 0; ; n++) {
            String id = "s" + sha(n == 0 ? eventId : eventId + "#" + n);
            if (taken.contains(id) || existing.contains(id)) continue;
            if (n == 0) {
                if (stored.contains(id)) continue;
                return id;
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM stories WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return id;
                }
            }
        }
    }

    private static String sha(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
