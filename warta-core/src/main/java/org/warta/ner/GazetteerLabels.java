package org.warta.ner;

import org.warta.actor.Gazetteer;

/**
 * Knowledge-base names over a token sequence, as BIO labels of the name's kind ({@code B-COUNTRY},
 * {@code I-PERSON}, {@code B-OFFICE} …; null outside a name): the longest name starting at each token
 * that ends at a token end, left to right, without overlaps. The tagger uses them as features.
 */
public final class GazetteerLabels {
    private GazetteerLabels() {}

    /** The labels of each kind of name, by the kind's ordinal: built once, not per token. */
    private static final String[] BEGIN, INSIDE;
    static {
        org.warta.kb.KnowledgeBase.NameKind[] kinds = org.warta.kb.KnowledgeBase.NameKind.values();
        BEGIN = new String[kinds.length];
        INSIDE = new String[kinds.length];
        for (org.warta.kb.KnowledgeBase.NameKind k : kinds) {
            BEGIN[k.ordinal()] = "B-" + k.name();
            INSIDE[k.ordinal()] = "I-" + k.name();
        }
    }

    /** Labels for tokens given as words only: they are joined with single spaces. */
    public static String[] of(String[] words, Gazetteer gazetteer, boolean lowercaseText) {
        StringBuilder sb = new StringBuilder();
        int[] starts = new int[words.length];
        int[] ends = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            if (i > 0) sb.append(' ');
            starts[i] = sb.length();
            sb.append(words[i]);
            ends[i] = sb.length();
        }
        return of(sb.toString(), starts, ends, gazetteer, lowercaseText);
    }

    /** Labels for tokens at the given char offsets of {@code text}. */
    public static String[] of(String text, int[] starts, int[] ends, Gazetteer gazetteer, boolean lowercaseText) {
        if (gazetteer == null) return new String[starts.length];
        return of(text, starts, ends, i -> gazetteer.at(text, starts[i], lowercaseText));
    }

    /**
     * Labels for tokens at the given char offsets of {@code text}, with {@code at.apply(i)} giving the
     * names that match at token {@code i} (what {@link Gazetteer#at} gives at its start): for a caller
     * that has looked them up already.
     */
    public static String[] of(String text, int[] starts, int[] ends, java.util.function.IntFunction<java.util.List<Gazetteer.Match>> at) {
        String[] out = new String[starts.length];
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] >= ends[i] || !Character.isLetterOrDigit(text.charAt(starts[i]))) continue;
            int bestEnd = -1;
            int kind = -1;
            for (Gazetteer.Match m : at.apply(i)) {
                int last = tokenEndingAt(ends, i, m.end());
                if (last < 0) continue;
                if (m.end() > bestEnd) {
                    bestEnd = m.end();
                    kind = m.name().kind().ordinal();
                }
            }
            if (kind < 0) continue;
            int last = tokenEndingAt(ends, i, bestEnd);
            out[i] = BEGIN[kind];
            for (int k = i + 1; k <= last; k++) out[k] = INSIDE[kind];
            i = last;
        }
        return out;
    }

    private static int tokenEndingAt(int[] ends, int from, int end) {
        for (int k = from; k < ends.length && ends[k] <= end; k++) if (ends[k] == end) return k;
        return -1;
    }
}
