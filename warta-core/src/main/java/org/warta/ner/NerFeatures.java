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
    private final long[][] boundaryCaseless; // the same without the keys that read case
    private final long[] boundaryClusterState; // per word-class set: the trigram template's state after "-2 "
    /** Per knowledge-base label: its keys and hash states (see {@link Label}); labels are few, so this stays small. */
    private final java.util.concurrent.ConcurrentHashMap<String, Label> labels = new java.util.concurrent.ConcurrentHashMap<>();
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
        this.boundaryCaseless = new long[ROLES][];
        boundaryCaseless[OWN] = new long[0];
        boundaryCaseless[PREV] = neighbour(hash("w-1", "<s>"), 0, 1, none);
        boundaryCaseless[PREV2] = new long[] {hash("w-2", "<s>")};
        boundaryCaseless[NEXT] = neighbour(hash("w+1", "</s>"), 0, 2, none);
        boundaryCaseless[NEXT2] = new long[] {hash("w+2", "</s>")};
        this.boundary = boundaryCaseless.clone();
        boundary[PREV] = append(boundaryCaseless[PREV], hash("sh-1", "<s>"));
        boundary[NEXT] = append(boundaryCaseless[NEXT], hash("sh+1", "</s>"));
        this.boundaryClusterState = new long[clusterTemplates.length];
        for (int c = 0; c < clusterTemplates.length; c++) boundaryClusterState[c] = add(addInt(clusterTemplates[c][3], -2), ' ');
    }

    private static long[] append(long[] a, long k) {
        long[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = k;
        return out;
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
        for (int i = 0; i < n; i++) ws[i] = word(words[i]);
        // organisation head words (a two-word head marks both words), and capitalised spans
        boolean[] head = new boolean[n];
        if (!orgHeads.isEmpty())
            for (int i = 0; i < n; i++) {
                if (ws[i].head) head[i] = true;
                if (i + 1 < n && ws[i].headFirst && orgHeads.contains(ws[i].low + " " + ws[i + 1].low)) head[i] = head[i + 1] = true;
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
        Label[] lab = new Label[n];
        for (int i = 0; i < n; i++) if (gaz[i] != null) lab[i] = label(gaz[i]);
        long[][] bound = caseless ? boundaryCaseless : boundary;
        int nc = clusters.size();
        for (int i = 0; i < n; i++) {
            Word x = ws[i];
            String lw = x.low;
            Word pw = i > 0 ? ws[i - 1] : null;
            Word ppw = i > 1 ? ws[i - 2] : null;
            Word nw = i + 1 < n ? ws[i + 1] : null;
            Word nnw = i + 2 < n ? ws[i + 2] : null;
            if (contextOnly == null) {
                for (long h : caseless ? x.caselessParts[OWN] : x.parts[OWN]) f.add(h);
                for (long h : pw != null ? (caseless ? pw.caselessParts : pw.parts)[PREV] : bound[PREV]) f.add(h);
                for (long h : ppw != null ? ppw.parts[PREV2] : bound[PREV2]) f.add(h);
                for (long h : nw != null ? (caseless ? nw.caselessParts : nw.parts)[NEXT] : bound[NEXT]) f.add(h);
                for (long h : nnw != null ? nnw.parts[NEXT2] : bound[NEXT2]) f.add(h);
            }
            if (i == 0 && !caseless) f.add(x.first);
            // word pairs: the first word's hash state (template, word, separator) is kept with the word
            f.add(fin(add(pw != null ? pw.sWM1W : S_WM1W_START, lw)));
            f.add(fin(add(x.sWWP1, nw != null ? nw.low : "</s>")));
            f.add(fin(add(ppw != null ? ppw.sWM2M1 : S_WM2M1_START, pw != null ? pw.low : "<s>")));
            f.add(nw != null ? fin(add(nw.sWP1P2, nnw != null ? nnw.low : "</s>")) : H_WP1P2_END);
            if (!caseless)
                f.add(fin(add(add(add(pw != null ? pw.sShapes : S_SHAPES_START, x.shape), ' '), nw != null ? nw.shape : "</s>")));
            for (int ci = 0; ci < nc; ci++) {
                long st = pw != null ? pw.sClusters[ci] : boundaryClusterState[ci];
                int ncl = nw != null ? nw.cls[ci] : -2;
                f.add(fin(addInt(add(addInt(st, x.cls[ci]), ' '), ncl)));
            }
            Label g = lab[i];
            if (g != null) {
                f.add(g.g);
                if (!caseless) f.add(fin(add(g.sGsh, x.shape)));
                f.add(fin(add(g.sGw, lw)));
            }
            if (i > 0 && lab[i - 1] != null) f.add(lab[i - 1].gm1);
            if (i + 1 < n && lab[i + 1] != null) f.add(lab[i + 1].gp1);
            if (i > 1 && lab[i - 2] != null) f.add(lab[i - 2].gm2);
            if (i + 2 < n && lab[i + 2] != null) f.add(lab[i + 2].gp2);
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
                int len = Math.min(z - a + 1, 4);
                int pos = a == z ? 0 : i == a ? 1 : i == z ? 2 : 3;
                boolean spanHead = false;
                for (int k = a; k <= z && !spanHead; k++) spanHead = head[k];
                boolean acronym = a == z && x.upper;
                f.add(H_SPAN[pos][len]);
                // the words just before and after the whole span ("di", "Pak", "mengatakan")
                f.add(a > 0 ? ws[a - 1].preSpan : H_PRESPAN_START);
                f.add(z + 1 < n ? ws[z + 1].postSpan : H_POSTSPAN_END);
                if (spanHead) {
                    f.add(H_SPANOH[pos]);
                    f.add(head[a] ? H_SPANOH1_FIRST : H_SPANOH1_LATER);
                }
                if (acronym) f.add(a > 0 && head[a - 1] ? H_ACR_AFTER : H_ACR);
                if (!orgHeads.isEmpty() && a > 0 && head[a - 1] && !head[a]) f.add(H_SPANAFTERHEAD[pos]);
            }
            ends[i] = f.size;
        }
    }

    /** A knowledge-base label's keys alone and in the neighbour roles, and its hash states for the pairs it starts. */
    private static final class Label {
        final long g, gm1, gp1, gm2, gp2, sGsh, sGw;

        Label(String label) {
            g = fin(add(T_G, label));
            gm1 = fin(add(T_GM1, label));
            gp1 = fin(add(T_GP1, label));
            gm2 = fin(add(T_GM2, label));
            gp2 = fin(add(T_GP2, label));
            sGsh = add(add(T_GSH, label), ' ');
            sGw = add(add(T_GW, label), ' ');
        }
    }

    private Label label(String g) {
        Label l = labels.get(g);
        if (l == null) {
            l = new Label(g);
            if (labels.size() < 10_000) labels.put(g, l); // labels are a handful of kinds; bounded all the same
        }
        return l;
    }

    // FNV-1a states after each template name and the separator, so that a feature's hash is the template's
    // state continued over the value's characters: the same 64-bit keys as hash(template, value), no strings.
    // A pair's state after its first value (and the space between) is kept with the first word (Word) or
    // label (Label), so that each token hashes only the second value's characters.
    private static final long T_WM1W = start("w-1w"), T_WWP1 = start("ww+1"), T_WM2M1 = start("w-2-1"),
            T_WP1P2 = start("w+1+2"), T_SHM1SHP1 = start("sh-1sh+1"),
            T_G = start("g"), T_GSH = start("gsh"), T_GW = start("gw"), T_GM1 = start("g-1"), T_GP1 = start("g+1"),
            T_GM2 = start("g-2"), T_GP2 = start("g+2"), T_SPAN = start("span"), T_PRESPAN = start("preSpan"),
            T_POSTSPAN = start("postSpan"), T_SPANOH = start("spanOH"), T_SPANAFTERHEAD = start("spanAfterHead");
    private static final long H_OH = hash("oh", ""),
            H_SPANOH1_FIRST = hash("spanOH1", "first"), H_SPANOH1_LATER = hash("spanOH1", "later"),
            H_ACR_AFTER = hash("acr", "afterHead"), H_ACR = hash("acr", "");
    private static final long[] H_OHL = {0, hash("ohL", "1"), hash("ohL", "2"), hash("ohL", "3"), hash("ohL", "4")};
    private static final long[] H_OHR = {0, hash("ohR", "1"), hash("ohR", "2")};
    private static final String[] LEN_CLASS = {"s", "m", "l"};
    /** The pair states and keys of the sentence boundary. */
    private static final long S_WM1W_START = add(add(T_WM1W, "<s>"), ' '), S_WM2M1_START = add(add(T_WM2M1, "<s>"), ' '),
            H_WP1P2_END = fin(add(add(add(T_WP1P2, "</s>"), ' '), "</s>")), S_SHAPES_START = add(add(T_SHM1SHP1, "<s>"), ' '),
            H_PRESPAN_START = fin(add(T_PRESPAN, "<s>")), H_POSTSPAN_END = fin(add(T_POSTSPAN, "</s>"));
    /** The span keys by position (U, B, E, I) and length (1, 2, 3, 4 or more; index 0 unused). */
    private static final long[][] H_SPAN = new long[4][5];
    private static final long[] H_SPANOH = new long[4], H_SPANAFTERHEAD = new long[4];
    static {
        String[] positions = {"U", "B", "E", "I"};
        String[] lengths = {"0", "1", "2", "3", "4+"};
        for (int p = 0; p < 4; p++) {
            for (int l = 1; l <= 4; l++) H_SPAN[p][l] = fin(add(add(T_SPAN, positions[p]), lengths[l]));
            H_SPANOH[p] = fin(add(T_SPANOH, positions[p]));
            H_SPANAFTERHEAD[p] = fin(add(T_SPANAFTERHEAD, positions[p]));
        }
    }

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
        /** Keys by role ({@link #OWN} … {@link #NEXT2}); {@code caselessParts}: the same without the keys that read case. */
        final long[][] parts;
        final long[][] caselessParts;
        /** Hash states of the pairs this word starts (see {@link NerFeatures#extract}): template, word, space. */
        final long sWM1W, sWWP1, sWM2M1, sWP1P2, sShapes;
        /** Per word-class set: the class-trigram state with this word's class first. */
        final long[] sClusters;
        /** The keys of this word just before and just after a capitalised span. */
        final long preSpan, postSpan;
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
            caselessParts = new long[ROLES][];
            caselessParts[OWN] = Arrays.copyOf(o, k);
            first = hash("first", shape);
            String s3 = low.length() > 3 ? low.substring(low.length() - 3) : null;
            caselessParts[PREV] = nf.neighbour(hash("w-1", low), s3 == null ? 0 : hash("s3-1", s3), 1, cls);
            caselessParts[PREV2] = new long[] {hash("w-2", low)};
            caselessParts[NEXT] = nf.neighbour(hash("w+1", low), s3 == null ? 0 : hash("s3+1", s3), 2, cls);
            caselessParts[NEXT2] = new long[] {hash("w+2", low)};
            // with case: the shape as the token's own, and as the word before or after it
            parts = caselessParts.clone();
            parts[OWN] = append(caselessParts[OWN], hash("sh", shape));
            parts[PREV] = append(caselessParts[PREV], hash("sh-1", shape));
            parts[NEXT] = append(caselessParts[NEXT], hash("sh+1", shape));
            sWM1W = add(add(T_WM1W, low), ' ');
            sWWP1 = add(add(T_WWP1, low), ' ');
            sWM2M1 = add(add(T_WM2M1, low), ' ');
            sWP1P2 = add(add(T_WP1P2, low), ' ');
            sShapes = add(add(T_SHM1SHP1, shape), ' ');
            sClusters = new long[nc];
            for (int c = 0; c < nc; c++) sClusters[c] = add(addInt(nf.clusterTemplates[c][3], cls[c]), ' ');
            preSpan = fin(add(T_PRESPAN, low));
            postSpan = fin(add(T_POSTSPAN, low));
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
