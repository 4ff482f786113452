package org.warta.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.warta.io.EventJson;
import org.warta.io.Json;
import org.warta.model.Article;
import org.warta.model.Doc;
import org.warta.model.Event;
import org.warta.model.Page;
import org.warta.pipeline.Pipeline;
import org.warta.pipeline.Stage;
import org.warta.read.InputException;
import org.warta.read.Inputs;
import org.warta.text.Segmenter;

/**
 * Runs the benchmark passes over a {@link BenchCorpus.Corpus} and reports them as one JSON object. Every
 * pass reads the corpus files from disk with {@link Inputs} (so reading and decoding are always counted):
 *
 * <ol>
 *   <li>warm-up: the floor and the full pipeline on the first tenth of the corpus (at least 200 files);
 *   <li>floor: read, decode and tokenize with the pipeline's own {@link Segmenter}, one thread;
 *   <li>stages: the full pipeline with a clock around the extractor, each stage and the event output,
 *       one thread; the stages are grouped into extraction, analysis (language, sentences, times, actors,
 *       coreference, quotes) and coding (event coder and merger);
 *   <li>full: the full pipeline, events written as JSON lines to nowhere, one thread, no inner clocks;
 *   <li>full on 2 threads: the same, the files dealt alternately to two threads;
 *   <li>store (unless turned off): the corpus ingested into a fresh DuckDB store as {@code warta ingest}
 *       does it, the time inside the store clocked apart (see {@link StoreBench}), after a warm-up ingest.
 * </ol>
 *
 * <p>One-thread passes are timed by the CPU time of their thread ({@code seconds}; {@code wall_seconds} is
 * given too), so that other work on a shared machine does not skew them; the 2-thread pass is timed by
 * the wall clock. {@code floor_ratio} is the full pipeline's time over the floor's;
 * {@code articles_per_second_per_core} is the full pipeline's articles per CPU second on one thread.
 * MB are 10^6 bytes of input files.
 */
public final class Bench {
    private static final String KB_VERSION = "bench";

    private final Pipeline pipeline;
    private final Segmenter segmenter;
    private final LocalDate asOf;
    private final PrintStream log;
    /** Where written output goes (its length), so that the JIT cannot drop the writing. */
    private final AtomicLong sink = new AtomicLong();

    public Bench(Pipeline pipeline, LocalDate asOf, PrintStream log) {
        this.pipeline = pipeline;
        this.asOf = asOf;
        this.log = log;
        Segmenter s = null;
        for (Stage stage : pipeline.stages()) if (stage instanceof Segmenter seg) s = seg;
        if (s == null) throw new IllegalArgumentException("the pipeline has no Segmenter stage; the floor needs the project's tokenizer");
        this.segmenter = s;
    }

    /** What one pass did. */
    record Pass(long nanos, long wallNanos, int articles, int failed, long events, long bytes) {
        double seconds() { return nanos / 1e9; }

        ObjectNode json() {
            ObjectNode o = figures(nanos, articles, bytes);
            o.put("wall_seconds", round(wallNanos / 1e9, 3));
            o.put("failed", failed);
            return o;
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final boolean CPU_CLOCK = THREADS.isCurrentThreadCpuTimeSupported();

    /**
     * CPU time of the current thread in nanoseconds (wall-clock time where the JVM cannot tell): the
     * measure of one-thread passes, so that other processes on a shared machine do not skew the figures.
     */
    static long cpu() {
        return CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    static ObjectNode figures(long nanos, int articles, long bytes) {
        ObjectNode o = Json.object();
        double s = nanos / 1e9;
        o.put("seconds", round(s, 3));
        o.put("articles", articles);
        o.put("articles_per_second", s > 0 ? round(articles / s, 1) : 0);
        o.put("mb_per_second", s > 0 ? round(bytes / 1e6 / s, 2) : 0);
        return o;
    }

    static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }

    /**
     * Runs every pass. The store pass ingests the first files of the corpus up to {@code storeBytes} (the
     * whole corpus when it is smaller); with {@code storeBytes} 0 it is left out (and said to be).
     */
    public ObjectNode run(BenchCorpus.Corpus corpus, long storeBytes) {
        List<String> files = new ArrayList<>(corpus.files().size());
        for (Path p : corpus.files()) files.add(p.toString());
        long[] sizes = sizes(corpus.files());
        try (MemoryWatch memory = new MemoryWatch()) {
            int warm = Math.min(files.size(), Math.max(200, files.size() / 10));
            log.println("bench: warm-up on " + warm + " of " + files.size() + " articles");
            floor(files.subList(0, warm), sum(sizes, 0, warm));
            full(files.subList(0, warm), sum(sizes, 0, warm));

            long bytes = corpus.bytes();
            log.println("bench: floor (read, decode, tokenize), 1 thread");
            Pass floor = floor(files, bytes);
            log.println("bench: stages, 1 thread");
            Map<String, long[]> stageNanos = new LinkedHashMap<>();
            Pass staged = staged(files, bytes, stageNanos);
            log.println("bench: full pipeline, 1 thread");
            Pass full = full(files, bytes);
            log.println("bench: full pipeline, 2 threads");
            Pass two = parallel(files, bytes, 2);
            ObjectNode storeJson;
            if (storeBytes > 0) {
                int n = 0;
                long stored = 0;
                while (n < files.size() && stored < storeBytes) stored += sizes[n++];
                StoreBench sb = new StoreBench(pipeline, asOf);
                int warmStore = Math.min(n, 200);
                log.println("bench: store warm-up, " + warmStore + " articles into a DuckDB store");
                sb.ingest(files.subList(0, warmStore));
                log.println("bench: store (ingest of " + n + " articles, " + round(stored / 1e6, 1) + " MB, into DuckDB), 1 thread");
                storeJson = StoreBench.json(sb.ingest(files.subList(0, n)), stored);
                storeJson.put("mb", round(stored / 1e6, 2));
            } else {
                storeJson = Json.object();
                storeJson.put("measured", false);
                storeJson.put("note", "store: not measured (--store-mb 0)");
            }

            ObjectNode out = Json.object();
            out.put("articles_per_second_per_core", round(full.articles() / full.seconds(), 1));
            out.put("floor_ratio", round(full.seconds() / floor.seconds(), 2));
            ObjectNode c = out.putObject("corpus");
            c.put("dir", corpus.dir().toString());
            c.put("articles", files.size());
            c.put("bytes", bytes);
            c.put("mb", round(bytes / 1e6, 2));
            c.put("source_texts", corpus.sources());
            out.set("floor", floor.json());
            ObjectNode fullJson = full.json();
            fullJson.put("events", full.events());
            out.set("full", fullJson);
            ObjectNode twoJson = two.json();
            twoJson.put("threads", 2);
            twoJson.put("speedup", round((double) full.wallNanos() / two.wallNanos(), 2));
            out.set("full_2_threads", twoJson);
            out.set("stages", stages(staged, stageNanos, bytes));
            out.set("store", storeJson);
            ObjectNode m = out.putObject("memory");
            m.put("heap_peak_mb", round(memory.heapPeak() / 1e6, 1));
            m.put("heap_live_peak_mb", round(memory.liveHeapPeak() / 1e6, 1));
            m.put("heap_max_mb", round(MemoryWatch.heapMax() / 1e6, 1));
            long rss = MemoryWatch.rssPeak();
            if (rss >= 0) m.put("rss_peak_mb", round(rss / 1e6, 1));
            else m.putNull("rss_peak_mb");
            m.put("gc_count", MemoryWatch.gcCount());
            m.put("gc_seconds", round(MemoryWatch.gcMillis() / 1e3, 3));
            ObjectNode env = out.putObject("machine");
            env.put("cores", Runtime.getRuntime().availableProcessors());
            env.put("java", System.getProperty("java.version"));
            return out;
        }
    }

    /** Per stage and per group: seconds, share of the staged pass, articles and MB per second. */
    private ObjectNode stages(Pass staged, Map<String, long[]> stageNanos, long bytes) {
        ObjectNode out = Json.object();
        Map<String, Long> groups = new LinkedHashMap<>();
        long timed = 0;
        ObjectNode detail = Json.object();
        for (Map.Entry<String, long[]> e : stageNanos.entrySet()) {
            String name = e.getKey();
            long nanos = e.getValue()[0];
            timed += nanos;
            groups.merge(group(name), nanos, Long::sum);
            ObjectNode o = figures(nanos, staged.articles(), bytes);
            o.put("group", group(name));
            o.put("share", round((double) nanos / staged.nanos(), 3));
            detail.set(name, o);
        }
        groups.put("read", Math.max(0, staged.nanos() - timed));
        for (Map.Entry<String, Long> g : groups.entrySet()) {
            ObjectNode o = figures(g.getValue(), staged.articles(), bytes);
            o.put("share", round((double) g.getValue() / staged.nanos(), 3));
            out.set(g.getKey(), o);
        }
        ObjectNode total = figures(staged.nanos(), staged.articles(), bytes);
        out.set("total", total);
        out.set("detail", detail);
        return out;
    }

    /** Group of a stage key: extraction, analysis, coding or output. */
    static String group(String key) {
        if (key.equals("extraction") || key.equals("output")) return key;
        if (key.startsWith("event.")) return "coding";
        return "analysis";
    }

    private static long[] sizes(List<Path> files) {
        long[] s = new long[files.size()];
        for (int i = 0; i < s.length; i++) {
            try {
                s[i] = Files.size(files.get(i));
            } catch (java.io.IOException e) {
                s[i] = 0;
            }
        }
        return s;
    }

    private static long sum(long[] a, int from, int to) {
        long s = 0;
        for (int i = from; i < to; i++) s += a[i];
        return s;
    }

    private static void read(List<String> files, Consumer<Page> ok, Consumer<InputException> failed) {
        Inputs.read(files, new ByteArrayInputStream(new byte[0]), ok, failed);
    }

    /** Read, decode and tokenize: the work no pipeline can avoid. */
    Pass floor(List<String> files, long bytes) {
        int[] n = new int[2];
        long[] tokens = new long[1];
        long w0 = System.nanoTime(), t0 = cpu();
        read(files, page -> {
            String text = new String(page.bytes(), StandardCharsets.UTF_8);
            Article a = new Article("floor", page.name(), null, null, null, null, text, "id", null, null,
                    false, null, null, null, null);
            Doc doc = new Doc(a, asOf);
            segmenter.process(doc);
            tokens[0] += doc.tokens().size();
            n[0]++;
        }, e -> n[1]++);
        return new Pass(cpu() - t0, System.nanoTime() - w0, n[0], n[1], tokens[0], bytes);
    }

    /** The full pipeline with a clock around each part. */
    Pass staged(List<String> files, long bytes, Map<String, long[]> nanos) {
        List<Stage> stages = pipeline.stages();
        String[] keys = new String[stages.size()];
        nanos.put("extraction", new long[1]);
        for (int i = 0; i < keys.length; i++) {
            Class<?> c = stages.get(i).getClass();
            keys[i] = c.getName().startsWith("org.warta.") ? c.getName().substring("org.warta.".length()) : c.getName();
            nanos.put(keys[i], new long[1]);
        }
        nanos.put("output", new long[1]);
        long[] extraction = nanos.get("extraction");
        long[] output = nanos.get("output");
        int[] n = new int[2];
        long[] events = new long[1];
        long w0 = System.nanoTime(), t0 = cpu();
        read(files, page -> {
            long t = cpu();
            Article article;
            try {
                article = pipeline.article(page);
            } catch (InputException e) {
                n[1]++;
                return;
            }
            long u = cpu();
            extraction[0] += u - t;
            Doc doc = new Doc(article, asOf);
            for (int i = 0; i < keys.length; i++) {
                t = cpu();
                stages.get(i).process(doc);
                u = cpu();
                nanos.get(keys[i])[0] += u - t;
            }
            for (Event e : doc.events()) sink.addAndGet(EventJson.line(e, doc.article(), KB_VERSION).length());
            output[0] += cpu() - u;
            events[0] += doc.events().size();
            n[0]++;
        }, e -> n[1]++);
        return new Pass(cpu() - t0, System.nanoTime() - w0, n[0], n[1], events[0], bytes);
    }

    /** The full pipeline as a user runs it: read, code, write the events as JSON lines (here to nowhere). */
    Pass full(List<String> files, long bytes) {
        int[] n = new int[2];
        long[] events = new long[1];
        long w0 = System.nanoTime(), t0 = cpu();
        read(files, page -> {
            if (code(page, events)) n[0]++;
            else n[1]++;
        }, e -> n[1]++);
        return new Pass(cpu() - t0, System.nanoTime() - w0, n[0], n[1], events[0], bytes);
    }

    /** Codes a page and writes its events (their length goes to {@link #sink}); false if it cannot be read. */
    private boolean code(Page page, long[] events) {
        try {
            Pipeline.Result r = pipeline.code(page, asOf);
            for (Event e : r.events()) sink.addAndGet(EventJson.line(e, r.article(), KB_VERSION).length());
            events[0] += r.events().size();
            return true;
        } catch (InputException e) {
            return false;
        }
    }

    /** The full pipeline on {@code threads} threads, the files dealt to them in turn. */
    Pass parallel(List<String> files, long bytes, int threads) {
        List<List<String>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) parts.add(new ArrayList<>());
        for (int i = 0; i < files.size(); i++) parts.get(i % threads).add(files.get(i));
        Pass[] results = new Pass[threads];
        RuntimeException[] errors = new RuntimeException[threads];
        List<Thread> running = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int k = t;
            Thread th = new Thread(() -> {
                try {
                    results[k] = full(parts.get(k), 0);
                } catch (RuntimeException e) {
                    errors[k] = e;
                }
            }, "warta-bench-" + t);
            th.start();
            running.add(th);
        }
        for (Thread th : running) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the benchmark threads", e);
            }
        }
        long nanos = System.nanoTime() - t0;
        int articles = 0, failed = 0;
        long events = 0;
        for (int t = 0; t < threads; t++) {
            if (errors[t] != null) throw errors[t];
            articles += results[t].articles();
            failed += results[t].failed();
            events += results[t].events();
        }
        return new Pass(nanos, nanos, articles, failed, events, bytes);
    }
}
