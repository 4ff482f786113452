package org.warta.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.warta.cli.Env;
import org.warta.io.Json;
import org.warta.lang.Languages;
import org.warta.model.Article;
import org.warta.model.Page;
import org.warta.read.Extractors;
import org.warta.read.InputException;
import org.warta.read.Inputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eval extract}: main-content extraction on the article-extraction benchmark
 * ({@code ground-truth.json} and {@code html/<id>.html.gz}), scored by {@link ExtractionScorer}. The
 * prediction of a page is the article's body (its text without the title); a page Warta cannot read
 * predicts the empty string. {@code pages_per_second} times decoding and extraction of the
 * decompressed bytes, one thread.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Score main-content extraction on the article-extraction benchmark (bench/README.md).")
public final class ExtractCommand implements Callable<Integer> {
    private final Env env;

    @Option(names = "--data", paramLabel = "DIR", description = "The article-extraction folder (default: ${DEFAULT-VALUE}).")
    Path data = Path.of("../shared/bench/article-extraction");

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--predictions", paramLabel = "FILE", description = "Write {id: {\"articleBody\": …}} for every page.")
    Path predictions;

    @Option(names = "--kb", paramLabel = "DIR", description = "A directory with your own lang/ files (repeatable).")
    List<Path> kb = new ArrayList<>();

    public ExtractCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ObjectNode result;
        try {
            result = evaluate(data, kb, predictions);
        } catch (IOException e) {
            env.err().println("warta: eval extract: " + e.getMessage());
            return 1;
        }
        if (json) env.out().println(Json.pretty(result));
        else {
            var out = env.out();
            out.println("article-extraction: " + result.path("data").asText() + " (" + result.path("pages").asInt() + " pages)");
            for (String k : List.of("f1", "precision", "recall", "accuracy", "coverage"))
                out.printf("%-18s %8.3f%n", k, result.path(k).asDouble());
            out.printf("%-18s %8.1f%n", "pages_per_second", result.path("pages_per_second").asDouble());
            if (result.path("failed").size() > 0) out.println("not read: " + result.path("failed"));
        }
        env.out().flush();
        return 0;
    }

    /** Scores every page of the benchmark; {@code predictions} may be null. */
    public static ObjectNode evaluate(Path data, List<Path> kb, Path predictions) throws IOException {
        Path truthFile = data.resolve("ground-truth.json");
        if (!Files.isRegularFile(truthFile))
            throw new IOException("article-extraction data not found: " + truthFile.toAbsolutePath().normalize()
                    + " (give --data DIR, the bench/article-extraction folder of ../shared)");
        JsonNode truth = Json.MAPPER.readTree(Files.readString(truthFile, StandardCharsets.UTF_8));
        Extractors extractors = new Extractors(new Languages(kb));
        ExtractionScorer scorer = new ExtractionScorer();
        ObjectNode preds = Json.object();
        List<String> failed = new ArrayList<>();
        long nanos = 0;
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) truth::fields) {
            String id = e.getKey();
            String url = e.getValue().path("url").asText(null);
            Path html = data.resolve("html").resolve(id + ".html.gz");
            byte[] bytes;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(html))) {
                bytes = in.readAllBytes();
            }
            String body = "";
            long t0 = System.nanoTime();
            try {
                Page page = Inputs.htmlPage(id, url, bytes, null, Map.of());
                body = bodyOf(extractors.extract(page));
            } catch (InputException ex) {
                failed.add(id);
            }
            nanos += System.nanoTime() - t0;
            scorer.add(e.getValue().path("articleBody").asText(""), body);
            ObjectNode p = Json.object();
            p.put("articleBody", body);
            preds.set(id, p);
        }
        if (predictions != null) {
            Path parent = predictions.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(predictions, Json.pretty(preds), StandardCharsets.UTF_8);
        }
        ObjectNode r = Json.object();
        r.put("f1", scorer.f1());
        r.put("precision", scorer.precision());
        r.put("recall", scorer.recall());
        r.put("accuracy", scorer.accuracy());
        r.put("coverage", scorer.coverage());
        r.put("pages_per_second", nanos == 0 ? 0 : scorer.pages() / (nanos / 1e9));
        r.put("pages", scorer.pages());
        r.put("data", data.toAbsolutePath().normalize().toString());
        r.set("failed", Json.strings(failed));
        return r;
    }

    /** The article's text without its title: what the benchmark calls the article body. */
    static String bodyOf(Article a) {
        String text = a.text();
        String title = a.title();
        if (title != null && text.startsWith(title)) text = text.substring(title.length());
        return text.strip();
    }
}
