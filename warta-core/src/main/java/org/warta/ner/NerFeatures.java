package org.warta.ner;

import java.util.Locale;
import org.warta.lang.Morphology;

/**
 * The observation features of the name tagger, hashed to 64-bit keys: the word and its lower-case form,
 * prefixes and suffixes, its shape, its root by the language's affix rules ({@link Morphology}), the words
 * and shapes around it, word pairs, and the knowledge-base labels ({@link GazetteerLabels}) of the word
 * and its neighbours, and the {@link WordClusters} of the word and its neighbours. Training and tagging call the same code, so a model and its features cannot drift.
 */
final class NerFeatures {
    private final Morphology morphology;
    private final java.util.List<WordClusters> clusters;
    private final java.util.Set<String> orgHeads;

    NerFeatures(Morphology morphology, java.util.List<WordClusters> clusters) {
        this(morphology, clusters, java.util.Set.of());
    }

    /**
     * @param orgHeads lower-case head words of organisation names ("kementerian", "partai", "rumah sakit";
     *     two-word heads hold a space), from the language pack ({@link NerTrainer#organisationHeads})
     */
    NerFeatures(Morphology morphology, java.util.List<WordClusters> clusters, java.util.Set<String> orgHeads) {
        this.morphology = morphology;
        this.clusters = java.util.List.copyOf(clusters);
        this.orgHeads = java.util.Set.copyOf(orgHeads);
    }

    /** Features of every token; {@code gaz} may hold nulls (no name there) or be all null (no KB). */
    long[][] extract(String[] words, String[] gaz) {
        return extract(words, gaz, false);
    }

    /**
     * With {@code caseless}, features that read capitalisation are left out: used for lower-cased
     * training text added to a model of cased text, whose words still teach it but whose shapes would not.
     */
    long[][] extract(String[] words, String[] gaz, boolean caseless) {
        int n = words.length;
        String[] low = new String[n];
        String[] shape = new String[n];
        for (int i = 0; i < n; i++) {
            low[i] = words[i].toLowerCase(Locale.ROOT);
            shape[i] = shape(words[i]);
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

    private static boolean capitalised(String w) {
        return !w.isEmpty() && Character.isUpperCase(w.charAt(0));
    }

    /** Word shape with runs collapsed: "Jakarta" → "Xx", "KPK" → "X", "2024" → "d", "Yong-hyun" → "Xx-x". */
    static String shape(String w) {
        StringBuilder sb = new StringBuilder();
        char last = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            char k = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd'
                    : Character.isLetter(c) ? 'x' : c;
            if (k != last) sb.append(k);
            last = k;
            if (sb.length() >= 6) break;
        }
        return sb.toString();
    }

    /** 64-bit FNV-1a of the template name and value. */
    static long hash(String template, String value) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < template.length(); i++) {
            h ^= template.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= 0x1f;
        h *= 0x100000001b3L;
        for (int i = 0; i < value.length(); i++) {
            h ^= value.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= (h >>> 31);
        return h;
    }

    private static final class Sink {
        long[] buf = new long[64];
        int size;

        void reset() { size = 0; }

        void add(String template, String value) {
            if (size == buf.length) buf = java.util.Arrays.copyOf(buf, size * 2);
            buf[size++] = hash(template, value);
        }

        long[] toArray() { return java.util.Arrays.copyOf(buf, size); }
    }
}
