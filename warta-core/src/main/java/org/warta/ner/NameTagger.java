package org.warta.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
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
    /** Open-addressing table, key and feature index side by side ({@code [2p]}, {@code [2p + 1]}; index -1 = empty): one cache line per probe. */
    private final long[] table;
    private final int mask;
    private final float[] weights;
    private final int featureCount;
    private final NerFeatures features;
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
        this.featureCount = featureKeys.length;
        int cap = Integer.highestOneBit(Math.max(4, featureKeys.length * 2 - 1)) << 1;
        this.mask = cap - 1;
        this.table = new long[cap * 2];
        for (int p = 0; p < cap; p++) table[2 * p + 1] = -1;
        for (int f = 0; f < featureKeys.length; f++) {
            int p = (int) (mix(featureKeys[f]) & mask);
            while (table[2 * p + 1] >= 0) p = (p + 1) & mask;
            table[2 * p] = featureKeys[f];
            table[2 * p + 1] = f;
        }
        this.weights = featureWeights;
        this.features = new NerFeatures(morphology, clusters, new java.util.HashSet<>(this.orgHeads));
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

    /** BIO tags for the words; {@code gaz} is {@link GazetteerLabels} of the same words, or all null. */
    public String[] tag(String[] words, String[] gaz) {
        if (words.length == 0) return new String[0];
        if (gaz == null) gaz = new String[words.length];
        NerFeatures.Flat f = features.extractFlat(words, gaz);
        long[] keys = f.keys();
        int[] ends = f.ends();
        int t = tags.length;
        float[][] emit = new float[words.length][t];
        for (int i = 0, j = 0; i < words.length; i++) {
            float[] e = emit[i];
            for (; j < ends[i]; j++) {
                int slot = find(keys[j]);
                if (slot < 0) continue;
                int base = slot * t;
                for (int k = 0; k < t; k++) e[k] += weights[base + k];
            }
        }
        int[] best = viterbi(emit, trans, allowed, t);
        String[] out = new String[words.length];
        for (int i = 0; i < out.length; i++) out[i] = tags[best[i]];
        return out;
    }

    private int find(long key) {
        long[] tb = table;
        int p = (int) (mix(key) & mask);
        long slot;
        while ((slot = tb[2 * p + 1]) >= 0) {
            if (tb[2 * p] == key) return (int) slot;
            p = (p + 1) & mask;
        }
        return -1;
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
        float[][] score = new float[n][t];
        int[][] back = new int[n][t];
        for (int k = 0; k < t; k++)
            score[0][k] = allowed[t * t + k] ? emit[0][k] + trans[t * t + k] : Float.NEGATIVE_INFINITY;
        for (int i = 1; i < n; i++) {
            for (int k = 0; k < t; k++) {
                float best = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int p = 0; p < t; p++) {
                    if (!allowed[p * t + k]) continue;
                    float s = score[i - 1][p] + trans[p * t + k];
                    if (s > best) {
                        best = s;
                        arg = p;
                    }
                }
                score[i][k] = best + emit[i][k];
                back[i][k] = arg;
            }
        }
        int[] out = new int[n];
        float best = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < t; k++)
            if (score[n - 1][k] > best) {
                best = score[n - 1][k];
                out[n - 1] = k;
            }
        for (int i = n - 1; i > 0; i--) out[i - 1] = back[i][out[i]];
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
        // features in slot order, so that the file is the same for the same model
        long[] byFeature = new long[featureCount];
        for (int p = 0; p <= mask; p++) if (table[2 * p + 1] >= 0) byFeature[(int) table[2 * p + 1]] = table[2 * p];
        for (int f = 0; f < featureCount; f++) {
            out.writeLong(byFeature[f]);
            int nz = 0;
            for (int k = 0; k < t; k++) if (weights[f * t + k] != 0f) nz++;
            out.writeByte(nz);
            for (int k = 0; k < t; k++) {
                float v = weights[f * t + k];
                if (v == 0f) continue;
                out.writeByte(k);
                out.writeFloat(v);
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
