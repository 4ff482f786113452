package org.warta.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.warta.cli.TempTree;
import org.warta.io.Json;
import org.warta.kb.KbVersion;
import org.warta.lang.Languages;
import org.warta.pipeline.Pipeline;
import org.warta.read.Inputs;
import org.warta.store.IngestReport;
import org.warta.store.Ingester;
import org.warta.store.ForwardingStore;
import org.warta.store.Store;
import org.warta.store.StoreConfig;
import org.warta.store.StoryAssigner;

/**
 * The store pass of the bench: the corpus ingested into a fresh embedded DuckDB store in a temporary folder
 * exactly as {@code warta ingest} does it ({@link Ingester}, batches of 100, the linked story assigner, the
 * full-text index), the store wrapped so that the time spent inside it ({@link Store#known} and
 * {@link Store#write}: duplicate checks, inserts, story linking, commits, the index) is clocked apart from
 * reading and coding. The store is deleted afterwards.
 *
 * <p>Store time is the <em>process</em> CPU time (all threads: DuckDB works on threads of its own) spent
 * while a store call runs on the ingesting thread; {@code wall_seconds} is given too.
 */
final class StoreBench {
    /** Articles per transaction, as {@code warta ingest} has by default. */
    static final int BATCH = 100;

    private static final com.sun.management.OperatingSystemMXBean OS =
            ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os : null;

    private final Pipeline pipeline;
    private final LocalDate asOf;

    StoreBench(Pipeline pipeline, LocalDate asOf) {
        this.pipeline = pipeline;
        this.asOf = asOf;
    }

    /** CPU time of the whole process in nanoseconds (wall-clock time where the JVM cannot tell). */
    static long processCpu() {
        long t = OS == null ? -1 : OS.getProcessCpuTime();
        return t >= 0 ? t : System.nanoTime();
    }

    /** What an ingest did: time inside the store, time of the whole ingest, and the ingest's report. */
    record Result(long storeNanos, long storeWallNanos, long totalNanos, long totalWallNanos, IngestReport report, long dbBytes,
                  List<long[]> batches) {}

    /** Ingests {@code files} into a new store under a temporary folder, which is deleted afterwards. */
    Result ingest(List<String> files) {
        Path dir;
        try {
            dir = Files.createTempDirectory("warta-bench-store");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary folder for the store: " + e.getMessage(), e);
        }
        try {
            Clocked store = new Clocked(Store.open(StoreConfig.embedded(dir, "warta bench")));
            IngestReport report;
            long dbBytes;
            long w0 = System.nanoTime(), t0 = processCpu();
            try (store) {
                Ingester in = new Ingester(store, pipeline, StoryAssigner.linked(new Languages(List.of())), KbVersion.of(List.of()),
                        asOf, BATCH, null);
                Inputs.read(files, new ByteArrayInputStream(new byte[0]), in::accept, in::failed);
                report = in.finish();
            }
            long total = processCpu() - t0, wall = System.nanoTime() - w0;
            dbBytes = size(dir);
            return new Result(store.nanos, store.wallNanos, total, wall, report, dbBytes, store.batches);
        } finally {
            TempTree.delete(dir);
        }
    }

    /** The JSON figure of a store pass over {@code bytes} of input. */
    static ObjectNode json(Result r, long bytes) {
        int articles = r.report().read - r.report().failed;
        ObjectNode o = Json.object();
        o.put("measured", true);
        o.put("engine", "duckdb");
        ObjectNode f = Bench.figures(r.storeNanos(), articles, bytes);
        o.setAll(f);
        o.put("wall_seconds", Bench.round(r.storeWallNanos() / 1e9, 3));
        o.put("failed", r.report().failed);
        o.put("new", r.report().added);
        o.put("near_duplicate", r.report().nearDuplicate);
        o.put("duplicate", r.report().duplicate);
        o.put("events", r.report().events);
        o.put("batches", r.report().batches);
        o.put("db_mb", Bench.round(r.dbBytes() / 1e6, 1));
        ObjectNode ingest = Bench.figures(r.totalNanos(), articles, bytes);
        ingest.put("wall_seconds", Bench.round(r.totalWallNanos() / 1e9, 3));
        o.set("ingest", ingest);
        // the store's speed as it fills: its first and its last tenth of batches (at least one each)
        int k = Math.max(1, r.batches().size() / 10);
        if (r.batches().size() >= 2) {
            o.set("first_batches", batchFigures(r.batches().subList(0, k)));
            o.set("last_batches", batchFigures(r.batches().subList(r.batches().size() - k, r.batches().size())));
        }
        o.put("note", "store: DuckDB in a temporary folder, as warta ingest (batches of " + BATCH
                + ", story linking, full-text index); process CPU time inside the store; ingest = read + code + store");
        return o;
    }

    /** Articles per second of store time over some batches ({articles, process CPU nanos} each). */
    private static ObjectNode batchFigures(List<long[]> batches) {
        long articles = 0, nanos = 0;
        for (long[] b : batches) {
            articles += b[0];
            nanos += b[1];
        }
        ObjectNode o = Json.object();
        o.put("batches", batches.size());
        o.put("articles", articles);
        o.put("seconds", Bench.round(nanos / 1e9, 3));
        o.put("articles_per_second", nanos > 0 ? Bench.round(articles / (nanos / 1e9), 1) : 0);
        return o;
    }

    private static long size(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** A store whose {@link #known} and {@link #write} calls are clocked (process CPU and wall time). */
    static final class Clocked extends ForwardingStore {
        long nanos;
        long wallNanos;
        /** Each write: {articles, process CPU nanos}. */
        final List<long[]> batches = new java.util.ArrayList<>();

        Clocked(Store store) {
            super(store);
        }

        private <T> T clock(java.util.function.Supplier<T> call) {
            long w = System.nanoTime(), t = processCpu();
            try {
                return call.get();
            } finally {
                nanos += processCpu() - t;
                wallNanos += System.nanoTime() - w;
            }
        }

        @Override public Known known(String articleId, String contentHash) { return clock(() -> store.known(articleId, contentHash)); }
        @Override
        public BatchResult write(List<Coded> batch, StoryAssigner assigner) {
            long before = nanos;
            try {
                return clock(() -> store.write(batch, assigner));
            } finally {
                batches.add(new long[] {batch.size(), nanos - before});
            }
        }

        @Override public void close() { clock(() -> { store.close(); return null; }); }
    }
}
