package org.warta.cli.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.warta.Warta;
import org.warta.actor.Gazetteer;
import org.warta.io.Json;
import org.warta.lang.Morphology;
import org.warta.ner.Chunk;
import org.warta.ner.GazetteerLabels;
import org.warta.ner.NameTagger;
import org.warta.ner.NameTaggers;
import org.warta.ner.NerCorpus;
import org.warta.ner.NerTypes;

/**
 * Scores the name tagger on a {@code token<TAB>tag} file with CoNLL chunk F1: a predicted chunk counts
 * when its tokens and its type equal a gold chunk's. Types are compared after {@link NerTypes#canonical}
 * (PER/PERSON/PPL, LOC/PLACE/PLC, ORG/ORGANISATION/IND), so a model of one tag set can be scored on
 * another; gold types the model does not know are scored as missed, and predicted types the gold file
 * never uses are left out (the file does not annotate them). Micro F1 is over all chunks, macro F1 the
 * mean over the gold file's own types.
 */
public final class NerEval {
    /** How knowledge-base names are used: not at all, as features of the model, or as features that also override it. */
    public enum KbMode { NONE, FEATURES, OVERRIDE }

    private NerEval() {}

    public static ObjectNode evaluate(Path data, Path modelFile, KbMode kbMode, Path predictions) throws IOException {
        return evaluate(data, modelFile, kbMode, predictions, 0, 0);
    }

    /** The seed of {@code eval ner --bootstrap}: the same file and model give the same interval. */
    public static final long BOOTSTRAP_SEED = 20261128L;

    /**
     * @param repeat when positive, the file is tagged that many more times after scoring (the scoring pass
     *     warms the JIT) and {@code tagging_cpu_sentences_per_second} gives the tagging speed alone (name
     *     tagger and KB labels; the thread's CPU time)
     * @param resamples when positive, {@code bootstrap} has the scores' 95 % intervals over that many resamples
     *     of the sentences ({@link #bootstrap}, {@link #BOOTSTRAP_SEED})
     */
    public static ObjectNode evaluate(Path data, Path modelFile, KbMode kbMode, Path predictions, int repeat, int resamples) throws IOException {
        List<NerCorpus.Sentence> gold = NerCorpus.read(data);
        if (gold.isEmpty()) throw new IOException(data + ": no sentences");
        Set<String> goldTypes = goldTypes(gold);
        boolean lowercase = NerCorpus.lowercased(gold);

        // The load is measured as the default pipeline does it (Warta.Builder#data): language packs, knowledge
        // base, actor and place gazetteers and both shipped name-tagger models, whatever --model and --no-kb
        // say, so that its time and heap are one figure across runs.
        long heap0 = usedHeapAfterGc();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long loadCpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Warta.Data loaded = Warta.builder().data();
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        double loadCpuSeconds = (threads.getCurrentThreadCpuTime() - loadCpu0) / 1e9;
        long loadHeap = usedHeapAfterGc() - heap0;
        Morphology morphology = loaded.morphology();
        NameTaggers shipped = loaded.taggers();
        Gazetteer kbGazetteer = loaded.gazetteer();
        NameTagger model;
        String modelName;
        if (modelFile != null) {
            try (InputStream in = Files.newInputStream(modelFile)) {
                model = NameTagger.read(in, modelFile.toString(), morphology);
            }
            modelName = modelFile.toString();
        } else {
            modelName = shippedFor(goldTypes, lowercase);
            model = shipped.forText(modelName.equals(NameTaggers.LOWER));
        }
        Gazetteer gazetteer = kbMode == KbMode.NONE ? null : kbGazetteer;
        Scored scored = score(gold, model, gazetteer, kbMode);
        ObjectNode out = scored.scores();
        out.put("data", data.toString());
        out.put("model", modelName);
        out.put("kb", kbMode.name().toLowerCase());
        out.put("sentences", gold.size());
        int tokens = 0;
        for (NerCorpus.Sentence s : gold) tokens += s.words().length;
        out.put("tokens", tokens);
        out.put("gold_chunks", scored.gold());
        out.put("predicted_chunks", scored.predicted());
        out.put("matched_chunks", scored.matched());
        out.put("load_seconds", Math.round(loadSeconds * 1000) / 1000.0);
        out.put("load_cpu_seconds", Math.round(loadCpuSeconds * 1000) / 1000.0);
        out.put("load_heap_mb", Math.round(loadHeap / 1e6 * 10) / 10.0);
        out.put("sentences_per_second", scored.seconds() > 0 ? Math.round(gold.size() / scored.seconds()) : 0);
        if (resamples > 0) out.set("bootstrap", bootstrap(scored.bySentence(), resamples, BOOTSTRAP_SEED));
        if (repeat > 0) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long sink = 0;
            for (int r = 0; r < repeat; r++)
                for (NerCorpus.Sentence s : gold) {
                    String[] gaz = gazetteer == null ? null : GazetteerLabels.of(s.words(), gazetteer, lowercase);
                    sink += model.tag(s.words(), gaz).length;
                }
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            if (sink < 0) throw new IllegalStateException();
            out.put("tagging_cpu_seconds", Math.round(cpu * 1000) / 1000.0);
            out.put("tagging_cpu_sentences_per_second", cpu > 0 ? Math.round((double) repeat * gold.size() / cpu) : 0);
        }
        if (predictions != null) writePredictions(predictions, gold, scored.tags());
        return out;
    }

    /**
     * What {@link #score} gives: {@code scores} has {@code micro_f1}, {@code macro_f1}, {@code precision},
     * {@code recall} and {@code per_type}; the chunk counts over all types; the predicted tags per sentence; the
     * seconds the tagging took; and per sentence, per gold type (in {@code per_type}'s order), its gold,
     * predicted and matched chunks ({@link #bootstrap} resamples them).
     */
    public record Scored(ObjectNode scores, int gold, int predicted, int matched, List<String[]> tags, double seconds,
                         int[][][] bySentence) {}

    private static Set<String> goldTypes(List<NerCorpus.Sentence> gold) {
        Set<String> types = new LinkedHashSet<>();
        for (NerCorpus.Sentence s : gold) for (String t : s.tags()) if (!t.equals("O")) types.add(t.substring(2));
        return types;
    }

    /**
     * Tags the gold sentences with {@code model} and scores the chunks; {@code gazetteer} gives the KB labels
     * (null: none), {@code kbMode} says whether they also override the model.
     */
    public static Scored score(List<NerCorpus.Sentence> gold, NameTagger model, Gazetteer gazetteer, KbMode kbMode) {
        Set<String> goldTypes = goldTypes(gold);
        boolean lowercase = NerCorpus.lowercased(gold);
        Map<String, String> goldByCanonical = new LinkedHashMap<>();
        for (String t : goldTypes) goldByCanonical.putIfAbsent(NerTypes.canonical(t), t);
        Map<String, int[]> counts = new LinkedHashMap<>(); // gold type -> {gold, predicted, matched}
        Map<String, Integer> typeIndex = new HashMap<>();
        for (String t : goldTypes) {
            typeIndex.put(t, counts.size());
            counts.put(t, new int[3]);
        }

        long start = System.nanoTime();
        List<String[]> predicted = new ArrayList<>();
        for (NerCorpus.Sentence s : gold) {
            String[] gaz = gazetteer == null ? new String[s.words().length] : GazetteerLabels.of(s.words(), gazetteer, lowercase);
            String[] p = model.tag(s.words(), gaz);
            if (kbMode == KbMode.OVERRIDE) p = override(p, gaz, model.types());
            predicted.add(p);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        int[][][] bySentence = new int[gold.size()][counts.size()][3];
        for (int i = 0; i < gold.size(); i++) {
            Map<String, String> goldChunks = new HashMap<>();
            for (Chunk c : Chunk.of(gold.get(i).tags())) {
                goldChunks.put(c.start() + ":" + c.end(), c.type());
                bySentence[i][typeIndex.get(c.type())][0]++;
            }
            for (Chunk c : Chunk.of(predicted.get(i))) {
                String type = goldByCanonical.get(NerTypes.canonical(c.type()));
                if (type == null) continue;
                bySentence[i][typeIndex.get(type)][1]++;
                if (type.equals(goldChunks.get(c.start() + ":" + c.end()))) bySentence[i][typeIndex.get(type)][2]++;
            }
        }
        List<int[]> totals = new ArrayList<>(counts.values()); // in typeIndex's order
        for (int[][] sentence : bySentence)
            for (int t = 0; t < sentence.length; t++)
                for (int k = 0; k < 3; k++) totals.get(t)[k] += sentence[t][k];
        int g = 0, p = 0, m = 0;
        double macro = 0;
        ObjectNode perType = Json.object();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            g += c[0];
            p += c[1];
            m += c[2];
            ObjectNode o = scores(c[0], c[1], c[2]);
            macro += o.path("f1").asDouble();
            perType.set(e.getKey(), o);
        }
        ObjectNode out = Json.object();
        ObjectNode micro = scores(g, p, m);
        out.put("micro_f1", micro.path("f1").asDouble());
        out.put("macro_f1", counts.isEmpty() ? 0 : macro / counts.size());
        out.put("precision", micro.path("precision").asDouble());
        out.put("recall", micro.path("recall").asDouble());
        out.set("per_type", perType);
        return new Scored(out, g, p, m, predicted, seconds, bySentence);
    }

    /**
     * Percentile bootstrap over the sentences: {@code resamples} samples of as many sentences, drawn with
     * replacement ({@code seed}), each scored as {@link #score} scores; the 2.5th and 97.5th percentiles of
     * their micro and type-macro F1, as {@code {resamples, seed, micro_f1: [low, high], macro_f1: [low, high]}}.
     * A small test file's scores move this much with the choice of its sentences.
     */
    public static ObjectNode bootstrap(int[][][] bySentence, int resamples, long seed) {
        if (resamples < 1) throw new IllegalArgumentException("resamples must be at least 1: " + resamples);
        java.util.Random random = new java.util.Random(seed);
        int n = bySentence.length, types = n == 0 ? 0 : bySentence[0].length;
        double[] micro = new double[resamples], macro = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            int[][] sum = new int[types][3];
            for (int i = 0; i < n; i++) {
                int[][] sentence = bySentence[random.nextInt(n)];
                for (int t = 0; t < types; t++) for (int k = 0; k < 3; k++) sum[t][k] += sentence[t][k];
            }
            int g = 0, p = 0, m = 0;
            double f1s = 0;
            for (int[] c : sum) {
                g += c[0];
                p += c[1];
                m += c[2];
                f1s += f1(c[0], c[1], c[2]);
            }
            micro[r] = f1(g, p, m);
            macro[r] = types == 0 ? 0 : f1s / types;
        }
        ObjectNode out = Json.object();
        out.put("resamples", resamples);
        out.put("seed", seed);
        out.set("micro_f1", interval(micro));
        out.set("macro_f1", interval(macro));
        return out;
    }

    /** The 2.5th and 97.5th percentiles (the values at those ranks of the sorted sample). */
    private static com.fasterxml.jackson.databind.node.ArrayNode interval(double[] v) {
        double[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        com.fasterxml.jackson.databind.node.ArrayNode a = Json.array();
        a.add(sorted[(int) (0.025 * sorted.length)]);
        a.add(sorted[Math.min(sorted.length - 1, (int) (0.975 * sorted.length))]);
        return a;
    }

    /** The shipped model for the gold file's tag set: NERP's for its types or lower-cased text, else NERGrit's. */
    static String shippedFor(Set<String> goldTypes, boolean lowercase) {
        for (String t : goldTypes) if (Set.of("PPL", "PLC", "IND", "EVT", "FNB").contains(t)) return NameTaggers.LOWER;
        for (String t : goldTypes) if (Set.of("PERSON", "PLACE", "ORGANISATION").contains(t)) return NameTaggers.CASED;
        return lowercase ? NameTaggers.LOWER : NameTaggers.CASED;
    }

    /** Knowledge-base people, organisations and places replace what the model said over their tokens. */
    static String[] override(String[] tags, String[] gaz, List<String> modelTypes) {
        Map<String, String> byCanonical = new HashMap<>();
        for (String t : modelTypes) byCanonical.putIfAbsent(NerTypes.canonical(t), t);
        String[] out = tags.clone();
        for (int i = 0; i < gaz.length; i++) {
            if (gaz[i] == null || !gaz[i].startsWith("B-")) continue;
            String kind = gaz[i].substring(2);
            String type = switch (kind) {
                case "PERSON" -> byCanonical.get(NerTypes.PERSON);
                case "ORGANISATION" -> byCanonical.get(NerTypes.ORGANISATION);
                case "COUNTRY", "CAPITAL", "TERRITORY" -> byCanonical.get(NerTypes.PLACE);
                default -> null;
            };
            if (type == null) continue;
            int j = i + 1;
            while (j < gaz.length && ("I-" + kind).equals(gaz[j])) j++;
            // only where the model did not already tag part of a longer name of its own
            if (i > 0 && out[i].startsWith("I-")) continue;
            if (j < out.length && out[j].startsWith("I-")) continue;
            out[i] = "B-" + type;
            for (int k = i + 1; k < j; k++) out[k] = "I-" + type;
        }
        return out;
    }

    private static ObjectNode scores(int gold, int predicted, int matched) {
        ObjectNode o = Json.object();
        o.put("precision", predicted == 0 ? 0 : (double) matched / predicted);
        o.put("recall", gold == 0 ? 0 : (double) matched / gold);
        o.put("f1", f1(gold, predicted, matched));
        o.put("gold", gold);
        o.put("predicted", predicted);
        o.put("matched", matched);
        return o;
    }

    private static void writePredictions(Path file, List<NerCorpus.Sentence> gold, List<String[]> predicted) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < gold.size(); i++) {
                if (i > 0) w.write('\n');
                NerCorpus.Sentence s = gold.get(i);
                for (int k = 0; k < s.words().length; k++)
                    w.write(s.words()[k] + "\t" + s.tags()[k] + "\t" + predicted.get(i)[k] + "\n");
            }
        }
    }

    /** Chunk F1 of the counts: the harmonic mean of precision and recall (0 when either is 0). */
    private static double f1(int gold, int predicted, int matched) {
        double pr = predicted == 0 ? 0 : (double) matched / predicted;
        double rc = gold == 0 ? 0 : (double) matched / gold;
        return pr + rc == 0 ? 0 : 2 * pr * rc / (pr + rc);
    }

    /** Used heap in bytes after a few full collections (they settle the figure; one is not always enough). */
    static long usedHeapAfterGc() {
        java.lang.management.MemoryMXBean mx = java.lang.management.ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, mx.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
