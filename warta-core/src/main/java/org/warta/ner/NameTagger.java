package org.warta.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.warta.lang.Morphology;

/**
 * A statistical name tagger: a first-order linear-chain model (averaged structured perceptron, trained by
 * {@link NerTrainer}) over hashed {@link NerFeatures}, decoded with Viterbi under the BIO constraint (an
 * {@code I-X} only after {@code B-X} or {@code I-X}). It finds names the knowledge base does not list.
 * Immutable and thread-safe once loaded.
 *
 * <pre>{@code
 * NameTagger t = NameTagger.read(in, morphology);
 * String[] tags = t.tag(new String[] {"Bupati", "Deli", "Serdang", "Ashari", "Tambunan"}, new String[5]);
 * }</pre>
 *
 * <p>The model file is gzip: magic {@code WNER}, version, tag names, whether the training text was
 * lower-cased, the transition weights, the word classes, the organisation head words (from version 3), then each feature's 64-bit key with its non-zero weights per tag.
 */
public final class NameTagger {
    private static final int MAGIC = 0x574e4552; // "WNER"
    private static final int VERSION = 3;

    private final String[] tags;
    private final boolean lowercase;
    private final float[] trans;
    private final boolean[] allowed;
    /** {@link #trans} with the transitions {@link #allowed} forbids at minus infinity. */
    private final float[] maskedTrans;
    /**
     * Open-addressing table, a power of two of int slots at most 60% full: per slot, 1 + the feature's row in
     * the low {@code indexBits} bits and the top bits of the key's mixed hash above them ({@code 0} = empty),
     * so that sixteen slots share a cache line and the table stays small enough for the processor's caches.
     * The row holds the full key, checked on a match.
     */
    private final int[] table;
    /**
     * One bit per hash value, set for the model's features: most keys a sentence asks for (word pairs the
     * training text never had) are absent, and this table, an eighth of {@link #table}'s size, answers that
     * in the processor's nearer caches.
     */
    private final long[] present;
    private final int presentMask;
    private final int mask;
    private final int indexBits;
    /** Per feature, one row of {@code stride} ints: its 64-bit key (two ints) and its weight for each tag (float bits). */
    private final int[] rows;
    private final int stride;
    private final int featureCount;
    private final NerFeatures features;
    /** The summed weights of the sentence boundary in the neighbour roles (see {@link NerFeatures#boundaryParts}). */
    private final float[] boundaryWeights;
    private final List<WordClusters> clusters;
    private final List<String> orgHeads;

    NameTagger(String[] tags, boolean lowercase, float[] trans, long[] featureKeys, float[] featureWeights,
               List<WordClusters> clusters, Morphology morphology) {
        this(tags, lowercase, trans, featureKeys, featureWeights, clusters, List.of(), morphology);
    }

    NameTagger(String[] tags, boolean lowercase, float[] trans, long[] featureKeys, float[] featureWeights,
               List<WordClusters> clusters, java.util.Collection<String> orgHeads, Morphology morphology) {
        this.clusters = List.copyOf(clusters);
        this.orgHeads = List.copyOf(new java.util.TreeSet<>(orgHeads));
        this.tags = tags.clone();
        this.lowercase = lowercase;
        this.trans = trans.clone();
        this.allowed = allowedTransitions(tags);
        this.maskedTrans = new float[this.trans.length];
        for (int k = 0; k < maskedTrans.length; k++) maskedTrans[k] = allowed[k] ? this.trans[k] : Float.NEGATIVE_INFINITY;
        this.featureCount = featureKeys.length;
        int t = tags.length;
        this.stride = 2 + t;
        int cap = 4;
        while (cap * 0.6 < featureKeys.length) cap <<= 1;
        this.mask = cap - 1;
        this.table = new int[cap];
        int bits = 64;
        while (bits < featureKeys.length * 8) bits <<= 1;
        this.present = new long[bits >>> 6];
        this.presentMask = bits - 1;
        this.indexBits = 32 - Integer.numberOfLeadingZeros(featureKeys.length + 1);
        this.rows = new int[featureKeys.length * stride];
        for (int f = 0; f < featureKeys.length; f++) {
            long key = featureKeys[f];
            long h = mix(key);
            int p = (int) h & mask;
            while (table[p] != 0) p = (p + 1) & mask;
            table[p] = tagOf(h) | (f + 1);
            int b = presentBit(h);
            present[b >>> 6] |= 1L << b;
            int row = f * stride;
            rows[row] = (int) key;
            rows[row + 1] = (int) (key >>> 32);
            for (int k = 0; k < t; k++) rows[row + 2 + k] = Float.floatToRawIntBits(featureWeights[f * t + k]);
        }
        this.features = new NerFeatures(morphology, clusters, new java.util.HashSet<>(this.orgHeads));
        this.boundaryWeights = partWeights(features.boundaryParts());
    }

    /** The tags, {@code O} first. */
    public List<String> tags() { return List.of(tags); }

    /** The entity types the model knows (PERSON, PLACE, …), in tag order. */
    public List<String> types() {
        List<String> out = new ArrayList<>();
        for (String t : tags) if (t.length() > 2 && !out.contains(t.substring(2))) out.add(t.substring(2));
        return out;
    }

    /** True when the model was trained on lower-cased text (use it for lower-cased input). */
    public boolean lowercase() { return lowercase; }

    /** Number of features with weights. */
    public int featureCount() { return featureCount; }

    /**
     * The same model without the features whose weights are all below {@code threshold} in absolute
     * value (what {@code train ner --prune} does at training time).
     */
    public NameTagger pruned(double threshold) {
        int t = tags.length;
        long[] keys = new long[featureCount];
        float[] weights = new float[featureCount * t];
        int kept = 0;
        for (int f = 0; f < featureCount; f++) {
            float[] w = weightsOf(f);
            if (max(w) < threshold) continue;
            keys[kept] = keyOf(f);
            System.arraycopy(w, 0, weights, kept * t, t);
            kept++;
        }
        return new NameTagger(tags, lowercase, trans, Arrays.copyOf(keys, kept), Arrays.copyOf(weights, kept * t), clusters,
                orgHeads, features.morphology());
    }

    private long keyOf(int f) {
        return (rows[f * stride] & 0xffffffffL) | ((long) rows[f * stride + 1] << 32);
    }

    private float[] weightsOf(int f) {
        float[] w = new float[tags.length];
        for (int k = 0; k < w.length; k++) w[k] = Float.intBitsToFloat(rows[f * stride + 2 + k]);
        return w;
    }

    private static float max(float[] w) {
        float m = 0;
        for (float v : w) m = Math.max(m, Math.abs(v));
        return m;
    }

    /** BIO tags for the words; {@code gaz} is {@link GazetteerLabels} of the same words, or all null. */
    public String[] tag(String[] words, String[] gaz) {
        if (words.length == 0) return new String[0];
        if (gaz == null) gaz = new String[words.length];
        NerFeatures.Context c = features.extractContext(words, gaz);
        NerFeatures.Word[] ws = c.words();
        long[] keys = c.keys();
        int[] ends = c.ends();
        int t = tags.length;
        int n = words.length;
        float[] emit = new float[n * t];
        for (int i = 0; i < n; i++) {
            // the word's own weights and those its neighbours give it, summed once per distinct word
            int e = i * t;
            addTo(emit, e, wordWeights(ws[i]), NerFeatures.OWN * t, t);
            if (i > 0) addTo(emit, e, wordWeights(ws[i - 1]), NerFeatures.PREV * t, t);
            else addTo(emit, e, boundaryWeights, NerFeatures.PREV * t, t);
            if (i > 1) addTo(emit, e, wordWeights(ws[i - 2]), NerFeatures.PREV2 * t, t);
            else addTo(emit, e, boundaryWeights, NerFeatures.PREV2 * t, t);
            if (i + 1 < n) addTo(emit, e, wordWeights(ws[i + 1]), NerFeatures.NEXT * t, t);
            else addTo(emit, e, boundaryWeights, NerFeatures.NEXT * t, t);
            if (i + 2 < n) addTo(emit, e, wordWeights(ws[i + 2]), NerFeatures.NEXT2 * t, t);
            else addTo(emit, e, boundaryWeights, NerFeatures.NEXT2 * t, t);
        }
        for (int i = 0, j = 0; i < n; i++) {
            int e = i * t;
            for (; j < ends[i]; j++) lookup(keys[j], emit, e);
        }
        int[] best = viterbi(emit, n, maskedTrans, t);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) out[i] = tags[best[i]];
        return out;
    }

    /** {@link #tag} with every feature looked up token by token, without the per-word sums (for tests). */
    String[] tagFeatureByFeature(String[] words, String[] gaz) {
        if (gaz == null) gaz = new String[words.length];
        NerFeatures.Flat f = features.extractFlat(words, gaz);
        int t = tags.length;
        float[] emit = new float[words.length * t];
        for (int i = 0, j = 0; i < words.length; i++) for (; j < f.ends()[i]; j++) lookup(f.keys()[j], emit, i * t);
        int[] best = viterbi(emit, words.length, maskedTrans, t);
        String[] out = new String[words.length];
        for (int i = 0; i < out.length; i++) out[i] = tags[best[i]];
        return out;
    }

    private static void addTo(float[] emit, int e, float[] w, int from, int t) {
        for (int k = 0; k < t; k++) emit[e + k] += w[from + k];
    }

    /** The summed weights of a word's {@link NerFeatures.Word#parts}, role after role, computed once per word. */
    private float[] wordWeights(NerFeatures.Word w) {
        float[] v = w.emit;
        if (v == null) w.emit = v = partWeights(w.parts);
        return v;
    }

    private float[] partWeights(long[][] parts) {
        int t = tags.length;
        float[] v = new float[NerFeatures.ROLES * t];
        for (int r = 0; r < NerFeatures.ROLES; r++) for (long key : parts[r]) lookup(key, v, r * t);
        return v;
    }

    /** Adds the weights of feature {@code key} (none when the model lacks it) to {@code emit[e…e+T)}. */
    private void lookup(long key, float[] emit, int e) {
        long h = mix(key);
        int b = presentBit(h);
        if ((present[b >>> 6] & (1L << b)) == 0) return;
        int fp = tagOf(h);
        int lo = (int) key, hi = (int) (key >>> 32);
        int[] tb = table;
        int[] rw = rows;
        int t = tags.length;
        int idx = (1 << indexBits) - 1;
        int slot;
        for (int p = (int) h & mask; (slot = tb[p]) != 0; p = (p + 1) & mask) {
            if ((slot & ~idx) != fp) continue;
            int row = ((slot & idx) - 1) * stride;
            if (rw[row] != lo || rw[row + 1] != hi) continue;
            for (int k = 0; k < t; k++) emit[e + k] += Float.intBitsToFloat(rw[row + 2 + k]);
            return;
        }
    }

    /** A hash's bit in {@link #present}: bits of the hash that neither the slot nor the fingerprint uses up first. */
    private int presentBit(long h) {
        return (int) (h >>> 20) & presentMask;
    }

    /** The bits of a mixed hash kept in a slot above the row index (the top bits, independent of the slot's position). */
    private int tagOf(long h) {
        return indexBits >= 32 ? 0 : (int) (h >>> 32) & (-1 << indexBits);
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return k;
    }

    /** {@code allowed[p * T + t]}: may tag t follow tag p (row T = sentence start)? */
    static boolean[] allowedTransitions(String[] tags) {
        int t = tags.length;
        boolean[] a = new boolean[(t + 1) * t];
        for (int p = 0; p <= t; p++)
            for (int k = 0; k < t; k++) {
                String cur = tags[k];
                boolean ok = true;
                if (cur.startsWith("I-")) {
                    ok = p < t && tags[p].length() > 2 && tags[p].substring(2).equals(cur.substring(2));
                }
                a[p * t + k] = ok;
            }
        return a;
    }

    /** Best tag sequence under emission scores, transition weights ({@code (T+1) × T}, last row = start) and constraints. */
    static int[] viterbi(float[][] emit, float[] trans, boolean[] allowed, int t) {
        int n = emit.length;
        float[] flat = new float[n * t];
        for (int i = 0; i < n; i++) System.arraycopy(emit[i], 0, flat, i * t, t);
        return viterbi(flat, n, trans, allowed, t);
    }

    /** {@link #viterbi(float[][], float[], boolean[], int)} over emission scores in one array ({@code emit[i * t + k]}). */
    static int[] viterbi(float[] emit, int n, float[] trans, boolean[] allowed, int t) {
        float[] tr = new float[trans.length];
        for (int k = 0; k < tr.length; k++) tr[k] = allowed[k] ? trans[k] : Float.NEGATIVE_INFINITY;
        return viterbi(emit, n, tr, t);
    }

    /** Viterbi with the transitions the BIO constraint forbids already at minus infinity in {@code trans}. */
    private static int[] viterbi(float[] emit, int n, float[] trans, int t) {
        float[] score = new float[n * t];
        int[] back = new int[n * t];
        for (int k = 0; k < t; k++) score[k] = emit[k] + trans[t * t + k];
        for (int i = 1; i < n; i++) {
            int prev = (i - 1) * t, cur = i * t;
            for (int k = 0; k < t; k++) {
                float best = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int p = 0; p < t; p++) {
                    float s = score[prev + p] + trans[p * t + k];
                    if (s > best) {
                        best = s;
                        arg = p;
                    }
                }
                score[cur + k] = best + emit[cur + k];
                back[cur + k] = arg;
            }
        }
        int[] out = new int[n];
        float best = Float.NEGATIVE_INFINITY;
        int last = (n - 1) * t;
        for (int k = 0; k < t; k++)
            if (score[last + k] > best) {
                best = score[last + k];
                out[n - 1] = k;
            }
        for (int i = n - 1; i > 0; i--) out[i - 1] = back[i * t + out[i]];
        return out;
    }

    /** Writes the model (gzip). */
    public void write(OutputStream os) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(os, 1 << 16);
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(gz, 1 << 16));
        int t = tags.length;
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(t);
        for (String s : tags) out.writeUTF(s);
        out.writeBoolean(lowercase);
        for (float v : trans) out.writeFloat(v);
        out.writeInt(clusters.size());
        for (WordClusters wc : clusters) {
            out.writeInt(wc.classes());
            java.util.TreeMap<String, Integer> sorted = new java.util.TreeMap<>(wc.map());
            out.writeInt(sorted.size());
            for (var e : sorted.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeShort(e.getValue());
            }
        }
        out.writeInt(orgHeads.size());
        for (String h : orgHeads) out.writeUTF(h);
        out.writeInt(featureCount);
        // features in order of their key, so that the file is the same for the same model
        long[] keys = new long[featureCount];
        for (int f = 0; f < featureCount; f++) keys[f] = keyOf(f);
        Integer[] order = new Integer[featureCount];
        for (int f = 0; f < featureCount; f++) order[f] = f;
        java.util.Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        for (int f : order) {
            out.writeLong(keys[f]);
            float[] w = weightsOf(f);
            int nz = 0;
            for (int k = 0; k < t; k++) if (w[k] != 0f) nz++;
            out.writeByte(nz);
            for (int k = 0; k < t; k++) {
                if (w[k] == 0f) continue;
                out.writeByte(k);
                out.writeFloat(w[k]);
            }
        }
        out.flush();
        gz.finish();
    }

    /** Reads a model written by {@link #write}; {@code morphology} must be the language's affix analyser (or null). */
    public static NameTagger read(InputStream is, String name, Morphology morphology) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(is, 1 << 16), 1 << 16));
        if (in.readInt() != MAGIC) throw new IOException(name + ": not a Warta name-tagger model");
        int version = in.readInt();
        if (version != VERSION && version != 2) throw new IOException(name + ": model version " + version + ", this build reads " + VERSION);
        int t = in.readInt();
        if (t < 1 || t > 127) throw new IOException(name + ": bad tag count " + t);
        String[] tags = new String[t];
        for (int k = 0; k < t; k++) tags[k] = in.readUTF();
        boolean lowercase = in.readBoolean();
        float[] trans = new float[(t + 1) * t];
        for (int k = 0; k < trans.length; k++) trans[k] = in.readFloat();
        int nc = in.readInt();
        if (nc < 0 || nc > 16) throw new IOException(name + ": bad number of word-class sets " + nc);
        List<WordClusters> clusters = new ArrayList<>();
        for (int c = 0; c < nc; c++) {
            int k = in.readInt();
            int size = in.readInt();
            if (size < 0) throw new IOException(name + ": bad word-class count " + size);
            java.util.Map<String, Integer> map = new java.util.HashMap<>(size * 2);
            for (int j = 0; j < size; j++) map.put(in.readUTF(), (int) in.readShort());
            clusters.add(new WordClusters(map, k));
        }
        List<String> heads = new ArrayList<>();
        if (version >= 3) {
            int nh = in.readInt();
            if (nh < 0 || nh > 100_000) throw new IOException(name + ": bad head-word count " + nh);
            for (int j = 0; j < nh; j++) heads.add(in.readUTF());
        }
        int n = in.readInt();
        if (n < 0) throw new IOException(name + ": bad feature count " + n);
        long[] keys = new long[n];
        float[] w = new float[n * t];
        for (int f = 0; f < n; f++) {
            keys[f] = in.readLong();
            int nz = in.readUnsignedByte();
            for (int j = 0; j < nz; j++) {
                int k = in.readUnsignedByte();
                if (k >= t) throw new IOException(name + ": bad tag index " + k);
                w[f * t + k] = in.readFloat();
            }
        }
        return new NameTagger(tags, lowercase, trans, keys, w, clusters, heads, morphology);
    }
}
