package org.warta.ner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.warta.actor.Gazetteer;
import org.warta.lang.Morphology;

/**
 * Trains a {@link NameTagger}: an averaged structured perceptron (Collins 2002) over the tagger's
 * features, with Viterbi decoding under the BIO constraint. Two regularisers, both in training only (they
 * change the weights, not how the tagger reads them):
 * <ul>
 *   <li>a margin: while training, every wrong tag of a token scores {@code margin} more than it would, so
 *       a sentence only stops teaching once its gold tags win by that much (cost-augmented decoding, as in
 *       the structured SVM's loss-augmented inference);</li>
 *   <li>feature dropout: each sentence, each time it is read, leaves out a random share of its features,
 *       so no single strong feature (a word seen in training) carries a name alone.</li>
 * </ul>
 * Deterministic: the same data, options and seed give the same model, byte for byte.
 */
public final class NerTrainer {
    /**
     * @param epochs passes over the data
     * @param seed seed of the shuffle before each pass
     * @param gazetteerDropout share of sentences per pass trained without knowledge-base features, so
     *     the model also works without them ({@code --no-kb}) and does not lean on them alone
     * @param minCount features seen fewer times in training are left out (keeps the model small)
     * @param clusterSizes numbers of {@link WordClusters} classes learnt from the training words (none: empty)
     * @param prune features whose averaged weights are all smaller than this (in absolute value) are left
     *     out of the model: a smaller model, whose table stays in the processor's caches when tagging
     * @param runs training runs, each its own shuffle from zero weights, whose averaged weights are averaged again
     * @param margin what every wrong tag of a token adds to its score while training (0: the plain perceptron)
     * @param featureDropout share of a sentence's features left out each time it is read in training (0: none)
     * @param domainCopies with {@code extra} sentences: every feature also has a copy of its own in each of
     *     the two data sets (main, extra), learnt only from that set's sentences, beside the shared one
     *     (feature augmentation, Daumé 2007), so the model can learn where the two sets' conventions differ;
     *     the model keeps the shared plus the main copy's weights, so tagging is unchanged
     */
    public record Options(int epochs, long seed, double gazetteerDropout, int minCount, List<Integer> clusterSizes, double prune, int runs,
                          double margin, double featureDropout, boolean domainCopies) {
        public Options {
            if (runs < 1) throw new IllegalArgumentException("runs must be at least 1: " + runs);
            if (!(margin >= 0)) throw new IllegalArgumentException("margin must be 0 or more: " + margin);
            if (!(featureDropout >= 0 && featureDropout < 1))
                throw new IllegalArgumentException("feature dropout must be at least 0 and below 1: " + featureDropout);
        }

        /** The plain perceptron: no margin, no feature dropout. */
        public Options(int epochs, long seed, double gazetteerDropout, int minCount, List<Integer> clusterSizes) {
            this(epochs, seed, gazetteerDropout, minCount, clusterSizes, 1e-4, 1, 0, 0);
        }

        /** Without domain copies. */
        public Options(int epochs, long seed, double gazetteerDropout, int minCount, List<Integer> clusterSizes, double prune, int runs,
                       double margin, double featureDropout) {
            this(epochs, seed, gazetteerDropout, minCount, clusterSizes, prune, runs, margin, featureDropout, false);
        }

        public static Options defaults() {
            return new Options(16, 20261127L, 0.5, 2, List.of(128, 512), 1e-4, 1, 5, 0.2, false);
        }
    }

    private final Gazetteer gazetteer;
    private final Morphology morphology;
    private final Options options;
    private final java.util.Set<String> orgHeads;

    /** {@code gazetteer} may be null: then the model has no knowledge-base features. */
    public NerTrainer(Gazetteer gazetteer, Morphology morphology, Options options) {
        this(gazetteer, morphology, java.util.Set.of(), options);
    }

    /**
     * @param orgHeads lower-case head words of organisation names ({@link #organisationHeads}); the model
     *     keeps them, so tagging reads the same list it was trained with
     */
    public NerTrainer(Gazetteer gazetteer, Morphology morphology, java.util.Set<String> orgHeads, Options options) {
        this.gazetteer = gazetteer;
        this.morphology = morphology;
        this.options = options;
        this.orgHeads = java.util.Set.copyOf(orgHeads);
    }

    /**
     * The organisation head words of a language pack: the words of
     * {@code organisation-heads.tsv} (heads with a sector, also read by the actor recogniser), of
     * {@code organisation-head-words.txt} (more head nouns, Indonesian and English, some of two words such as
     * "rumah sakit") and of {@code organisation-head-words-cased.txt} (abbreviations written in capitals: "SDN",
     * "PS", "FK"), lower-cased; without {@code cased} (a model of lower-cased text), not those of the last.
     */
    public static java.util.Set<String> organisationHeads(org.warta.lang.LanguagePack pack, boolean cased) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        if (pack.has("organisation-heads.tsv"))
            for (org.warta.lang.TsvTable.Row r : pack.rows("organisation-heads.tsv"))
                out.add(r.required("word").toLowerCase(java.util.Locale.ROOT));
        for (String file : cased ? List.of("organisation-head-words.txt", "organisation-head-words-cased.txt") : List.of("organisation-head-words.txt"))
            if (pack.has(file))
                for (String w : pack.words(file))
                    out.add(w.trim().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT));
        return out;
    }

    /** Trains on {@code data}; {@code progress} gets one line per pass. */
    public NameTagger train(List<NerCorpus.Sentence> data, Consumer<String> progress) {
        return train(data, List.of(), progress);
    }

    /**
     * Trains on {@code data} plus {@code extra} sentences of another tag set: their types are mapped to
     * the data's by {@link NerTypes#canonical} (types without a counterpart become {@code O}), and when
     * the data is cased but the extra text is lower-cased, the extra sentences give no capitalisation
     * features.
     */
    public NameTagger train(List<NerCorpus.Sentence> main, List<NerCorpus.Sentence> extra, Consumer<String> progress) {
        boolean lowercase = NerCorpus.lowercased(main);
        TreeSet<String> tagSet = new TreeSet<>();
        for (NerCorpus.Sentence s : main) for (String t : s.tags()) if (!t.equals("O")) tagSet.add(t);
        List<String> tagList = new ArrayList<>();
        tagList.add("O");
        tagList.addAll(tagSet);
        String[] tags = tagList.toArray(String[]::new);
        Map<String, Integer> tagIndex = new HashMap<>();
        for (int k = 0; k < tags.length; k++) tagIndex.put(tags[k], k);
        int t = tags.length;

        Map<String, String> typeMap = new HashMap<>();
        for (String tag : tagSet) typeMap.putIfAbsent(NerTypes.canonical(tag.substring(2)), tag.substring(2));
        List<NerCorpus.Sentence> data = new ArrayList<>(main);
        for (NerCorpus.Sentence s : extra) {
            String[] mapped = new String[s.tags().length];
            for (int i = 0; i < mapped.length; i++) {
                String tag = s.tags()[i];
                String type = tag.equals("O") ? null : typeMap.get(NerTypes.canonical(tag.substring(2)));
                mapped[i] = type == null ? "O" : tag.substring(0, 2) + type;
            }
            data.add(new NerCorpus.Sentence(s.words(), mapped));
        }
        boolean extraCaseless = !lowercase && NerCorpus.lowercased(extra);
        if (lowercase) // lower-cased model: cased extra text is lower-cased too
            for (int s = main.size(); s < data.size(); s++) {
                NerCorpus.Sentence x = data.get(s);
                String[] lw = new String[x.words().length];
                for (int i = 0; i < lw.length; i++) lw[i] = x.words()[i].toLowerCase(java.util.Locale.ROOT);
                data.set(s, new NerCorpus.Sentence(lw, x.tags()));
            }
        List<String[]> text = new ArrayList<>();
        for (NerCorpus.Sentence s : data) text.add(s.words());
        List<WordClusters> clusters = new ArrayList<>();
        for (int k : options.clusterSizes()) {
            clusters.add(WordClusters.learn(text, k, 2, 8));
            if (progress != null) progress.accept(k + " word classes learnt");
        }
        NerFeatures features = new NerFeatures(morphology, clusters, orgHeads);
        int n = data.size();
        long[][][] withKb = new long[n][][];
        long[][][] withoutKb = new long[n][][];
        int[][] gold = new int[n][];
        Map<Long, Integer> counts = new HashMap<>();
        for (int s = 0; s < n; s++) {
            NerCorpus.Sentence sen = data.get(s);
            String[] none = new String[sen.words().length];
            boolean caseless = s >= main.size() && extraCaseless;
            boolean lower = lowercase || caseless;
            withoutKb[s] = features.extract(sen.words(), none, caseless);
            withKb[s] = gazetteer == null ? withoutKb[s]
                    : features.extract(sen.words(), GazetteerLabels.of(sen.words(), gazetteer, lower), caseless);
            gold[s] = new int[sen.tags().length];
            for (int i = 0; i < gold[s].length; i++) gold[s][i] = tagIndex.get(sen.tags()[i]);
            for (long[] tok : withKb[s]) for (long f : tok) counts.merge(f, 1, Integer::sum);
        }
        // dense ids in order of first appearance, for a deterministic model
        Map<Long, Integer> ids = new HashMap<>();
        List<Long> keyList = new ArrayList<>();
        int[][][] kbIds = new int[n][][];
        int[][][] plainIds = new int[n][][];
        for (int s = 0; s < n; s++) {
            kbIds[s] = dense(withKb[s], counts, ids, keyList);
            plainIds[s] = withKb[s] == withoutKb[s] ? kbIds[s] : dense(withoutKb[s], counts, ids, keyList);
            withKb[s] = null;
            withoutKb[s] = null;
        }
        int nf = keyList.size();
        // with domain copies: feature f's shared weights at f, its main-set copy at nf + f, its extra-set copy at 2 nf + f;
        // blocks[s]: where sentence s's weight blocks start (the shared one, and its set's copy)
        int copies = options.domainCopies() && main.size() < n ? 3 : 1;
        int[][] blocks = new int[n][];
        int[][] byCopy = {{0}, {0, nf * t}, {0, 2 * nf * t}};
        for (int s = 0; s < n; s++) blocks[s] = byCopy[copies == 1 ? 0 : s < main.size() ? 1 : 2];
        float[] w = new float[copies * nf * t];
        double[] u = new double[copies * nf * t];
        float[] tr = new float[(t + 1) * t];
        double[] tu = new double[(t + 1) * t];
        boolean[] allowed = NameTagger.allowedTransitions(tags);
        // averaged weights, w - u / c, summed over the runs (each its own shuffle from zero weights), then their mean
        double[] sum = new double[w.length];
        double[] sumTr = new double[tr.length];
        for (int run = 0; run < options.runs(); run++) {
            if (run > 0) {
                java.util.Arrays.fill(w, 0);
                java.util.Arrays.fill(u, 0);
                java.util.Arrays.fill(tr, 0);
                java.util.Arrays.fill(tu, 0);
            }
            Random random = new Random(run == 0 ? options.seed() : options.seed() ^ (run * 0x9E3779B97F4A7C15L));
            String prefix = options.runs() == 1 ? "" : "run " + (run + 1) + "/" + options.runs() + ", ";
            long c = perceptron(kbIds, plainIds, gold, blocks, t, w, u, tr, tu, allowed, random,
                    progress == null ? null : line -> progress.accept(prefix + line));
            for (int k = 0; k < sum.length; k++) sum[k] += (float) (w[k] - u[k] / c);
            for (int k = 0; k < sumTr.length; k++) sumTr[k] += (float) (tr[k] - tu[k] / c);
        }
        float[] avg = new float[nf * t];
        for (int k = 0; k < avg.length; k++)  // the main set's text is tagged with the shared and the main copy's weights
            avg[k] = (float) ((copies > 1 ? sum[k] + sum[nf * t + k] : sum[k]) / options.runs());
        float[] avgTr = new float[tr.length];
        for (int k = 0; k < tr.length; k++) avgTr[k] = (float) (sumTr[k] / options.runs());
        // weights too small to matter are zero; features with none of some size are left out (NameTagger.pruned)
        long[] keys = new long[nf];
        for (int f = 0; f < nf; f++) keys[f] = keyList.get(f);
        for (int k = 0; k < avg.length; k++) if (Math.abs(avg[k]) < 1e-4f) avg[k] = 0f;
        return new NameTagger(tags, lowercase, avgTr, keys, avg, clusters, orgHeads, morphology)
                .pruned((float) Math.max(1e-4, options.prune())); // compared as the float it always was
    }

    /** One training run: {@code options.epochs()} shuffled passes; returns the update count for the averaging. */
    private long perceptron(int[][][] kbIds, int[][][] plainIds, int[][] gold, int[][] blocks, int t, float[] w, double[] u, float[] tr, double[] tu,
                            boolean[] allowed, Random random, Consumer<String> progress) {
        int n = gold.length;
        int[] order = new int[n];
        for (int s = 0; s < n; s++) order[s] = s;
        float margin = (float) options.margin();
        long c = 1;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            for (int s = n - 1; s > 0; s--) {
                int j = random.nextInt(s + 1);
                int tmp = order[s];
                order[s] = order[j];
                order[j] = tmp;
            }
            int errors = 0;
            for (int s : order) {
                int[][] f = random.nextDouble() < options.gazetteerDropout() ? plainIds[s] : kbIds[s];
                if (options.featureDropout() > 0) f = dropout(f, options.featureDropout(), random);
                int[] g = gold[s];
                int[] from = blocks[s];
                float[] emit = new float[g.length * t];
                for (int i = 0; i < g.length; i++)
                    for (int id : f[i])
                        for (int b : from) {
                            int base = b + id * t;
                            for (int k = 0; k < t; k++) emit[i * t + k] += w[base + k];
                        }
                if (margin > 0) // cost-augmented decoding: the best tags under the margin are the ones to learn from
                    for (int i = 0; i < g.length; i++)
                        for (int k = 0; k < t; k++) if (k != g[i]) emit[i * t + k] += margin;
                int[] p = NameTagger.viterbi(emit, g.length, tr, allowed, t);
                boolean wrong = false;
                for (int i = 0; i < g.length; i++) {
                    int prevG = i == 0 ? t : g[i - 1];
                    int prevP = i == 0 ? t : p[i - 1];
                    if (g[i] != p[i]) {
                        wrong = true;
                        for (int id : f[i])
                            for (int b : from) {
                                int base = b + id * t;
                                w[base + g[i]] += 1;
                                u[base + g[i]] += c;
                                w[base + p[i]] -= 1;
                                u[base + p[i]] -= c;
                            }
                    }
                    if (g[i] != p[i] || prevG != prevP) {
                        tr[prevG * t + g[i]] += 1;
                        tu[prevG * t + g[i]] += c;
                        tr[prevP * t + p[i]] -= 1;
                        tu[prevP * t + p[i]] -= c;
                    }
                }
                if (wrong) errors++;
                c++;
            }
            if (progress != null) progress.accept("pass " + epoch + "/" + options.epochs() + ": " + errors + " of " + n + " sentences wrong");
        }
        return c;
    }

    /** A sentence's features with each left out at random with probability {@code p}. */
    private static int[][] dropout(int[][] sentence, double p, Random random) {
        int[][] out = new int[sentence.length][];
        for (int i = 0; i < sentence.length; i++) {
            int[] kept = new int[sentence[i].length];
            int m = 0;
            for (int id : sentence[i]) if (random.nextDouble() >= p) kept[m++] = id;
            out[i] = m == kept.length ? kept : java.util.Arrays.copyOf(kept, m);
        }
        return out;
    }

    private int[][] dense(long[][] sentence, Map<Long, Integer> counts, Map<Long, Integer> ids, List<Long> keyList) {
        int[][] out = new int[sentence.length][];
        for (int i = 0; i < sentence.length; i++) {
            int[] buf = new int[sentence[i].length];
            int m = 0;
            for (long f : sentence[i]) {
                if (counts.getOrDefault(f, 0) < options.minCount()) continue;
                Integer id = ids.get(f);
                if (id == null) {
                    id = keyList.size();
                    ids.put(f, id);
                    keyList.add(f);
                }
                buf[m++] = id;
            }
            out[i] = java.util.Arrays.copyOf(buf, m);
        }
        return out;
    }
}
