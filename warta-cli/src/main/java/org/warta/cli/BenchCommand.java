package org.warta.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.warta.cli.bench.Bench;
import org.warta.cli.bench.BenchCorpus;
import org.warta.io.Json;
import org.warta.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code warta bench}: builds the fixed benchmark corpus from {@code ../shared/bench} and measures the
 * floor, each stage group and the full pipeline (see {@link Bench}). Prints a table, or one JSON object
 * with {@code --json}. Run it as {@code /usr/bin/time -v ./warta bench} to see the process's peak RSS too.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the speed of every stage and of the full pipeline on a generated Indonesian corpus.")
final class BenchCommand implements Callable<Integer> {
    private final Env env;

    @Option(names = "--data", paramLabel = "DIR", description = "The bench folder of ../shared (default: ${DEFAULT-VALUE}).")
    Path data = Path.of("../shared/bench");

    @Option(names = "--size-mb", paramLabel = "N", description = "Corpus size in MB (10^6 bytes; default: ${DEFAULT-VALUE}).")
    double sizeMb = 50;

    @Option(names = "--corpus", paramLabel = "DIR", description = "Where to write (or reuse) the corpus (default: a folder under the temporary directory).")
    Path corpus;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--store-mb", paramLabel = "N", description = "MB of the corpus (its first files) to ingest into a temporary "
            + "DuckDB store for the store pass; 0 leaves it out (default: ${DEFAULT-VALUE}).")
    double storeMb = 2;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Processing date (default: ${DEFAULT-VALUE}).")
    LocalDate asOf = LocalDate.of(2026, 1, 1);

    BenchCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (!(sizeMb > 0)) {
            env.err().println("warta: bench: --size-mb must be above 0");
            return 2;
        }
        if (!(storeMb >= 0)) {
            env.err().println("warta: bench: --store-mb must be 0 or more");
            return 2;
        }
        long bytes = (long) Math.ceil(sizeMb * 1e6);
        Path dir = corpus != null ? corpus
                : Path.of(System.getProperty("java.io.tmpdir"), "warta-bench", "v" + BenchCorpus.VERSION + "-" + bytes);
        BenchCorpus.Corpus c;
        try {
            env.err().println("warta: bench: corpus of " + sizeMb + " MB in " + dir);
            c = BenchCorpus.build(data, dir, bytes);
        } catch (IOException | RuntimeException e) {
            env.err().println("warta: bench: cannot build the corpus: " + e.getMessage());
            return 1;
        }
        Pipeline pipeline;
        try {
            pipeline = env.pipelines().create(asOf, List.of());
        } catch (RuntimeException e) {
            env.err().println("warta: cannot load the language and knowledge data: " + e.getMessage());
            return 1;
        }
        ObjectNode result = new Bench(pipeline, asOf, env.err()).run(c, (long) Math.ceil(storeMb * 1e6));
        if (json) env.out().println(Json.pretty(result));
        else printTable(result);
        env.out().flush();
        return 0;
    }

    private void printTable(ObjectNode r) {
        var out = env.out();
        JsonNode c = r.get("corpus");
        out.printf("corpus: %d articles, %.1f MB (%d source texts, perturbed copies) in %s%n",
                c.get("articles").asInt(), c.get("mb").asDouble(), c.get("source_texts").asInt(), c.get("dir").asText());
        out.printf("%-28s %9s %12s %9s %7s%n", "pass / stage", "seconds", "articles/s", "MB/s", "share");
        row("floor (read+decode+tokenize)", r.get("floor"));
        JsonNode stages = r.get("stages");
        for (String g : List.of("read", "extraction", "analysis", "coding", "output")) if (stages.has(g)) row("  " + g, stages.get(g));
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) () -> stages.get("detail").fields())
            row("    " + e.getKey(), e.getValue());
        row("  stages total (clocked)", stages.get("total"));
        row("full pipeline, 1 thread", r.get("full"));
        row("full pipeline, 2 threads", r.get("full_2_threads"));
        JsonNode store = r.get("store");
        if (store.get("measured").asBoolean()) {
            row("store into DuckDB", store);
            row("ingest (read+code+store)", store.get("ingest"));
        }
        out.printf("articles_per_second_per_core %.1f, floor_ratio %.2f, 2-thread speedup %.2f%n",
                r.get("articles_per_second_per_core").asDouble(), r.get("floor_ratio").asDouble(),
                r.get("full_2_threads").get("speedup").asDouble());
        JsonNode m = r.get("memory");
        out.printf("memory: heap peak %.0f MB (live after GC %.0f MB, max %.0f MB), RSS peak %s MB, %d GCs %.2f s%n",
                m.get("heap_peak_mb").asDouble(), m.get("heap_live_peak_mb").asDouble(), m.get("heap_max_mb").asDouble(),
                m.get("rss_peak_mb").isNull() ? "?" : String.format("%.0f", m.get("rss_peak_mb").asDouble()),
                m.get("gc_count").asLong(), m.get("gc_seconds").asDouble());
        if (store.get("measured").asBoolean()) {
            out.printf("store: %d articles (%.1f MB): %d new, %d near-duplicate, %d events, %d batches, %.1f MB on disk%n",
                    store.get("articles").asInt(), store.get("mb").asDouble(), store.get("new").asInt(), store.get("near_duplicate").asInt(),
                    store.get("events").asInt(), store.get("batches").asInt(), store.get("db_mb").asDouble());
            if (store.has("first_batches"))
                out.printf("store speed as it fills: first %d batches %.1f articles/s, last %d batches %.1f articles/s%n",
                        store.get("first_batches").get("batches").asInt(), store.get("first_batches").get("articles_per_second").asDouble(),
                        store.get("last_batches").get("batches").asInt(), store.get("last_batches").get("articles_per_second").asDouble());
        }
        out.println(store.get("note").asText());
    }

    private void row(String name, JsonNode f) {
        String share = f.has("share") ? String.format("%.1f%%", 100 * f.get("share").asDouble()) : "";
        env.out().printf("%-28s %9.2f %12.1f %9.2f %7s%n", name, f.get("seconds").asDouble(),
                f.get("articles_per_second").asDouble(), f.get("mb_per_second").asDouble(), share);
    }
}
