package org.warta.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What identifies an article's content: a SHA-256 of its whitespace-normalised text (exact copies), and a
 * MinHash signature of its word 5-shingles (near copies: syndicated wire stories with another headline,
 * byline or chrome). Two signatures agree in a share of positions that estimates the Jaccard similarity of
 * the shingle sets; locality-sensitive bands of {@value #ROWS} positions find the candidates by index.
 */
final class Fingerprint {
    static final int HASHES = 64;
    static final int ROWS = 4;
    static final int SHINGLE = 5;
    /** Estimated Jaccard similarity from which an article counts as a copy of an earlier one. */
    static final double NEAR_DUPLICATE = 0.7;

    private static final long[] SEEDS = new long[HASHES];

    static {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            x = mix(x + 0x9E3779B97F4A7C15L);
            SEEDS[i] = x;
        }
    }

    private Fingerprint() {}

    static String contentHash(String text) {
        String norm = text.strip().replaceAll("\\s+", " ");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(norm.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fewest words a body needs to be compared: shorter texts (a failed extraction that kept only a site's
     * menu, a one-paragraph brief) share too much boilerplate with unrelated pages of the same site.
     */
    static final int MIN_WORDS = 60;

    /** Least Jaccard similarity of two titles' word sets for two pages of one site to count as copies. */
    static final double SAME_SITE_TITLE = 0.5;

    /**
     * Whether two articles with alike bodies may still be copies of each other, judged by where they come
     * from and their titles. Two pages of one site (the same host of their URL keys) whose titles differ are
     * two articles whose extraction kept the same site furniture (menus, footers, a cookie notice), not one
     * article twice: a site does not publish its own story again under another headline, while a wire
     * copy on another site may carry any headline. Without a host or a title on either side, the bodies decide.
     */
    static boolean mayBeCopies(String urlKeyA, String titleA, String urlKeyB, String titleB) {
        String ha = host(urlKeyA), hb = host(urlKeyB);
        if (ha == null || !ha.equals(hb)) return true;
        Set<String> ta = words(titleA), tb = words(titleB);
        if (ta.isEmpty() || tb.isEmpty()) return true;
        Set<String> both = new HashSet<>(ta);
        both.retainAll(tb);
        Set<String> any = new HashSet<>(ta);
        any.addAll(tb);
        return both.size() / (double) any.size() >= SAME_SITE_TITLE;
    }

    /** The host of a URL, lower-case, without a leading "www."; null when there is none. */
    static String host(String url) {
        if (url == null) return null;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(?i)https?://(?:[^@/?#]*@)?([^/?#:]+)").matcher(url.strip());
        if (!m.find()) return null;
        String h = m.group(1).toLowerCase(Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        if (text == null) return out;
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) if (!w.isEmpty()) out.add(w);
        return out;
    }

    /** The MinHash signature of an article's body (its text without the title line); null when too short to compare. */
    static long[] minhashBody(String text, String title) {
        String body = text;
        if (title != null && !title.isBlank() && body.startsWith(title)) body = body.substring(title.length());
        return minhash(body);
    }

    /** The MinHash signature of the text's word shingles; null for texts too short to compare. */
    static long[] minhash(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        List<String> w = new ArrayList<>(words.length);
        for (String s : words) if (!s.isEmpty()) w.add(s);
        if (w.size() < MIN_WORDS) return null;
        Set<Long> shingles = new HashSet<>();
        for (int i = 0; i + SHINGLE <= w.size(); i++) {
            shingles.add(hash64(String.join(" ", w.subList(i, i + SHINGLE))));
        }
        long[] sig = new long[HASHES];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        for (long s : shingles) {
            for (int i = 0; i < HASHES; i++) {
                long h = mix(s ^ SEEDS[i]);
                if (Long.compareUnsigned(h, sig[i]) < 0) sig[i] = h;
            }
        }
        return sig;
    }

    static double similarity(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) if (a[i] == b[i]) same++;
        return same / (double) HASHES;
    }

    /** The LSH band keys of a signature: band number and a hash of its rows. */
    static List<String> bands(long[] sig) {
        List<String> out = new ArrayList<>(HASHES / ROWS);
        for (int b = 0; b < HASHES / ROWS; b++) {
            long h = b;
            for (int r = 0; r < ROWS; r++) h = mix(h * 31 + sig[b * ROWS + r]);
            out.add(b + ":" + Long.toHexString(h));
        }
        return out;
    }

    static String encode(long[] sig) {
        if (sig == null) return null;
        StringBuilder sb = new StringBuilder(HASHES * 16);
        for (long v : sig) sb.append(String.format("%016x", v));
        return sb.toString();
    }

    static long[] decode(String s) {
        if (s == null || s.length() != HASHES * 16) return null;
        long[] sig = new long[HASHES];
        for (int i = 0; i < HASHES; i++) sig[i] = Long.parseUnsignedLong(s.substring(i * 16, i * 16 + 16), 16);
        return sig;
    }

    private static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
