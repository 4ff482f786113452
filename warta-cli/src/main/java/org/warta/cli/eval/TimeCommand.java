package org.warta.cli.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.warta.Warta;
import org.warta.cli.Env;
import org.warta.io.Json;
import org.warta.model.Article;
import org.warta.model.TimeExpr;
import org.warta.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code warta eval time}: runs the pipeline on TimeML documents (the creation time as the publication
 * date) and scores its time expressions as bench/README.md defines for IndoTimex.
 */
@Command(name = "time", mixinStandardHelpOptions = true,
        description = "Score time expressions on TimeML gold (.tml files, zips of them, or folders).")
public final class TimeCommand implements Callable<Integer> {
    private final Env env;

    @Option(names = "--data", paramLabel = "FILE|DIR", required = true,
            description = "A .tml file, a zip of .tml files, or a folder of either.")
    Path data;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--predictions", paramLabel = "DIR", description = "Write each document back as TimeML with the predicted TIMEX3 tags.")
    Path predictions;

    @Option(names = "--kb", paramLabel = "DIR", description = "A directory with your own kb/ and lang/ files (repeatable).")
    List<Path> kb = new ArrayList<>();

    public TimeCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ObjectNode result;
        try {
            result = evaluate(data, kb, predictions);
        } catch (IOException e) {
            env.err().println("warta: eval time: " + e.getMessage());
            return 1;
        }
        for (var f : result.get("failed_docs")) env.err().println("warta: eval time: skipped " + f.asText());
        if (json) {
            env.out().println(Json.pretty(result));
        } else {
            env.out().printf("time expressions: %d documents, %d gold, %d predicted%n", result.get("docs").asInt(),
                    result.get("gold").asInt(), result.get("predicted").asInt());
            for (String k : List.of("strict", "relaxed", "value"))
                env.out().printf("  %-8s F1 %.4f  P %.4f  R %.4f%n", k, result.get(k + "_f1").asDouble(),
                        result.get(k + "_precision").asDouble(), result.get(k + "_recall").asDouble());
        }
        env.out().flush();
        return 0;
    }

    /** The pipeline's time expressions in a document's text, its creation time being the publication date. */
    static List<TimeExpr> tag(Pipeline pipeline, TimeMl.Document d) {
        Article a = new Article(d.name(), d.name(), null, null, null, null, d.text(), null, d.dct().toString(), "day",
                false, null, null, null, null);
        return pipeline.code(a, d.dct()).doc().times();
    }

    /** Scores the pipeline's time expressions on every document under {@code data}. */
    static ObjectNode evaluate(Path data, List<Path> kb, Path predictions) throws IOException {
        List<String> failed = new ArrayList<>();
        List<TimeMl.Document> docs = TimeMl.read(data, failed);
        if (docs.isEmpty()) throw new IOException("no readable .tml documents in " + data + (failed.isEmpty() ? "" : ": " + failed));
        Warta.Builder b = Warta.builder();
        for (Path k : kb) b.kb(k);
        Pipeline pipeline = b.build();
        if (predictions != null) Files.createDirectories(predictions);
        TimeScorer total = new TimeScorer();
        ArrayNode perDoc = Json.MAPPER.createArrayNode();
        for (TimeMl.Document d : docs) {
            List<TimeMl.Timex> pred = new ArrayList<>();
            for (TimeExpr t : tag(pipeline, d)) pred.add(new TimeMl.Timex(t.start(), t.end(), t.type(), t.value()));
            TimeScorer one = new TimeScorer();
            one.add(pred, d.gold());
            total.add(pred, d.gold());
            ObjectNode o = perDoc.addObject();
            o.put("doc", d.name());
            o.put("gold", one.gold);
            o.put("predicted", one.predicted);
            o.put("relaxed_f1", one.relaxedF1());
            o.put("value_f1", one.valueF1());
            if (predictions != null) {
                String file = d.name().replaceAll(".*[!/\\\\]", "");
                Files.writeString(predictions.resolve(file), TimeMl.write(d, pred), StandardCharsets.UTF_8);
            }
        }
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("strict_f1", total.strictF1());
        r.put("relaxed_f1", total.relaxedF1());
        r.put("value_f1", total.valueF1());
        r.put("strict_precision", total.strictPrecision());
        r.put("strict_recall", total.strictRecall());
        r.put("relaxed_precision", total.relaxedPrecision());
        r.put("relaxed_recall", total.relaxedRecall());
        r.put("value_precision", total.valuePrecision());
        r.put("value_recall", total.valueRecall());
        r.put("docs", docs.size());
        r.put("gold", total.gold);
        r.put("predicted", total.predicted);
        r.set("per_doc", perDoc);
        r.set("failed_docs", Json.MAPPER.valueToTree(failed));
        r.put("data", data.toString());
        return r;
    }
}
