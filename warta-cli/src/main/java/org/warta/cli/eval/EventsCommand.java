package org.warta.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.warta.cli.Env;
import org.warta.kb.KbVersion;
import org.warta.io.Json;
import org.warta.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"Score event coding on the events-id gold folder (bench/events-id/README.md, \"Scoring\")",
                "or on a PLOVER GSR JSON file (bench/README.md: top-1 event per sentence)."})
public final class EventsCommand implements Callable<Integer> {
    private final Env env;

    @Option(names = "--data", paramLabel = "FILE|DIR", description = "The events-id folder or a PLOVER GSR .json file (default: ${DEFAULT-VALUE}).")
    Path data = Path.of("../shared/bench/events-id");

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--predictions", paramLabel = "FILE", description = "Write the predicted events as JSON lines, each with the \"gold_id\" it was coded from (GSR id or events-id doc).")
    Path predictions;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Processing date for every doc (default: each doc's article_date).")
    LocalDate asOf;

    @Option(names = "--kb", paramLabel = "DIR", description = "A directory with your own kb/ and lang/ files (repeatable).")
    List<Path> kb = new ArrayList<>();

    public EventsCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        ObjectNode result;
        try {
            result = evaluate(env, data, asOf, kb, predictions);
        } catch (IOException e) {
            env.err().println("warta: eval events: " + e.getMessage());
            return 1;
        }
        if (json) env.out().println(Json.pretty(result));
        else printTable(result);
        env.out().flush();
        return 0;
    }

    /** Runs the evaluation; {@code predictions} may be null. */
    static ObjectNode evaluate(Env env, Path data, LocalDate asOf, List<Path> kb, Path predictions) throws IOException {
        if (!Files.isDirectory(data) && !EventsGsr.isGsr(data)) {
            throw new IOException("events data not found: " + data.toAbsolutePath().normalize()
                    + " (give --data DIR, the bench/events-id folder of ../shared, or a PLOVER GSR .json file)");
        }
        Pipeline pipeline = env.pipelines().create(asOf != null ? asOf : LocalDate.now(), kb);
        String kbVersion = KbVersion.of(kb);
        java.util.function.Consumer<String> warn = w -> env.err().println("warta: eval events: " + w);
        boolean gsr = EventsGsr.isGsr(data);
        EventsEval eval = new EventsEval(pipeline, asOf, kbVersion, warn);
        EventsGsr gsrEval = new EventsGsr(pipeline, kbVersion, warn);
        if (predictions == null) return gsr ? gsrEval.run(data, null) : eval.run(data, null);
        Path parent = predictions.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (BufferedWriter w = Files.newBufferedWriter(predictions, StandardCharsets.UTF_8)) {
            EventsEval.PredictionSink sink = (doc, event) -> {
                ObjectNode line = Json.object();
                line.put("gold_id", doc);
                if (!gsr) line.put("doc", doc);
                line.setAll(event);
                try {
                    w.write(Json.line(line));
                    w.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            return gsr ? gsrEval.run(data, sink) : eval.run(data, sink);
        }
    }

    private void printTable(ObjectNode r) {
        var out = env.out();
        if (r.has("failed_records")) {
            printGsr(r);
            return;
        }
        out.println("events-id: " + r.path("data").asText());
        out.printf("%-22s %8s %8s%n", "", "dev", "seed");
        JsonNode seed = r.path("seed");
        for (String k : List.of("event_f1", "precision", "recall", "type_f1", "type_accuracy", "type_macro_f1", "actor_f1", "recipient_f1",
                "modality_accuracy", "attribution_accuracy", "date_accuracy", "location_accuracy")) {
            out.printf("%-22s %8.3f %8.3f%n", k, r.path(k).asDouble(), seed.path(k).asDouble());
        }
        for (String k : List.of("gold", "predicted", "matched", "type_matched", "excluded_span_fp", "unaligned_fp")) {
            out.printf("%-22s %8d %8d%n", k, r.path("counts").path(k).asInt(), seed.path("counts").path(k).asInt());
        }
        out.println();
        printPerType(r.path("per_type"), "type (dev)");
        printConfusion(r.path("confusion"), "dev");
        if (r.path("failed_docs").size() > 0 || seed.path("failed_docs").size() > 0) {
            out.println();
            out.println("not coded: " + r.path("failed_docs") + " " + seed.path("failed_docs"));
        }
    }

    private void printGsr(ObjectNode r) {
        var out = env.out();
        out.println("PLOVER GSR: " + r.path("data").asText() + " (" + r.path("counts").path("sentences").asInt() + " sentences, top-1 event each)");
        for (String k : List.of("type_accuracy", "type_macro_f1", "actor_f1", "recipient_f1", "event_f1"))
            out.printf("%-22s %8.3f%n", k, r.path(k).asDouble());
        out.println();
        printPerType(r.path("per_type"), "type");
        printConfusion(r.path("confusion"), "top-1");
        if (r.path("failed_records").size() > 0) out.println("not coded: " + r.path("failed_records"));
    }

    private void printPerType(JsonNode perType, String label) {
        var out = env.out();
        out.printf("%-12s %6s %6s %6s %5s %5s %5s%n", label, "P", "R", "F1", "gold", "pred", "match");
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) perType::fields) {
            JsonNode t = e.getValue();
            out.printf("%-12s %6.3f %6.3f %6.3f %5d %5d %5d%n", e.getKey(), t.path("precision").asDouble(),
                    t.path("recall").asDouble(), t.path("f1").asDouble(), t.path("gold").asInt(),
                    t.path("predicted").asInt(), t.path("matched").asInt());
        }
    }

    /** The confusion table: gold types down, predicted types across ({@code NONE}: nothing on that side). */
    private void printConfusion(JsonNode conf, String label) {
        var out = env.out();
        java.util.TreeSet<String> cols = new java.util.TreeSet<>();
        for (JsonNode row : conf) row.fieldNames().forEachRemaining(cols::add);
        if (cols.isEmpty()) return;
        out.println();
        out.println("confusion (" + label + "; rows gold, columns predicted):");
        out.printf("%-11s", "");
        for (String c : cols) out.printf(" %4s", c.substring(0, Math.min(4, c.length())));
        out.println();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) conf::fields) {
            out.printf("%-11s", e.getKey());
            for (String c : cols) {
                int v = e.getValue().path(c).asInt(0);
                out.printf(" %4s", v == 0 ? "." : Integer.toString(v));
            }
            out.println();
        }
    }
}
