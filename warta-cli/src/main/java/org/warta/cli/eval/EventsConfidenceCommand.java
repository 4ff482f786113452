package org.warta.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.warta.cli.Env;
import org.warta.cli.eval.EventsScorer.GoldEvent;
import org.warta.cli.eval.EventsScorer.GoldSentence;
import org.warta.cli.eval.EventsScorer.PredictedEvent;
import org.warta.event.Confidence;
import org.warta.io.Json;
import org.warta.model.Event;
import org.warta.model.Page;
import org.warta.pipeline.Pipeline;
import org.warta.read.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Fits the confidence model ({@link Confidence}) on the development data: every event Warta predicts on the
 * events-id development texts and on the PLOVER GSR development records is labelled right or wrong (right:
 * a gold event of its sentence has the same type and an actor country in common, or a gold actor without
 * country; for the GSR, the record's type and actors), and a logistic model from the event's features to
 * that label is fitted and written as {@code warta/plover/confidence.tsv}. Prints the reliability of the
 * fitted model (predicted against observed share right, by bins).
 */
@Command(name = "fit-confidence", mixinStandardHelpOptions = true,
        description = "Fit the event confidence model on the development data and write its weights.")
public final class EventsConfidenceCommand implements Callable<Integer> {
    private final Env env;

    @Option(names = "--events", paramLabel = "DIR", description = "The events-id folder (default: ${DEFAULT-VALUE}).")
    Path events = Path.of("../shared/bench/events-id");

    @Option(names = "--gsr", paramLabel = "FILE", description = "The PLOVER GSR development file (default: ${DEFAULT-VALUE}).")
    Path gsr = Path.of("../shared/bench/plover-gsr/PLOVER_GSR_CAMEO.dev.json");

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the weights (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("warta-core/src/main/resources/warta/plover/confidence.tsv");

    public EventsConfidenceCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        List<double[]> xs = new ArrayList<>();
        List<Boolean> ys = new ArrayList<>();
        Pipeline pipeline = env.pipelines().create(LocalDate.now(), List.of());
        try {
            collectEventsId(pipeline, xs, ys);
            collectGsr(pipeline, xs, ys);
        } catch (IOException e) {
            env.err().println("warta: eval fit-confidence: " + e.getMessage());
            return 1;
        }
        if (xs.size() < 20) {
            env.err().println("warta: eval fit-confidence: only " + xs.size() + " predicted events: too few to fit");
            return 1;
        }
        double[] w = Confidence.fit(xs, ys, 1.0, 4000);
        int right = 0;
        for (boolean y : ys) if (y) right++;
        String comment = String.format(Locale.ROOT, """
                Event confidence model (org.warta.event.Confidence): logistic weights over the features named there.
                Fitted by `./warta eval fit-confidence` (gradient descent on the log-loss, L2 1.0, 4000 steps) on
                %d predicted events of the development data (%s and %s), %d of them right.
                Rerun that command after changing the coder; it rewrites this file.""", xs.size(),
                events.getFileName(), gsr.getFileName(), right);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(out, Confidence.table(w, comment), StandardCharsets.UTF_8);
        report(xs, ys, w);
        env.out().println("wrote " + out);
        env.out().flush();
        return 0;
    }

    private void collectEventsId(Pipeline pipeline, List<double[]> xs, List<Boolean> ys) throws IOException {
        EventsData data = EventsData.load(events, w -> env.err().println("warta: eval fit-confidence: " + w));
        for (EventsData.Item item : data.docs) {
            LocalDate asOf = item.articleDate() != null ? LocalDate.parse(item.articleDate()) : pipeline.asOf();
            Pipeline.Result r;
            try {
                r = pipeline.code(Page.text(item.textFile().getFileName().toString(), item.text()), asOf);
            } catch (InputException | RuntimeException e) {
                env.err().println("warta: eval fit-confidence: " + item.gold().id() + ": not coded: " + e.getMessage());
                continue;
            }
            for (Event e : r.events()) {
                PredictedEvent p = EventsEval.predicted(e, r.article());
                var m = p.mentions().get(0);
                boolean right = false;
                for (GoldSentence s : item.gold().sentences()) {
                    if (m.start() >= s.end() || s.start() >= m.end()) continue;
                    for (GoldEvent g : s.events()) if (g.type().equals(p.type()) && EventsScorer.actorsCompatible(g, p)) right = true;
                }
                xs.add(Confidence.features(e, r.events()));
                ys.add(right);
            }
        }
    }

    private void collectGsr(Pipeline pipeline, List<double[]> xs, List<Boolean> ys) throws IOException {
        if (!Files.isRegularFile(gsr)) throw new IOException("GSR file not found: " + gsr.toAbsolutePath().normalize());
        JsonNode root = Json.MAPPER.readTree(Files.readString(gsr, StandardCharsets.UTF_8));
        Map<String, String> codes = EventsGsr.codeTable(gsr.toAbsolutePath().getParent().resolve("codes.tsv"));
        for (JsonNode rec : root) {
            String text = rec.path("text").asText("");
            if (text.isBlank()) continue;
            String goldType = EventsGsr.TYPE_MAP.getOrDefault(rec.path("event").asText(), rec.path("event").asText());
            Set<String> ga = EventsGsr.codesOf(rec.path("source"), codes);
            Pipeline.Result r;
            try {
                r = pipeline.code(new Page(rec.path("id").asText("gsr"), null, Page.MediaType.TEXT,
                        text.strip().getBytes(StandardCharsets.UTF_8), Map.of("language", rec.path("language").asText("en"))), pipeline.asOf());
            } catch (InputException | RuntimeException e) {
                continue;
            }
            for (Event e : r.events()) {
                boolean actorOk = ga.isEmpty();
                for (var a : e.actor()) if (ga.contains(EventsGsr.normalise(a.code(), codes))) actorOk = true;
                xs.add(Confidence.features(e, r.events()));
                ys.add(e.type().equals(goldType) && actorOk);
            }
        }
    }

    /** Reliability by deciles of predicted probability, and the log-loss. */
    private void report(List<double[]> xs, List<Boolean> ys, double[] w) {
        double[] bins = new double[10];
        int[] n = new int[10], right = new int[10];
        double loss = 0;
        for (int k = 0; k < xs.size(); k++) {
            double z = 0;
            for (int i = 0; i < w.length; i++) z += w[i] * xs.get(k)[i];
            double p = 1 / (1 + Math.exp(-z));
            int b = Math.min(9, (int) (p * 10));
            bins[b] += p;
            n[b]++;
            if (ys.get(k)) right[b]++;
            loss -= Math.log(Math.max(1e-9, ys.get(k) ? p : 1 - p));
        }
        env.out().printf(Locale.ROOT, "%d events, log-loss %.3f%n", xs.size(), loss / xs.size());
        env.out().println("bin        n   mean p   share right");
        for (int b = 0; b < 10; b++)
            if (n[b] > 0) env.out().printf(Locale.ROOT, "%.1f-%.1f %5d   %.3f    %.3f%n", b / 10.0, (b + 1) / 10.0, n[b], bins[b] / n[b], (double) right[b] / n[b]);
    }
}
