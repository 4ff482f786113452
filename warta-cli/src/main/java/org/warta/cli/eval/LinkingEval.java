package org.warta.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.warta.io.Json;
import org.warta.link.Report;
import org.warta.link.Story;
import org.warta.link.StoryLinker;
import org.warta.link.TextSimilarity;
import org.warta.model.Article;
import org.warta.model.Event;
import org.warta.model.Page;
import org.warta.pipeline.Pipeline;
import org.warta.read.InputException;

/**
 * Runs the pipeline over the linking gold ({@code bench/linking/README.md}), links the events with a
 * {@link StoryLinker} and scores the pairs: an article pair is predicted to report a same event when the
 * two articles have events in a common story.
 */
public final class LinkingEval {
    /** One gold article. */
    public record GoldArticle(String rowId, String date, String url, Path textFile) {}

    /** One gold pair. */
    public record GoldPair(String a, String b, boolean sameEvent) {}

    private final Pipeline pipeline;
    private final StoryLinker linker;
    private final boolean articleReports;
    private final Consumer<String> warn;

    /** {@code articleReports}: add an article-level report ({@link Report#ofArticle}) for every article. */
    public LinkingEval(Pipeline pipeline, StoryLinker linker, boolean articleReports, Consumer<String> warn) {
        this.pipeline = pipeline;
        this.linker = linker;
        this.articleReports = articleReports;
        this.warn = warn;
    }

    /**
     * Scores the data set. {@code debug} (may be null) receives one line per article and per wrongly
     * predicted pair, saying which rule kept the closest event pair apart.
     */
    public Outcome run(Path dir, Consumer<String> debug) throws IOException {
        Path goldFile = dir.resolve("gold.json");
        if (!Files.isRegularFile(goldFile)) {
            throw new IOException("linking gold not found: " + goldFile.toAbsolutePath().normalize()
                    + " (give --data DIR, the bench/linking folder of ../shared)");
        }
        JsonNode gold = Json.MAPPER.readTree(Files.readString(goldFile, StandardCharsets.UTF_8));
        List<GoldArticle> articles = new ArrayList<>();
        for (JsonNode a : gold.path("articles")) {
            String row = a.path("row_id").asText(null);
            String file = a.path("text_file").asText(null);
            if (row == null || file == null) throw new IOException(goldFile + ": an article without row_id or text_file");
            articles.add(new GoldArticle(row, a.path("date").asText(null), a.path("url").asText(null), dir.resolve(file)));
        }
        List<GoldPair> pairs = new ArrayList<>();
        for (JsonNode p : gold.path("pairs")) {
            pairs.add(new GoldPair(p.path("a").asText(), p.path("b").asText(), p.path("same_event").asBoolean()));
        }

        Map<String, List<Report>> byRow = new LinkedHashMap<>();
        Map<String, Coded> coded = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (GoldArticle a : articles) {
            try {
                Coded c = code(a);
                coded.put(a.rowId(), c);
                byRow.put(a.rowId(), c.reports());
            } catch (IOException | InputException | RuntimeException e) {
                failed.add(a.rowId());
                warn.accept(a.rowId() + ": not coded: " + e.getMessage());
                byRow.put(a.rowId(), List.of());
            }
        }
        List<Report> all = new ArrayList<>();
        byRow.values().forEach(all::addAll);
        List<Story> stories = linker.link(all);

        // article id → row; story membership per row (multi-article stories only)
        Map<String, String> rowOfArticle = new HashMap<>();
        byRow.forEach((row, rs) -> rs.forEach(r -> rowOfArticle.put(r.articleId(), row)));
        Map<String, Map<String, Integer>> storiesOfRow = new TreeMap<>();
        Map<String, Story> storyById = new HashMap<>();
        int linked = 0, eventStories = 0;
        for (Story s : stories) {
            if (s.articles() < 2) continue;
            linked++;
            if (!s.earliest().articleLevel()) eventStories++;
            storyById.put(s.id(), s);
            for (Report r : s.reports()) {
                storiesOfRow.computeIfAbsent(rowOfArticle.get(r.articleId()), k -> new TreeMap<>()).merge(s.id(), 1, Integer::sum);
            }
        }
        Map<String, String> prediction = new LinkedHashMap<>();
        for (GoldArticle a : articles) prediction.put(a.rowId(), mainStory(storiesOfRow.get(a.rowId()), storyById));

        Map<String, String> texts = new HashMap<>();
        coded.values().forEach(c -> texts.put(c.articleId(), c.text()));
        TextSimilarity text = linker.textSimilarity(texts);
        int tp = 0, fp = 0, fn = 0, goldPositive = 0;
        for (GoldPair p : pairs) {
            Set<String> sa = storiesOfRow.getOrDefault(p.a(), Map.of()).keySet();
            Set<String> sb = storiesOfRow.getOrDefault(p.b(), Map.of()).keySet();
            boolean predicted = sa.stream().anyMatch(sb::contains);
            if (p.sameEvent()) goldPositive++;
            if (predicted && p.sameEvent()) tp++;
            else if (predicted) fp++;
            else if (p.sameEvent()) fn++;
            if (debug != null) {
                Coded ca = coded.get(p.a()), cb = coded.get(p.b());
                LocalDate pa = ca == null ? null : ca.published();
                LocalDate pb = cb == null ? null : cb.published();
                debug.accept(String.format("PAIR %s %s %s-%s text=%.3f days=%s", p.sameEvent() ? "gold+" : "gold-",
                        predicted ? "pred+" : "pred-", p.a(), p.b(), similarity(text, ca, cb),
                        pa == null || pb == null ? "?" : Math.abs(java.time.temporal.ChronoUnit.DAYS.between(pa, pb))));
            }
            if (debug != null && predicted != p.sameEvent()) {
                debug.accept(String.format("%s %s-%s text=%.3f %s", predicted ? "FP" : "FN", p.a(), p.b(),
                        similarity(text, coded.get(p.a()), coded.get(p.b())), diagnose(byRow.get(p.a()), byRow.get(p.b()), text)));
            }
        }
        if (debug != null) {
            for (GoldArticle a : articles) {
                debug.accept("article " + a.rowId() + " stories " + storiesOfRow.getOrDefault(a.rowId(), Map.of()));
                for (Report r : byRow.get(a.rowId())) debug.accept("  " + describe(r));
            }
        }
        double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

        ObjectNode o = Json.object();
        o.put("pair_precision", precision);
        o.put("pair_recall", recall);
        o.put("pair_f1", f1);
        o.put("stories", linked);
        ObjectNode counts = o.putObject("counts");
        counts.put("articles", articles.size());
        counts.put("event_reports", (int) all.stream().filter(r -> !r.articleLevel()).count());
        counts.put("article_reports", (int) all.stream().filter(Report::articleLevel).count());
        counts.put("eligible_event_reports", (int) all.stream().filter(r -> !r.articleLevel() && linker.eligible(r)).count());
        counts.put("event_stories", eventStories);
        counts.put("article_stories", linked - eventStories);
        counts.put("stories_with_singletons", stories.size());
        counts.put("articles_in_stories", storiesOfRow.size());
        counts.put("pairs", pairs.size());
        counts.put("gold_positive", goldPositive);
        counts.put("predicted_positive", tp + fp);
        counts.put("true_positive", tp);
        counts.put("false_positive", fp);
        counts.put("false_negative", fn);
        o.put("data", dir.toString());
        ArrayNode f = o.putArray("failed_articles");
        failed.forEach(f::add);
        return new Outcome(o, prediction);
    }

    /** The JSON result and the story chosen for each row ({@code null}: in no multi-article story). */
    public record Outcome(ObjectNode result, Map<String, String> predictions) {}

    /** A coded article: its id, publication day, text and event reports. */
    private record Coded(String articleId, LocalDate published, String text, List<Report> reports) {}

    /** Codes an article (the gold date is its publication date) and makes its events reports. */
    private Coded code(GoldArticle a) throws IOException, InputException {
        String text = Files.readString(a.textFile(), StandardCharsets.UTF_8);
        Map<String, String> meta = new HashMap<>();
        if (a.date() != null) meta.put("published", a.date());
        Page page = new Page(a.textFile().getFileName().toString(), a.url(), Page.MediaType.TEXT,
                text.getBytes(StandardCharsets.UTF_8), meta);
        LocalDate day = a.date() == null ? pipeline.asOf() : LocalDate.parse(a.date());
        Pipeline.Result r = pipeline.code(page, day);
        Article art = r.article();
        List<Report> out = new ArrayList<>(Report.of(art, r.events()));
        if (!articleReports) out.removeIf(Report::articleLevel);
        return new Coded(art.id(), art.publishedDay().orElse(day), art.text(), out);
    }

    /**
     * The story an article is filed under when it is in several: the one with most articles (the widest
     * coverage, so that articles reporting together tend to get the same id), then most reports, then the
     * smallest id.
     */
    static String mainStory(Map<String, Integer> ofRow, Map<String, Story> stories) {
        if (ofRow == null || ofRow.isEmpty()) return null;
        return ofRow.keySet().stream().max(Comparator.comparingInt((String id) -> stories.get(id).articles())
                .thenComparingInt(id -> stories.get(id).reports().size())
                .thenComparing(Comparator.<String>reverseOrder())).orElse(null);
    }

    private static double similarity(TextSimilarity t, Coded a, Coded b) {
        if (a == null || b == null) return Double.NaN;
        return t.similarity(a.articleId(), b.articleId());
    }

    /** How often each verdict keeps the two articles' event pairs apart. */
    private String diagnose(List<Report> a, List<Report> b, TextSimilarity text) {
        Map<StoryLinker.Verdict, Integer> n = new EnumMap<>(StoryLinker.Verdict.class);
        for (Report x : a) for (Report y : b) n.merge(linker.check(x, y, text), 1, Integer::sum);
        return n.toString();
    }

    private static String describe(Report r) {
        Event e = r.event();
        if (e == null) return "article-level day=" + r.published();
        return String.format("%s/%s q%s %s %s %s -> %s day=%s loc=%s | %s", e.type(), e.mode(), e.ploverQuad(),
                e.modality() == null ? "-" : e.modality().label(), e.date() + "(" + e.datePrecision() + ")",
                actors(e.actor()), actors(e.recipient()), StoryLinker.day(r),
                e.location() == null ? "-" : e.location().country(), e.summary());
    }

    private static String actors(List<org.warta.model.Actor> as) {
        List<String> s = new ArrayList<>();
        for (var a : as) s.add(a.code() + ":" + a.sector() + (a.name() != null ? ":" + a.name() : ""));
        return s.toString();
    }
}
