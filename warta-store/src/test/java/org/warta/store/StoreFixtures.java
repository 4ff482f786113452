package org.warta.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.warta.Warta;
import org.warta.pipeline.Pipeline;
import org.warta.read.Inputs;

/** Shared test helpers: one pipeline, the fixture inputs, ingest runs and a dump of a store's content. */
final class StoreFixtures {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
    private static Pipeline pipeline;

    private StoreFixtures() {}

    static synchronized Pipeline pipeline() {
        if (pipeline == null) pipeline = Warta.builder().asOf(AS_OF).build();
        return pipeline;
    }

    static Path fixture(String name) {
        Path p = Path.of("src/test/resources/store", name);
        assertThat(p).exists();
        return p;
    }

    static Path root() {
        return Path.of(System.getProperty("warta.root", ".."));
    }

    static IngestReport ingest(Store store, StoryAssigner assigner, int batch, String... paths) {
        Ingester in = new Ingester(store, pipeline(), assigner, "test-kb", AS_OF, batch, null);
        Inputs.read(List.of(paths), in::accept, in::failed);
        return in.finish();
    }

    static IngestReport ingest(Store store, String... paths) {
        return ingest(store, StoryAssigner.perEvent(), 2, paths);
    }

    /**
     * The store's content as sorted text lines, without the columns that record when a row was written
     * (timestamps), so that two runs that stored the same things compare equal.
     */
    static List<String> dump(Store store) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = store.read()) {
            for (String table : List.of("articles", "article_bands", "events", "mentions", "actors", "stories", "story_events")) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    List<String> rows = new ArrayList<>();
                    while (rs.next()) {
                        StringBuilder sb = new StringBuilder(table).append('|');
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String col = md.getColumnName(i).toLowerCase();
                            if (col.equals("ingested_at") || col.equals("updated_at")) continue;
                            Object v = rs.getObject(i);
                            sb.append(col).append('=').append(v instanceof byte[] b ? "bytes:" + b.length : String.valueOf(v)).append('|');
                        }
                        rows.add(sb.toString());
                    }
                    rows.sort(null);
                    out.addAll(rows);
                }
            }
        }
        return out;
    }

    static long count(Store store, String sql) throws SQLException {
        try (Connection c = store.read(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> strings(Store store, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = store.read(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) return;
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
