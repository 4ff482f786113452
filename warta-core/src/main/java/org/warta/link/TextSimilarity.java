package org.warta.link;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Cosine similarity of TF-IDF vectors over content words, between the texts of a batch of articles. Words
 * are maximal runs of letters and digits, lower-cased; words shorter than three characters and the given
 * stop words are dropped. Term frequency is damped ({@code 1 + ln tf}); the inverse document frequency is
 * smoothed over the batch ({@code ln((n + 1) / (df + 1)) + 1}), so words every article of the batch uses
 * weigh least, and a batch of two still gives a usable score. Immutable once built.
 */
public final class TextSimilarity {
    /** A unit vector: term numbers ascending, with their weights. */
    private record Vector(int[] terms, double[] weights) {}

    private final Map<String, Vector> vectors;

    private TextSimilarity(Map<String, Vector> vectors) {
        this.vectors = vectors;
    }

    /** Builds the vectors for texts keyed by article id (null or blank texts get no vector). */
    public static TextSimilarity of(Map<String, String> textsById, Collection<String> stopwords) {
        Set<String> stop = Set.copyOf(lower(stopwords));
        Map<String, Map<String, Integer>> tfs = new TreeMap<>();
        Map<String, Integer> df = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(textsById).entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) continue;
            Map<String, Integer> tf = termFrequencies(e.getValue(), stop);
            if (tf.isEmpty()) continue;
            tfs.put(e.getKey(), tf);
            for (String w : tf.keySet()) df.merge(w, 1, Integer::sum);
        }
        Map<String, Integer> number = new HashMap<>();
        for (String w : df.keySet()) number.put(w, number.size());
        int n = tfs.size();
        Map<String, Vector> vectors = new HashMap<>();
        for (Map.Entry<String, Map<String, Integer>> e : tfs.entrySet()) {
            int[] terms = e.getValue().keySet().stream().mapToInt(number::get).sorted().toArray();
            String[] words = new String[number.size() == 0 ? 0 : terms.length];
            Map<Integer, String> byNumber = new HashMap<>();
            for (String w : e.getValue().keySet()) byNumber.put(number.get(w), w);
            double[] weights = new double[terms.length];
            double norm = 0;
            for (int k = 0; k < terms.length; k++) {
                words[k] = byNumber.get(terms[k]);
                double w = (1 + Math.log(e.getValue().get(words[k]))) * (Math.log((n + 1.0) / (df.get(words[k]) + 1.0)) + 1);
                weights[k] = w;
                norm += w * w;
            }
            double len = Math.sqrt(norm);
            for (int k = 0; k < weights.length; k++) weights[k] /= len;
            vectors.put(e.getKey(), new Vector(terms, weights));
        }
        return new TextSimilarity(Map.copyOf(vectors));
    }

    /** Whether the article has a text vector. */
    public boolean has(String articleId) {
        return vectors.containsKey(articleId);
    }

    /** The cosine of the two articles' vectors in [0, 1], or NaN when either has no text. */
    public double similarity(String a, String b) {
        Vector va = vectors.get(a), vb = vectors.get(b);
        if (va == null || vb == null) return Double.NaN;
        double dot = 0;
        int i = 0, j = 0;
        while (i < va.terms().length && j < vb.terms().length) {
            int c = Integer.compare(va.terms()[i], vb.terms()[j]);
            if (c == 0) dot += va.weights()[i++] * vb.weights()[j++];
            else if (c < 0) i++;
            else j++;
        }
        return Math.min(1.0, dot);
    }

    static Map<String, Integer> termFrequencies(String text, Set<String> stop) {
        Map<String, Integer> tf = new HashMap<>();
        String s = text.toLowerCase(Locale.ROOT);
        int i = 0, n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(s.codePointAt(i))) i += Character.charCount(s.codePointAt(i));
            String w = s.substring(start, i);
            if (w.codePointCount(0, w.length()) >= 3 && !stop.contains(w)) tf.merge(w, 1, Integer::sum);
        }
        return tf;
    }

    private static List<String> lower(Collection<String> words) {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList();
    }
}
