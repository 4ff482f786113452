package org.warta.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.warta.cli.Env;
import org.warta.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ner", mixinStandardHelpOptions = true,
        description = "Score the name tagger on a token<TAB>tag file (CoNLL chunk F1, micro and type-macro).")
public final class NerCommand implements Callable<Integer> {
    private final Env env;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Gold file: token<TAB>tag lines, BIO tags, a blank line between sentences.")
    Path data;

    @Option(names = "--model", paramLabel = "FILE", description = "A model written by 'warta train ner' (default: the shipped model for the gold file's tag set).")
    Path model;

    @Option(names = "--no-kb", description = "Do not use knowledge-base names.")
    boolean noKb;

    @Option(names = "--kb-override", description = "Knowledge-base people, organisations and places also override the model's tags.")
    boolean kbOverride;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--predictions", paramLabel = "FILE", description = "Write token<TAB>gold<TAB>predicted lines, a blank line between sentences.")
    Path predictions;

    @Option(names = "--repeat", paramLabel = "N", description = "After scoring, tag the file N more times and report the tagging speed in sentences per CPU second (default: 0, not measured).")
    int repeat;

    @Option(names = "--bootstrap", paramLabel = "N", description = "Also give the 95 %% intervals of micro and type-macro F1 over N resamples of the sentences "
            + "(drawn with replacement, fixed seed): how much the scores depend on which sentences the file has (default: 0, none).")
    int bootstrap;

    public NerCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (noKb && kbOverride) {
            env.err().println("warta: eval ner: --no-kb and --kb-override exclude each other");
            return 2;
        }
        ObjectNode r;
        try {
            r = NerEval.evaluate(data, model, noKb ? NerEval.KbMode.NONE : kbOverride ? NerEval.KbMode.OVERRIDE : NerEval.KbMode.FEATURES,
                    predictions, Math.max(0, repeat), Math.max(0, bootstrap));
        } catch (IOException | RuntimeException e) {
            env.err().println("warta: eval ner: " + e.getMessage());
            return 1;
        }
        if (json) env.out().println(Json.pretty(r));
        else {
            var out = env.out();
            out.println("ner: " + r.path("data").asText() + "  model " + r.path("model").asText() + "  kb " + r.path("kb").asText());
            out.printf("%-14s %6s %6s %6s %6s %6s %6s%n", "type", "P", "R", "F1", "gold", "pred", "match");
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) () -> r.path("per_type").fields()) {
                JsonNode t = e.getValue();
                out.printf("%-14s %6.3f %6.3f %6.3f %6d %6d %6d%n", e.getKey(), t.path("precision").asDouble(),
                        t.path("recall").asDouble(), t.path("f1").asDouble(), t.path("gold").asInt(),
                        t.path("predicted").asInt(), t.path("matched").asInt());
            }
            out.printf("%-14s %6.3f %6.3f %6.3f %6d %6d %6d%n", "micro", r.path("precision").asDouble(), r.path("recall").asDouble(),
                    r.path("micro_f1").asDouble(), r.path("gold_chunks").asInt(), r.path("predicted_chunks").asInt(),
                    r.path("matched_chunks").asInt());
            out.printf("%-14s %20.3f%n", "macro (types)", r.path("macro_f1").asDouble());
            out.printf("%d sentences, %d sentences/s%n", r.path("sentences").asInt(), r.path("sentences_per_second").asLong());
            out.printf("language packs, KB, gazetteers and both name-tagger models loaded in %.2f s (%.2f s CPU), adding %.1f MB of heap%n",
                    r.path("load_seconds").asDouble(), r.path("load_cpu_seconds").asDouble(), r.path("load_heap_mb").asDouble());
            if (r.has("bootstrap")) {
                JsonNode b = r.path("bootstrap");
                out.printf("bootstrap, %d resamples of the sentences: 95%% interval micro %.3f-%.3f, type-macro %.3f-%.3f%n",
                        b.path("resamples").asInt(), b.path("micro_f1").path(0).asDouble(), b.path("micro_f1").path(1).asDouble(),
                        b.path("macro_f1").path(0).asDouble(), b.path("macro_f1").path(1).asDouble());
            }
            if (r.has("tagging_cpu_sentences_per_second"))
                out.printf("tagging alone, %d more passes: %d sentences per CPU second (%.2f s CPU)%n", repeat,
                        r.path("tagging_cpu_sentences_per_second").asLong(), r.path("tagging_cpu_seconds").asDouble());
        }
        env.out().flush();
        return 0;
    }
}
