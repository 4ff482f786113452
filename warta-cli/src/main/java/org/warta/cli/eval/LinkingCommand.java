package org.warta.cli.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.warta.cli.Env;
import org.warta.io.Json;
import org.warta.lang.Languages;
import org.warta.link.StoryLinker;
import org.warta.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "linking", mixinStandardHelpOptions = true,
        description = "Score story linking on the linking gold (bench/linking/README.md, \"Scoring\").")
public final class LinkingCommand implements Callable<Integer> {
    private final Env env;

    @Option(names = "--data", paramLabel = "DIR", description = "The linking folder (default: ${DEFAULT-VALUE}).")
    Path data = Path.of("../shared/bench/linking");

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--predictions", paramLabel = "FILE",
            description = "Write {row_id: story id or null} as JSON (an article in several stories: the one with most articles, then most reports).")
    Path predictions;

    @Option(names = "--debug", description = "Print each article's events and why each wrongly predicted pair was (not) linked, on standard error.")
    boolean debug;

    @Option(names = "--window", paramLabel = "DAYS", description = "Most days between two linked reports (default: ${DEFAULT-VALUE}).")
    int window = StoryLinker.Builder.DEFAULT_WINDOW_DAYS;

    @Option(names = "--event-similarity", paramLabel = "X",
            description = "Least article text similarity for two events to link (default: ${DEFAULT-VALUE}).")
    double eventSimilarity = StoryLinker.Builder.DEFAULT_MIN_TEXT_SIMILARITY;

    @Option(names = "--article-similarity", paramLabel = "X",
            description = "Least text similarity for two articles to link as a whole (default: ${DEFAULT-VALUE}; 1.01 turns it off).")
    double articleSimilarity = StoryLinker.Builder.DEFAULT_ARTICLE_TEXT_SIMILARITY;

    @Option(names = "--kb", paramLabel = "DIR", description = "A directory with your own kb/ and lang/ files (repeatable).")
    List<Path> kb = new ArrayList<>();

    public LinkingCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        LinkingEval.Outcome outcome;
        try {
            StoryLinker.Builder linker = StoryLinker.builder().windowDays(window).minTextSimilarity(eventSimilarity)
                    .stopwords(new Languages(kb));
            boolean articles = articleSimilarity <= 1.0;
            if (articles) linker.articleTextSimilarity(articleSimilarity);
            outcome = evaluate(env, data, kb, linker.build(), articles, debug ? env.err()::println : null);
            if (predictions != null) writePredictions(predictions, outcome.predictions());
        } catch (IOException | RuntimeException e) {
            env.err().println("warta: eval linking: " + e.getMessage());
            return 1;
        }
        ObjectNode r = outcome.result();
        if (json) {
            env.out().println(Json.pretty(r));
        } else {
            var out = env.out();
            out.println("linking: " + r.path("data").asText());
            for (String k : List.of("pair_precision", "pair_recall", "pair_f1")) out.printf("%-24s %8.3f%n", k, r.path(k).asDouble());
            out.printf("%-24s %8d%n", "stories", r.path("stories").asInt());
            r.path("counts").fields().forEachRemaining(e -> out.printf("%-24s %8d%n", e.getKey(), e.getValue().asInt()));
            if (r.path("failed_articles").size() > 0) out.println("not coded: " + r.path("failed_articles"));
        }
        env.out().flush();
        return 0;
    }

    /** Runs the evaluation with the default linker settings and the language packs' stop words. */
    static LinkingEval.Outcome evaluate(Env env, Path data) throws IOException {
        return evaluate(env, data, List.of(), StoryLinker.builder().stopwords(new Languages(List.of())).build(), true, null);
    }

    /**
     * Runs the evaluation; {@code articleReports}: add an article-level report per article; {@code debug}
     * may be null.
     */
    static LinkingEval.Outcome evaluate(Env env, Path data, List<Path> kb, StoryLinker linker, boolean articleReports,
                                        java.util.function.Consumer<String> debug) throws IOException {
        if (!Files.isDirectory(data)) {
            throw new IOException("linking data not found: " + data.toAbsolutePath().normalize()
                    + " (give --data DIR, the bench/linking folder of ../shared)");
        }
        Pipeline pipeline = env.pipelines().create(LocalDate.now(), kb);
        return new LinkingEval(pipeline, linker, articleReports, w -> env.err().println("warta: eval linking: " + w)).run(data, debug);
    }

    private static void writePredictions(Path file, Map<String, String> predictions) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        ObjectNode o = Json.object();
        predictions.forEach((row, story) -> {
            if (story == null) o.putNull(row);
            else o.put(row, story);
        });
        Files.writeString(file, Json.pretty(o) + "\n", StandardCharsets.UTF_8);
    }
}
