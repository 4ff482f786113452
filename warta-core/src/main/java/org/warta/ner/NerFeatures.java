package org.warta.ner;

import java.util.Arrays;
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
    private final java.util.Set<String> headFirstWords; // what comes before a space in a head ("rumah")
    private final long[][] clusterTemplates; // per word-class set: c<k>, c<k>-1, c<k>+1, c<k>-1+1
    private final long[][] boundary; // the keys of a sentence boundary in the neighbour roles
    private final java.util.concurrent.ConcurrentHashMap<String, Word> cache = new java.util.concurrent.ConcurrentHashMap<>();

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
        java.util.Set<String> firsts = new java.util.HashSet<>();
        for (String h : this.orgHeads)
            for (int sp = h.indexOf(' '); sp >= 0; sp = h.indexOf(' ', sp + 1)) firsts.add(h.substring(0, sp));
        this.headFirstWords = java.util.Set.copyOf(firsts);
        this.clusterTemplates = new long[this.clusters.size()][];
        for (int c = 0; c < clusterTemplates.length; c++) {
            String k = "c" + this.clusters.get(c).classes();
            clusterTemplates[c] = new long[] {start(k), start(k + "-1"), start(k + "+1"), start(k + "-1+1")};
        }
        int[] none = new int[this.clusters.size()];
        Arrays.fill(none, -2);
        this.boundary = new long[ROLES][];
        boundary[OWN] = new long[0];
        boundary[PREV] = neighbour(hash("w-1", "<s>"), 0, 1, none);
        boundary[PREV2] = new long[] {hash("w-2", "<s>")};
        boundary[NEXT] = neighbour(hash("w+1", "</s>"), 0, 2, none);
        boundary[NEXT2] = new long[] {hash("w+2", "</s>")};
    }

    Morphology morphology() { return morphology; }

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
        Sink f = new Sink();
        int[] ends = new int[n];
        extract(words, gaz, caseless, f, ends, null);
        long[][] out = new long[n][];
        for (int i = 0; i < n; i++) out[i] = Arrays.copyOfRange(f.buf, i == 0 ? 0 : ends[i - 1], ends[i]);
        return out;
    }

    /**
     * Features of every token in one flat array: token {@code i}'s keys are {@code keys[ends[i-1]..ends[i])}
     * ({@code ends[-1]} = 0), in the order {@link #extract(String[], String[])} gives them.
     */
    record Flat(long[] keys, int[] ends) {}

    Flat extractFlat(String[] words, String[] gaz) {
        Sink f = new Sink();
        int[] ends = new int[words.length];
        extract(words, gaz, false, f, ends, null);
        return new Flat(f.buf, ends);
    }

    /**
     * The features of every token that depend on more than one word ({@link #extractFlat} without the
     * word parts), and the words: each word's own features and those it gives its neighbours are
     * {@link Word#parts}, which a tagger sums once per distinct word.
     */
    record Context(Word[] words, long[] keys, int[] ends) {}

    Context extractContext(String[] words, String[] gaz) {
        Sink f = new Sink();
        int[] ends = new int[words.length];
        Word[] ws = new Word[words.length];
        extract(words, gaz, false, f, ends, ws);
        return new Context(ws, f.buf, ends);
    }

    /**
     * The features a word gives by itself, whatever its context: {@link #OWN} (as the token), {@link #PREV},
     * {@link #PREV2}, {@link #NEXT}, {@link #NEXT2} (as the word one or two before or after the token);
     * {@code parts[role]} are the keys (cased text).
     */
    static final int OWN = 0, PREV = 1, PREV2 = 2, NEXT = 3, NEXT2 = 4, ROLES = 5;

    /** The keys a sentence boundary gives in the neighbour roles ({@code [PREV]} … {@code [NEXT2]}; {@code [OWN]} empty). */
    long[][] boundaryParts() { return boundary; }

    private void extract(String[] words, String[] gaz, boolean caseless, Sink f, int[] ends, Word[] contextOnly) {
        int n = words.length;
        Word[] ws = contextOnly != null ? contextOnly : new Word[n];
        String[] low = new String[n];
        for (int i = 0; i < n; i++) {
            ws[i] = word(words[i]);
            low[i] = ws[i].low;
        }
        // organisation head words (a two-word head marks both words), and capitalised spans
        boolean[] head = new boolean[n];
        if (!orgHeads.isEmpty())
            for (int i = 0; i < n; i++) {
                if (ws[i].head) head[i] = true;
                if (i + 1 < n && ws[i].headFirst && orgHeads.contains(low[i] + " " + low[i + 1])) head[i] = head[i + 1] = true;
            }
        int[] spanStart = new int[n];
        int[] spanEnd = new int[n];
        for (int i = 0; i < n; ) {
            int j = i;
            if (!caseless && ws[i].cap) while (j + 1 < n && ws[j + 1].cap) j++;
            for (int k = i; k <= j; k++) {
                spanStart[k] = i;
                spanEnd[k] = j;
            }
            i = j + 1;
        }
        int nc = clusters.size();
        for (int i = 0; i < n; i++) {
            Word x = ws[i];
            String lw = x.low;
            Word pw = i > 0 ? ws[i - 1] : null;
            Word ppw = i > 1 ? ws[i - 2] : null;
            Word nw = i + 1 < n ? ws[i + 1] : null;
            Word nnw = i + 2 < n ? ws[i + 2] : null;
            if (contextOnly == null) {
                if (caseless) for (long h : x.ownCaseless) f.add(h);
                else for (long h : x.parts[OWN]) f.add(h);
                for (long h : pw != null ? pw.parts[PREV] : boundary[PREV]) f.add(h);
                for (long h : ppw != null ? ppw.parts[PREV2] : boundary[PREV2]) f.add(h);
                for (long h : nw != null ? nw.parts[NEXT] : boundary[NEXT]) f.add(h);
                for (long h : nnw != null ? nnw.parts[NEXT2] : boundary[NEXT2]) f.add(h);
            }
            if (i == 0 && !caseless) f.add(x.first);
            String pws = pw != null ? pw.low : "<s>";
            String ppws = ppw != null ? ppw.low : "<s>";
            String nws = nw != null ? nw.low : "</s>";
            String nnws = nnw != null ? nnw.low : "</s>";
            String ps = pw != null ? pw.shape : "<s>";
            String ns = nw != null ? nw.shape : "</s>";
            f.add(fin(add(add(add(T_WM1W, pws), ' '), lw)));
            f.add(fin(add(add(add(T_WWP1, lw), ' '), nws)));
            f.add(fin(add(add(add(T_WM2M1, ppws), ' '), pws)));
            f.add(fin(add(add(add(T_WP1P2, nws), ' '), nnws)));
            if (!caseless) {
                f.add(fin(add(T_SHM1, ps)));
                f.add(fin(add(T_SHP1, ns)));
                f.add(fin(add(add(add(add(add(T_SHM1SHP1, ps), ' '), x.shape), ' '), ns)));
            }
            for (int ci = 0; ci < nc; ci++) {
                long[] t = clusterTemplates[ci];
                int c = x.cls[ci];
                int pc = pw != null ? pw.cls[ci] : -2;
                int ncl = nw != null ? nw.cls[ci] : -2;
                f.add(fin(addInt(add(addInt(add(addInt(t[3], pc), ' '), c), ' '), ncl)));
            }
            String g = gaz[i];
            String pg = i > 0 ? gaz[i - 1] : null;
            String ng = i + 1 < n ? gaz[i + 1] : null;
            if (g != null) {
                f.add(fin(add(T_G, g)));
                if (!caseless) f.add(fin(add(add(add(T_GSH, g), ' '), x.shape)));
                f.add(fin(add(add(add(T_GW, g), ' '), lw)));
            }
            if (pg != null) f.add(fin(add(T_GM1, pg)));
            if (ng != null) f.add(fin(add(T_GP1, ng)));
            if (i > 1 && gaz[i - 2] != null) f.add(fin(add(T_GM2, gaz[i - 2])));
            if (i + 2 < n && gaz[i + 2] != null) f.add(fin(add(T_GP2, gaz[i + 2])));
            if (!orgHeads.isEmpty()) {
                if (head[i]) f.add(H_OH);
                // distance to the nearest head word on the left (up to 4 words) and on the right (up to 2)
                for (int d = 1; d <= 4 && i - d >= 0; d++)
                    if (head[i - d]) {
                        f.add(H_OHL[d]);
                        break;
                    }
                for (int d = 1; d <= 2 && i + d < n; d++)
                    if (head[i + d]) {
                        f.add(H_OHR[d]);
                        break;
                    }
            }
            if (!caseless && x.cap) {
                int a = spanStart[i];
                int z = spanEnd[i];
                int len = z - a + 1;
                String pos = a == z ? "U" : i == a ? "B" : i == z ? "E" : "I";
                String lenB = len >= 4 ? "4+" : LEN_DIGITS[len];
                boolean spanHead = false;
                for (int k = a; k <= z && !spanHead; k++) spanHead = head[k];
                boolean acronym = len == 1 && x.upper;
                f.add(fin(add(add(T_SPAN, pos), lenB)));
                // the words just before and after the whole span ("di", "Pak", "mengatakan")
                f.add(fin(add(T_PRESPAN, a > 0 ? low[a - 1] : "<s>")));
                f.add(fin(add(T_POSTSPAN, z + 1 < n ? low[z + 1] : "</s>")));
                if (spanHead) {
                    f.add(fin(add(T_SPANOH, pos)));
                    f.add(head[a] ? H_SPANOH1_FIRST : H_SPANOH1_LATER);
                }
                if (acronym) f.add(a > 0 && head[a - 1] ? H_ACR_AFTER : H_ACR);
                if (!orgHeads.isEmpty() && a > 0 && head[a - 1] && !head[a]) f.add(fin(add(T_SPANAFTERHEAD, pos)));
            }
            ends[i] = f.size;
        }
    }

    private static final String[] LEN_DIGITS = {"0", "1", "2", "3"};

    // FNV-1a states after each template name and the separator, so that a feature's hash is the template's
    // state continued over the value's characters: the same 64-bit keys as hash(template, value), no strings
    private static final long T_WM1W = start("w-1w"), T_WWP1 = start("ww+1"), T_WM2M1 = start("w-2-1"),
            T_WP1P2 = start("w+1+2"), T_SHM1 = start("sh-1"), T_SHP1 = start("sh+1"), T_SHM1SHP1 = start("sh-1sh+1"),
            T_G = start("g"), T_GSH = start("gsh"), T_GW = start("gw"), T_GM1 = start("g-1"), T_GP1 = start("g+1"),
            T_GM2 = start("g-2"), T_GP2 = start("g+2"), T_SPAN = start("span"), T_PRESPAN = start("preSpan"),
            T_POSTSPAN = start("postSpan"), T_SPANOH = start("spanOH"), T_SPANAFTERHEAD = start("spanAfterHead");
    private static final long H_OH = hash("oh", ""),
            H_SPANOH1_FIRST = hash("spanOH1", "first"), H_SPANOH1_LATER = hash("spanOH1", "later"),
            H_ACR_AFTER = hash("acr", "afterHead"), H_ACR = hash("acr", "");
    private static final long[] H_OHL = {0, hash("ohL", "1"), hash("ohL", "2"), hash("ohL", "3"), hash("ohL", "4")};
    private static final long[] H_OHR = {0, hash("ohR", "1"), hash("ohR", "2")};
    private static final String[] LEN_CLASS = {"s", "m", "l"};

    /** What the features need of one word alone, computed once per distinct word (see {@link #word}). */
    static final class Word {
        final String word;
        final String low;
        final String shape;
        final boolean cap;
        final boolean upper;
        final boolean head;
        final boolean headFirst;
        final int[] cls;
        final long first;
        /** Keys by role ({@link #OWN} … {@link #NEXT2}); {@code ownCaseless}: the own keys without those that read case. */
        final long[][] parts;
        final long[] ownCaseless;
        /** Set by a tagger: the summed weights of {@link #parts} (one model's; its own cache of words). */
        volatile float[] emit;

        Word(String w, NerFeatures nf) {
            word = w;
            low = w.toLowerCase(Locale.ROOT);
            shape = shape(w);
            cap = capitalised(w);
            upper = w.length() >= 2 && w.equals(w.toUpperCase(Locale.ROOT));
            head = nf.orgHeads.contains(low);
            headFirst = nf.headFirstWords.contains(low);
            int nc = nf.clusters.size();
            cls = new int[nc];
            for (int c = 0; c < nc; c++) cls[c] = nf.clusters.get(c).of(low);
            long[] o = new long[16 + nc];
            int k = 0;
            o[k++] = hash("b", "");
            o[k++] = hash("w", low);
            if (!w.equals(low)) o[k++] = hash("W", w);
            for (int j = 1; j <= 4 && j < low.length(); j++) {
                o[k++] = hash(PREFIX[j], low.substring(0, j));
                o[k++] = hash(SUFFIX[j], low.substring(low.length() - j));
            }
            o[k++] = hash("len", LEN_CLASS[low.length() <= 2 ? 0 : low.length() <= 5 ? 1 : 2]);
            if (nf.morphology != null && low.length() > 4 && Character.isLetter(low.charAt(0))) {
                String r = nf.morphology.root(low);
                if (!r.equals(low)) o[k++] = hash("r", r);
            }
            for (int c = 0; c < nc; c++) o[k++] = fin(addInt(nf.clusterTemplates[c][0], cls[c]));
            ownCaseless = Arrays.copyOf(o, k);
            o[k++] = hash("sh", shape);
            parts = new long[ROLES][];
            parts[OWN] = Arrays.copyOf(o, k);
            first = hash("first", shape);
            String s3 = low.length() > 3 ? low.substring(low.length() - 3) : null;
            parts[PREV] = nf.neighbour(hash("w-1", low), s3 == null ? 0 : hash("s3-1", s3), 1, cls);
            parts[PREV2] = new long[] {hash("w-2", low)};
            parts[NEXT] = nf.neighbour(hash("w+1", low), s3 == null ? 0 : hash("s3+1", s3), 2, cls);
            parts[NEXT2] = new long[] {hash("w+2", low)};
        }
    }

    /** A neighbour's keys: its word, its last three letters (0: none) and its class in each word-class set ({@code -2}: none). */
    private long[] neighbour(long word, long s3, int template, int[] cls) {
        long[] out = new long[2 + cls.length];
        int k = 0;
        out[k++] = word;
        if (s3 != 0) out[k++] = s3;
        for (int c = 0; c < cls.length; c++) out[k++] = fin(addInt(clusterTemplates[c][template], cls[c]));
        return Arrays.copyOf(out, k);
    }

    private static final String[] PREFIX = {"p0", "p1", "p2", "p3", "p4"};
    private static final String[] SUFFIX = {"s0", "s1", "s2", "s3", "s4"};
    /** Bound on the per-word cache; past it the cache starts again (news vocabulary is large but Zipfian). */
    private static final int CACHE_LIMIT = 200_000;

    Word word(String w) {
        Word x = cache.get(w);
        if (x == null) {
            x = new Word(w, this);
            if (cache.size() >= CACHE_LIMIT) cache.clear();
            cache.put(w, x);
        }
        return x;
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
        return fin(add(start(template), value));
    }

    /** FNV-1a state after the template name and the separator. */
    static long start(String template) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < template.length(); i++) {
            h ^= template.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= 0x1f;
        h *= 0x100000001b3L;
        return h;
    }

    private static long add(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long add(long h, char c) {
        h ^= c;
        h *= 0x100000001b3L;
        return h;
    }

    /** Continues the hash over the decimal digits of {@code v}, as {@link Integer#toString(int)} writes them. */
    private static long addInt(long h, int v) {
        if (v < 0) {
            h = add(h, '-');
            v = -v;
        }
        if (v >= 10) h = addInt(h, v / 10);
        return add(h, (char) ('0' + v % 10));
    }

    private static long fin(long h) {
        return h ^ (h >>> 31);
    }

    private static final class Sink {
        long[] buf = new long[256];
        int size;

        void add(long h) {
            if (size == buf.length) buf = java.util.Arrays.copyOf(buf, size * 2);
            buf[size++] = h;
        }
    }
}
