package org.warta.cli.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The article-extraction benchmark's metric (scrapinghub/article-extraction-benchmark, as
 * {@code ../shared/bench/README.md} states it): tokens are {@code \w+} matches (Unicode); the 4-token
 * shingles of truth and prediction are compared as multisets; per page tp, fp and fn are divided by
 * tp+fp+fn; precision is the mean of tp/(tp+fp) over pages with tp+fp &gt; 0 (1 when fp = fn = 0), recall
 * the mean of tp/(tp+fn) over pages with tp+fn &gt; 0, F1 the harmonic mean of the two means; accuracy
 * is the share of pages whose token list equals the truth's; coverage the share with non-empty output.
 *
 * <pre>{@code
 * ExtractionScorer s = new ExtractionScorer();
 * s.add(truth, predicted);
 * double f1 = s.f1();
 * }</pre>
 */
public final class ExtractionScorer {
    static final int N = 4;

    /** One page's normalised counts. */
    public record PageScore(double tp, double fp, double fn, boolean exact, boolean covered) {
        /** tp/(tp+fp), 1 when fp = fn = 0, 0 when tp = fp = 0. */
        public double precision() {
            if (fp == 0 && fn == 0) return 1;
            if (tp == 0 && fp == 0) return 0;
            return tp / (tp + fp);
        }

        /** tp/(tp+fn), 1 when fp = fn = 0, 0 when tp = fn = 0. */
        public double recall() {
            if (fp == 0 && fn == 0) return 1;
            if (tp == 0 && fn == 0) return 0;
            return tp / (tp + fn);
        }
    }

    private final List<PageScore> pages = new ArrayList<>();

    /** Scores one page and adds it to the totals. */
    public PageScore add(String truth, String predicted) {
        PageScore s = score(truth, predicted);
        pages.add(s);
        return s;
    }

    /** Scores one page. */
    public static PageScore score(String truth, String predicted) {
        List<String> t = tokens(truth);
        List<String> p = tokens(predicted);
        Map<List<String>, Integer> ts = shingles(t);
        Map<List<String>, Integer> ps = shingles(p);
        Set<List<String>> keys = new HashSet<>(ts.keySet());
        keys.addAll(ps.keySet());
        double tp = 0, fp = 0, fn = 0;
        for (List<String> k : keys) {
            int a = ts.getOrDefault(k, 0), b = ps.getOrDefault(k, 0);
            tp += Math.min(a, b);
            fp += Math.max(0, b - a);
            fn += Math.max(0, a - b);
        }
        double sum = tp + fp + fn;
        if (sum > 0) {
            tp /= sum;
            fp /= sum;
            fn /= sum;
        }
        boolean covered = predicted != null && !predicted.isBlank();
        return new PageScore(tp, fp, fn, t.equals(p), covered);
    }

    /**
     * The {@code \\w+} tokens as Python's {@code re} module finds them in a str: runs of letters (Lu, Ll,
     * Lt, Lm, Lo), numbers (Nd, Nl, No) and underscores. Java's own Unicode {@code \\w} also counts
     * combining marks and other connector punctuation, so it is not used.
     */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isWord(cp)) {
                if (start < 0) start = i;
            } else if (start >= 0) {
                out.add(text.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) out.add(text.substring(start));
        return out;
    }

    static boolean isWord(int cp) {
        if (cp == '_') return true;
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER:
                return true;
            default:
                return false;
        }
    }

    static Map<List<String>, Integer> shingles(List<String> tokens) {
        Map<List<String>, Integer> out = new HashMap<>();
        for (int i = 0; i + N <= tokens.size(); i++) out.merge(List.copyOf(tokens.subList(i, i + N)), 1, Integer::sum);
        return out;
    }

    public int pages() { return pages.size(); }

    public double precision() {
        return mean(pages.stream().filter(s -> s.tp() + s.fp() > 0).mapToDouble(PageScore::precision).toArray());
    }

    public double recall() {
        return mean(pages.stream().filter(s -> s.tp() + s.fn() > 0).mapToDouble(PageScore::recall).toArray());
    }

    public double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double accuracy() {
        return pages.isEmpty() ? 0 : pages.stream().filter(PageScore::exact).count() / (double) pages.size();
    }

    public double coverage() {
        return pages.isEmpty() ? 0 : pages.stream().filter(PageScore::covered).count() / (double) pages.size();
    }

    private static double mean(double[] xs) {
        if (xs.length == 0) return 0;
        double s = 0;
        for (double x : xs) s += x;
        return s / xs.length;
    }
}
