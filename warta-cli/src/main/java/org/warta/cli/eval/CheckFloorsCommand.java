package org.warta.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.warta.cli.Env;
import org.warta.io.Json;
import org.warta.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs every evaluation listed in the floors file and compares its figures (dotted keys into the eval's
 * JSON, e.g. {@code seed.event_f1}) with their floors. The file:
 * <pre>{@code
 * {"events": {"data": "../shared/bench/events-id", "as_of": null, "floors": {"event_f1": 0.31}},
 *  "ner": {"sets": {"nergrit": {"data": "../shared/bench/ner-id/nergrit/test.txt", "kb": true}},
 *          "floors": {"nergrit.micro_f1": 0.7}}}
 * }</pre>
 * Relative data paths resolve against the project root, the parent of the floors file's folder. Exit 0
 * when every figure is at or above its floor, 1 when one is below or an eval cannot run (missing data).
 */
@Command(name = "check-floors", mixinStandardHelpOptions = true,
        description = "Run the evals listed in eval/floors.json and fail if a score is below its floor.")
public final class CheckFloorsCommand implements Callable<Integer> {
    private final Env env;

    @Option(names = "--floors", paramLabel = "FILE", description = "The floors file (default: ${DEFAULT-VALUE}).")
    Path floors = Path.of("eval/floors.json");

    public CheckFloorsCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        JsonNode spec;
        try {
            spec = Json.MAPPER.readTree(Files.readString(floors, StandardCharsets.UTF_8));
        } catch (IOException e) {
            env.err().println("warta: check-floors: cannot read " + floors.toAbsolutePath().normalize() + ": " + e.getMessage());
            return 1;
        }
        Path abs = floors.toAbsolutePath().normalize();
        Path root = abs.getParent() != null && abs.getParent().getParent() != null ? abs.getParent().getParent() : Path.of(".");
        boolean ok = true;
        // the evals share one pipeline per (date, kb): loading the packs and the KB is the slow part
        Map<List<Object>, Pipeline> built = new HashMap<>();
        Env shared = env.withPipelines((asOf, kb) -> built.computeIfAbsent(List.of(asOf, List.copyOf(kb)),
                k -> env.pipelines().create(asOf, kb)));
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) spec::fields) {
            String name = e.getKey();
            if (name.startsWith("_")) continue;
            JsonNode cfg = e.getValue();
            ObjectNode result;
            try {
                result = run(shared, name, cfg, root);
            } catch (IOException | RuntimeException ex) {
                env.err().println("warta: check-floors: " + name + ": " + ex.getMessage());
                ok = false;
                continue;
            }
            for (Map.Entry<String, JsonNode> f : (Iterable<Map.Entry<String, JsonNode>>) () -> cfg.path("floors").fields()) {
                double floor = f.getValue().asDouble();
                JsonNode v = at(result, f.getKey());
                if (v == null || !v.isNumber()) {
                    env.out().printf("FAIL  %s %s: no such figure (floor %.4f)%n", name, f.getKey(), floor);
                    ok = false;
                    continue;
                }
                boolean pass = v.asDouble() >= floor - 1e-9;
                ok &= pass;
                env.out().printf("%s  %s %s = %.4f (floor %.4f)%n", pass ? "ok  " : "FAIL", name, f.getKey(), v.asDouble(), floor);
            }
        }
        env.out().println(ok ? "floors: all met" : "floors: NOT met");
        env.out().flush();
        return ok ? 0 : 1;
    }

    private static ObjectNode run(Env env, String name, JsonNode cfg, Path root) throws IOException {
        switch (name) {
            case "events": {
                Path data = root.resolve(cfg.path("data").asText("../shared/bench/events-id")).normalize();
                LocalDate asOf = cfg.path("as_of").isTextual() ? LocalDate.parse(cfg.path("as_of").asText()) : null;
                return EventsCommand.evaluate(env, data, asOf, List.of(), null);
            }
            case "linking": {
                Path data = root.resolve(cfg.path("data").asText("../shared/bench/linking")).normalize();
                return LinkingCommand.evaluate(env, data).result();
            }
            case "gsr": {
                Path data = root.resolve(cfg.path("data").asText("../shared/bench/plover-gsr/PLOVER_GSR_CAMEO.dev.json")).normalize();
                return EventsCommand.evaluate(env, data, null, List.of(), null);
            }
            case "extract": {
                Path data = root.resolve(cfg.path("data").asText("../shared/bench/article-extraction")).normalize();
                return ExtractCommand.evaluate(data, List.of(), null);
            }
            case "ner": {
                // {"sets": {"nergrit": {"data": "…/test.txt", "kb": true}, …}, "floors": {"nergrit.micro_f1": …}}
                ObjectNode out = Json.object();
                for (Map.Entry<String, JsonNode> set : (Iterable<Map.Entry<String, JsonNode>>) () -> cfg.path("sets").fields()) {
                    JsonNode s = set.getValue();
                    Path data = root.resolve(s.path("data").asText()).normalize();
                    NerEval.KbMode mode = s.path("kb").asBoolean(true) ? NerEval.KbMode.FEATURES : NerEval.KbMode.NONE;
                    out.set(set.getKey(), NerEval.evaluate(data, null, mode, null));
                }
                return out;
            }
            case "time":
                return TimeCommand.evaluate(root.resolve(cfg.path("data").asText()).normalize(), List.of(), null);
            default:
                throw new IOException("unknown eval '" + name + "' (known: events, gsr, linking, extract, ner, time)");
        }
    }

    /** The node at a dotted path ({@code seed.event_f1}), or null. */
    static JsonNode at(JsonNode root, String dotted) {
        JsonNode n = root;
        for (String part : dotted.split("\\.")) {
            if (n == null) return null;
            n = n.get(part);
        }
        return n;
    }
}
