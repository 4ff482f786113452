package org.warta.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.warta.lang.Languages;
import org.warta.lang.Morphology;

/**
 * The tagger's features are computed without building strings; the shipped models hold their 64-bit keys,
 * so the keys must be exactly those of "template + value" hashed as strings. {@link Reference} is the
 * plain string-building form they are checked against.
 */
class NerFeaturesTest {
    private static final Morphology MORPHOLOGY = new Morphology(new Languages(List.of()).get("id"), Set.of());

    @Test
    void keysEqualThoseOfTheStringForm() {
        String[] vocab = {"Pak", "Budi", "datang", "ke", "Kementerian", "Luar", "Negeri", "rumah", "sakit", "KPK",
                "2024", "Yong-hyun", "mengerahkan", "pemerintahan", "di", "Jakarta", ".", ",", "a", "PT", "Ç",
                "ßtraße", "İstanbul", "x1", "kabupaten", "Deli", "Serdang", "\"", "UNTUK", "menyatakan"};
        Map<String, Integer> classOf = new HashMap<>();
        for (int i = 0; i < vocab.length; i += 2) classOf.put(vocab[i].toLowerCase(Locale.ROOT), i * 7 % 37);
        List<WordClusters> clusters = List.of(new WordClusters(classOf, 37), new WordClusters(Map.of("di", 3), 8));
        Set<String> heads = Set.of("kementerian", "rumah sakit", "partai", "kabupaten");
        String[] labels = {null, null, null, "PERSON", "ORGANISATION", "PLACE"};
        Random r = new Random(42);
        int checked = 0;
        for (List<WordClusters> cl : List.of(List.<WordClusters>of(), clusters))
            for (Set<String> h : List.of(Set.<String>of(), heads))
                for (Morphology m : new Morphology[] {null, MORPHOLOGY}) {
                    NerFeatures nf = new NerFeatures(m, cl, h);
                    for (int s = 0; s < 60; s++) {
                        int n = 1 + r.nextInt(12);
                        String[] words = new String[n];
                        String[] gaz = new String[n];
                        for (int i = 0; i < n; i++) {
                            words[i] = vocab[r.nextInt(vocab.length)];
                            gaz[i] = labels[r.nextInt(labels.length)];
                        }
                        for (boolean caseless : new boolean[] {false, true}) {
                            long[][] got = nf.extract(words, gaz, caseless);
                            long[][] want = Reference.extract(m, cl, h, words, gaz, caseless);
                            // the order of a token's keys does not matter to the model
                            assertThat(sorted(got)).as(String.join(" ", words)).isDeepEqualTo(sorted(want));
                            checked++;
                        }
                    }
                }
        assertThat(checked).isEqualTo(960);
    }

    private static long[][] sorted(long[][] keys) {
        long[][] out = new long[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            out[i] = keys[i].clone();
            java.util.Arrays.sort(out[i]);
        }
        return out;
    }

    /** The features as they were first written: strings built and hashed. */
    private static final class Reference {
        private static boolean capitalised(String w) {
            return !w.isEmpty() && Character.isUpperCase(w.charAt(0));
        }

        /** 64-bit FNV-1a of the template name, a 0x1f separator and the value, folded. */
        private static long hash(String template, String value) {
            long h = 0xcbf29ce484222325L;
            for (char c : (template + "\u001f" + value).toCharArray()) {
                h ^= c;
                h *= 0x100000001b3L;
            }
            return h ^ (h >>> 31);
        }

        private static final class Sink {
            final List<Long> buf = new ArrayList<>();

            void reset() { buf.clear(); }

            void add(String template, String value) { buf.add(hash(template, value)); }

            long[] toArray() { return buf.stream().mapToLong(Long::longValue).toArray(); }
        }

        static long[][] extract(Morphology morphology, List<WordClusters> clusters, Set<String> orgHeads,
                                 String[] words, String[] gaz, boolean caseless) {
            int n = words.length;
            String[] low = new String[n];
            String[] shape = new String[n];
            for (int i = 0; i < n; i++) {
                low[i] = words[i].toLowerCase(Locale.ROOT);
                shape[i] = NerFeatures.shape(words[i]);
            }
            long[][] out = new long[n][];
            // organisation head words (a two-word head marks both words), and capitalised spans
            boolean[] head = new boolean[n];
            if (!orgHeads.isEmpty())
                for (int i = 0; i < n; i++) {
                    if (orgHeads.contains(low[i])) head[i] = true;
                    if (i + 1 < n && orgHeads.contains(low[i] + " " + low[i + 1])) head[i] = head[i + 1] = true;
                }
            int[] spanStart = new int[n];
            int[] spanEnd = new int[n];
            for (int i = 0; i < n; ) {
                int j = i;
                if (!caseless && capitalised(words[i])) while (j + 1 < n && capitalised(words[j + 1])) j++;
                for (int k = i; k <= j; k++) {
                    spanStart[k] = i;
                    spanEnd[k] = j;
                }
                i = j + 1;
            }
            Sink f = new Sink();
            for (int i = 0; i < n; i++) {
                f.reset();
                String w = words[i];
                String lw = low[i];
                f.add("b", "");
                f.add("w", lw);
                if (!w.equals(lw)) f.add("W", w);
                for (int k = 1; k <= 4 && k < lw.length(); k++) {
                    f.add("p" + k, lw.substring(0, k));
                    f.add("s" + k, lw.substring(lw.length() - k));
                }
                if (!caseless) f.add("sh", shape[i]);
                f.add("len", lw.length() <= 2 ? "s" : lw.length() <= 5 ? "m" : "l");
                if (i == 0 && !caseless) f.add("first", shape[i]);
                if (morphology != null && lw.length() > 4 && Character.isLetter(lw.charAt(0))) {
                    String root = morphology.root(lw);
                    if (!root.equals(lw)) f.add("r", root);
                }
                String pw = i > 0 ? low[i - 1] : "<s>";
                String ppw = i > 1 ? low[i - 2] : "<s>";
                String nw = i + 1 < n ? low[i + 1] : "</s>";
                String nnw = i + 2 < n ? low[i + 2] : "</s>";
                String ps = i > 0 ? shape[i - 1] : "<s>";
                String ns = i + 1 < n ? shape[i + 1] : "</s>";
                f.add("w-1", pw);
                f.add("w-2", ppw);
                f.add("w+1", nw);
                f.add("w+2", nnw);
                f.add("w-1w", pw + " " + lw);
                f.add("ww+1", lw + " " + nw);
                f.add("w-2-1", ppw + " " + pw);
                f.add("w+1+2", nw + " " + nnw);
                if (!caseless) {
                    f.add("sh-1", ps);
                    f.add("sh+1", ns);
                    f.add("sh-1sh+1", ps + " " + shape[i] + " " + ns);
                }
                if (i > 0 && low[i - 1].length() > 3) f.add("s3-1", low[i - 1].substring(low[i - 1].length() - 3));
                if (i + 1 < n && low[i + 1].length() > 3) f.add("s3+1", low[i + 1].substring(low[i + 1].length() - 3));
                for (WordClusters wc : clusters) {
                    String k = "c" + wc.classes();
                    int c = wc.of(lw);
                    int pc = i > 0 ? wc.of(low[i - 1]) : -2;
                    int nc = i + 1 < n ? wc.of(low[i + 1]) : -2;
                    f.add(k, Integer.toString(c));
                    f.add(k + "-1", Integer.toString(pc));
                    f.add(k + "+1", Integer.toString(nc));
                    f.add(k + "-1+1", pc + " " + c + " " + nc);
                }
                String g = gaz[i];
                String pg = i > 0 ? gaz[i - 1] : null;
                String ng = i + 1 < n ? gaz[i + 1] : null;
                if (g != null) {
                    f.add("g", g);
                    if (!caseless) f.add("gsh", g + " " + shape[i]);
                    f.add("gw", g + " " + lw);
                }
                if (pg != null) f.add("g-1", pg);
                if (ng != null) f.add("g+1", ng);
                if (i > 1 && gaz[i - 2] != null) f.add("g-2", gaz[i - 2]);
                if (i + 2 < n && gaz[i + 2] != null) f.add("g+2", gaz[i + 2]);
                if (!orgHeads.isEmpty()) {
                    if (head[i]) f.add("oh", "");
                    // distance to the nearest head word on the left (up to 4 words) and on the right (up to 2)
                    for (int d = 1; d <= 4 && i - d >= 0; d++)
                        if (head[i - d]) {
                            f.add("ohL", Integer.toString(d));
                            break;
                        }
                    for (int d = 1; d <= 2 && i + d < n; d++)
                        if (head[i + d]) {
                            f.add("ohR", Integer.toString(d));
                            break;
                        }
                }
                if (!caseless && capitalised(w)) {
                    int a = spanStart[i];
                    int z = spanEnd[i];
                    int len = z - a + 1;
                    String pos = a == z ? "U" : i == a ? "B" : i == z ? "E" : "I";
                    String lenB = len >= 4 ? "4+" : Integer.toString(len);
                    boolean spanHead = false;
                    for (int k = a; k <= z && !spanHead; k++) spanHead = head[k];
                    boolean acronym = len == 1 && w.length() >= 2 && w.equals(w.toUpperCase(Locale.ROOT));
                    f.add("span", pos + lenB);
                    // the words just before and after the whole span ("di", "Pak", "mengatakan")
                    f.add("preSpan", a > 0 ? low[a - 1] : "<s>");
                    f.add("postSpan", z + 1 < n ? low[z + 1] : "</s>");
                    if (spanHead) {
                        f.add("spanOH", pos);
                        f.add("spanOH1", head[a] ? "first" : "later");
                    }
                    if (acronym) f.add("acr", a > 0 && head[a - 1] ? "afterHead" : "");
                    if (!orgHeads.isEmpty() && a > 0 && head[a - 1] && !head[a]) f.add("spanAfterHead", pos);
                }
                out[i] = f.toArray();
            }
            return out;
        }
    }
}
