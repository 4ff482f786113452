package org.warta.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Word classes learnt from raw text with the exchange algorithm (Kneser and Ney 1993; Martin, Liermann and
 * Ney 1998): each word moves to the class that most raises the likelihood of a class-bigram model of the
 * text, pass after pass. Words that share a class appear in similar contexts ("jakarta", "surabaya",
 * "medan"), so the tagger can generalise from names it saw to names it did not. Deterministic.
 */
public final class WordClusters {
    private final Map<String, Integer> classOf;
    private final int classes;

    public WordClusters(Map<String, Integer> classOf, int classes) {
        this.classOf = Map.copyOf(classOf);
        this.classes = classes;
    }

    public int classes() { return classes; }

    public Map<String, Integer> map() { return classOf; }

    /** The class of a word (lower-cased), or -1 for a word not seen often enough. */
    public int of(String word) {
        Integer c = classOf.get(word.toLowerCase(Locale.ROOT));
        return c == null ? -1 : c;
    }

    /**
     * Learns {@code k} classes from sentences of words (lower-cased here), for words seen at least
     * {@code minCount} times; {@code passes} exchange passes.
     */
    public static WordClusters learn(List<String[]> sentences, int k, int minCount, int passes) {
        Map<String, Integer> freq = new HashMap<>();
        for (String[] s : sentences) for (String w : s) freq.merge(w.toLowerCase(Locale.ROOT), 1, Integer::sum);
        List<String> vocab = new ArrayList<>();
        for (Map.Entry<String, Integer> e : freq.entrySet()) if (e.getValue() >= minCount) vocab.add(e.getKey());
        vocab.sort((a, b) -> freq.get(b).equals(freq.get(a)) ? a.compareTo(b) : Integer.compare(freq.get(b), freq.get(a)));
        Map<String, Integer> id = new HashMap<>();
        for (int i = 0; i < vocab.size(); i++) id.put(vocab.get(i), i);
        int v = vocab.size() + 1; // last id: boundary and rare words (fixed in class 0's neighbourhood, never moved)
        int rare = v - 1;
        List<Map<Integer, Integer>> right = new ArrayList<>();
        List<Map<Integer, Integer>> left = new ArrayList<>();
        for (int i = 0; i < v; i++) {
            right.add(new HashMap<>());
            left.add(new HashMap<>());
        }
        long[] count = new long[v];
        for (String[] s : sentences) {
            int prev = rare;
            for (int i = 0; i <= s.length; i++) {
                int cur = i < s.length ? id.getOrDefault(s[i].toLowerCase(Locale.ROOT), rare) : rare;
                right.get(prev).merge(cur, 1, Integer::sum);
                left.get(cur).merge(prev, 1, Integer::sum);
                count[cur]++;
                prev = cur;
            }
        }
        int[] cls = new int[v];
        for (int i = 0; i < v - 1; i++) cls[i] = i % (k - 1) + 1;
        cls[rare] = 0;
        long[][] m = new long[k][k];
        long[] nc = new long[k];
        for (int w = 0; w < v; w++) {
            nc[cls[w]] += count[w];
            for (Map.Entry<Integer, Integer> e : right.get(w).entrySet()) m[cls[w]][cls[e.getKey()]] += e.getValue();
        }
        // adjacency as arrays for speed
        int[][] rIds = new int[v][], lIds = new int[v][];
        int[][] rCnt = new int[v][], lCnt = new int[v][];
        for (int w = 0; w < v; w++) {
            rIds[w] = keys(right.get(w));
            rCnt[w] = values(right.get(w), rIds[w]);
            lIds[w] = keys(left.get(w));
            lCnt[w] = values(left.get(w), lIds[w]);
        }
        long[] r = new long[k], l = new long[k];
        int[] touched = new int[k];
        boolean[] mark = new boolean[k];
        for (int pass = 0; pass < passes; pass++) {
            int moved = 0;
            for (int w = 0; w < v - 1; w++) {
                int a = cls[w];
                int nt = 0;
                long self = 0;
                for (int j = 0; j < rIds[w].length; j++) {
                    int u = rIds[w][j];
                    if (u == w) {
                        self += rCnt[w][j];
                        continue;
                    }
                    int c = cls[u];
                    r[c] += rCnt[w][j];
                    if (!mark[c]) { mark[c] = true; touched[nt++] = c; }
                }
                for (int j = 0; j < lIds[w].length; j++) {
                    int u = lIds[w][j];
                    if (u == w) continue;
                    int c = cls[u];
                    l[c] += lCnt[w][j];
                    if (!mark[c]) { mark[c] = true; touched[nt++] = c; }
                }
                // take w out of a
                for (int q = 0; q < nt; q++) {
                    int c = touched[q];
                    m[a][c] -= r[c];
                    m[c][a] -= l[c];
                }
                m[a][a] -= self;
                nc[a] -= count[w];
                int best = a;
                double bestGain = Double.NEGATIVE_INFINITY;
                for (int b = 1; b < k; b++) {
                    double gain = 0;
                    for (int q = 0; q < nt; q++) {
                        int c = touched[q];
                        if (c == b) continue;
                        if (r[c] > 0) gain += g(m[b][c] + r[c]) - g(m[b][c]);
                        if (l[c] > 0) gain += g(m[c][b] + l[c]) - g(m[c][b]);
                    }
                    long add = self + (mark[b] ? r[b] + l[b] : 0);
                    gain += g(m[b][b] + add) - g(m[b][b]);
                    gain -= 2 * (g(nc[b] + count[w]) - g(nc[b]));
                    if (gain > bestGain + 1e-9) {
                        bestGain = gain;
                        best = b;
                    }
                }
                for (int q = 0; q < nt; q++) {
                    int c = touched[q];
                    m[best][c] += r[c];
                    m[c][best] += l[c];
                }
                m[best][best] += self;
                nc[best] += count[w];
                if (best != a) moved++;
                cls[w] = best;
                for (int q = 0; q < nt; q++) {
                    int c = touched[q];
                    r[c] = 0;
                    l[c] = 0;
                    mark[c] = false;
                }
            }
            if (moved == 0) break;
        }
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < v - 1; i++) out.put(vocab.get(i), cls[i]);
        return new WordClusters(out, k);
    }

    private static double g(long x) {
        return x <= 0 ? 0 : x * Math.log(x);
    }

    private static int[] keys(Map<Integer, Integer> m) {
        int[] a = new int[m.size()];
        int i = 0;
        for (int key : m.keySet()) a[i++] = key;
        Arrays.sort(a);
        return a;
    }

    private static int[] values(Map<Integer, Integer> m, int[] keys) {
        int[] a = new int[keys.length];
        for (int i = 0; i < keys.length; i++) a[i] = m.get(keys[i]);
        return a;
    }
}
