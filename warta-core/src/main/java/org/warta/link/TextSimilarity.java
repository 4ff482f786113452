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
    private final Map<String, Map<String, Double>> vectors;

    private TextSimilarity(Map<String, Map<String, Double>> vectors) {
        this.vectors = vectors;
    }

    /** Builds the vectors for texts keyed by article id (null or blank texts get no vector). */
    public static TextSimilarity of(Map<String, String> textsById, Collection<String> stopwords) {
        Set<String> stop = Set.copyOf(lower(stopwords));
        Map<String, Map<String, Integer>> tfs = new TreeMap<>();
        Map<String, Integer> df = new HashMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(textsById).entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) continue;
            Map<String, Integer> tf = termFrequencies(e.getValue(), stop);
            if (tf.isEmpty()) continue;
            tfs.put(e.getKey(), tf);
            for (String w : tf.keySet()) df.merge(w, 1, Integer::sum);
        }
        int n = tfs.size();
        Map<String, Map<String, Double>> vectors = new HashMap<>();
        for (Map.Entry<String, Map<String, Integer>> e : tfs.entrySet()) {
            Map<String, Double> v = new HashMap<>();
            double norm = 0;
            for (Map.Entry<String, Integer> t : e.getValue().entrySet()) {
                double w = (1 + Math.log(t.getValue())) * (Math.log((n + 1.0) / (df.get(t.getKey()) + 1.0)) + 1);
                v.put(t.getKey(), w);
                norm += w * w;
            }
            double len = Math.sqrt(norm);
            v.replaceAll((k, w) -> w / len);
            vectors.put(e.getKey(), Map.copyOf(v));
        }
        return new TextSimilarity(Map.copyOf(vectors));
    }

    /** Whether the article has a text vector. */
    public boolean has(String articleId) {
        return vectors.containsKey(articleId);
    }

    /** The cosine of the two articles' vectors in [0, 1], or NaN when either has no text. */
    public double similarity(String a, String b) {
        Map<String, Double> va = vectors.get(a), vb = vectors.get(b);
        if (va == null || vb == null) return Double.NaN;
        if (va.size() > vb.size()) {
            Map<String, Double> t = va;
            va = vb;
            vb = t;
        }
        double dot = 0;
        for (Map.Entry<String, Double> e : va.entrySet()) {
            Double w = vb.get(e.getKey());
            if (w != null) dot += e.getValue() * w;
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
