package org.warta.actor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.warta.kb.KnowledgeBase;
import org.warta.kb.KnowledgeBase.Name;
import org.warta.text.Chars;

/**
 * Longest-match lookup of knowledge-base names in text. Names are compared on characters, not on
 * tokens, so the tokenizer's choices ("U.S.", "Yong-hyun") do not matter; a match must start at a word
 * start and end at a word end. All-caps abbreviations match case-sensitively; other names ignore case
 * but, when written capitalised, need a capital in the text (unless the whole text is lower case).
 *
 * <p>Names are indexed by their first word in lower case, in an open-addressing table probed straight
 * from the text's chars (a word of ASCII letters and digits needs no string; other words are lower-cased
 * as strings, exactly as the keys were). Under each first word the names form a trie of their case-folded
 * chars, so the text is read once along the names it could start instead of once per name; the few names
 * the trie reaches are then checked as before.
 */
public final class Gazetteer {
    /** A name found in the text. */
    public record Match(int start, int end, Name name) {}

    /**
     * First words (lower case) and their names' tries: an open-addressing table of power-of-two size, at most
     * half full, whose slots hold the key's hash (high half) and its index in {@link #keys} plus one (low half;
     * 0 for an empty slot), so that a miss reads one array.
     */
    private final long[] slots;
    private final String[] keys;
    private final Entry[] entries;
    private final int mask;

    /** The names of one first word, longest first, and their trie. */
    private static final class Entry {
        final Name[] names;
        final Node root = new Node();
        /** Indexes of names the trie cannot hold (a surrogate char): always checked. */
        int[] unindexed = new int[0];

        Entry(Name[] names) {
            this.names = names;
            for (int i = 0; i < names.length; i++) {
                String s = names[i].text();
                boolean surrogate = false;
                for (int k = 0; k < s.length() && !surrogate; k++) surrogate = Character.isSurrogate(s.charAt(k));
                if (surrogate) {
                    unindexed = Arrays.copyOf(unindexed, unindexed.length + 1);
                    unindexed[unindexed.length - 1] = i;
                    continue;
                }
                Node n = root;
                for (int k = 0; k < s.length(); k++) n = n.child(Chars.fold(s.charAt(k)), true);
                n.ends = Arrays.copyOf(n.ends, n.ends.length + 1);
                n.ends[n.ends.length - 1] = i;
            }
        }
    }

    /** A trie node: children by folded char, and the names (indexes) that end here. */
    private static final class Node {
        char[] labels = new char[0];
        Node[] kids = new Node[0];
        int[] ends = new int[0];

        Node child(char c, boolean create) {
            for (int i = 0; i < labels.length; i++) if (labels[i] == c) return kids[i];
            if (!create) return null;
            labels = Arrays.copyOf(labels, labels.length + 1);
            kids = Arrays.copyOf(kids, kids.length + 1);
            labels[labels.length - 1] = c;
            return kids[kids.length - 1] = new Node();
        }
    }

    public Gazetteer(List<Name> names) {
        Map<String, List<Name>> byFirstWord = new HashMap<>();
        for (Name n : names) {
            String key = firstWord(n.text());
            if (key.isEmpty()) continue;
            byFirstWord.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
        }
        int size = Integer.highestOneBit(Math.max(16, byFirstWord.size() * 2 + 1)) << 1;
        slots = new long[size];
        keys = new String[byFirstWord.size()];
        entries = new Entry[byFirstWord.size()];
        mask = size - 1;
        int index = 0;
        for (Map.Entry<String, List<Name>> e : byFirstWord.entrySet()) {
            List<Name> l = e.getValue();
            l.sort(Comparator.comparingInt((Name n) -> -n.text().length()));
            int h = e.getKey().hashCode();
            int slot = mix(h) & mask;
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            keys[index] = e.getKey();
            entries[index] = new Entry(l.toArray(new Name[0]));
            slots[slot] = ((long) h << 32) | (index + 1);
            index++;
        }
    }

    public static Gazetteer of(KnowledgeBase kb) {
        return new Gazetteer(kb.names());
    }

    static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && !Character.isLetterOrDigit(s.charAt(i))) i++;
        int j = i;
        while (j < s.length() && Character.isLetterOrDigit(s.charAt(j))) j++;
        return s.substring(i, j).toLowerCase(Locale.ROOT);
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    /** The entry whose first word is text[pos, end) in lower case, or null. */
    private Entry entry(String text, int pos, int end, boolean ascii, int hash) {
        String key = null;
        if (!ascii) {
            key = text.substring(pos, end).toLowerCase(Locale.ROOT);
            hash = key.hashCode();
        }
        int len = end - pos;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            long v = slots[slot];
            if (v == 0) return null;
            if ((int) (v >>> 32) != hash) continue;
            int index = (int) v - 1;
            String k = keys[index];
            if (key != null) {
                if (k.equals(key)) return entries[index];
                continue;
            }
            if (k.length() != len) continue;
            boolean same = true;
            for (int q = 0; q < len && same; q++) same = k.charAt(q) == asciiLower(text.charAt(pos + q));
            if (same) return entries[index];
        }
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** All names (longest per kind first) that match at the word starting at {@code pos}. */
    public List<Match> at(String text, int pos, boolean lowercaseText) {
        if (pos > 0 && Character.isLetterOrDigit(text.charAt(pos - 1))) return List.of();
        int n = text.length();
        int j = pos;
        int hash = 0;
        boolean ascii = true;
        while (j < n) {
            char c = text.charAt(j);
            if (c < 128) {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) break;
                hash = 31 * hash + asciiLower(c);
            } else {
                if (!Character.isLetterOrDigit(c)) break;
                ascii = false;
            }
            j++;
        }
        Entry e = entry(text, pos, j, ascii, hash);
        if (e == null) return List.of();
        // the names whose folded chars the text has from pos on (a superset of those that match below)
        int[] reached = e.unindexed;
        int count = reached.length;
        if (count > 0) reached = reached.clone();
        Node node = e.root;
        for (int p = pos; p < n; p++) {
            node = node.child(Chars.fold(text.charAt(p)), false);
            if (node == null) break;
            if (node.ends.length > 0) {
                if (count + node.ends.length > reached.length) reached = Arrays.copyOf(reached, Math.max(4, (count + node.ends.length) * 2));
                System.arraycopy(node.ends, 0, reached, count, node.ends.length);
                count += node.ends.length;
            }
        }
        if (count == 0) return List.of();
        if (count > 1) Arrays.sort(reached, 0, count); // the order of the names: longest first
        List<Match> out = null;
        for (int r = 0; r < count; r++) {
            Name nm = e.names[reached[r]];
            String s = nm.text();
            if (pos + s.length() > n) continue;
            if (!text.regionMatches(!nm.caseSensitive(), pos, s, 0, s.length())) continue;
            int end = pos + s.length();
            if (end < n && Character.isLetterOrDigit(text.charAt(end))
                    && Character.isLetterOrDigit(s.charAt(s.length() - 1))) continue;
            if (!nm.caseSensitive() && !lowercaseText && Character.isUpperCase(s.charAt(0))
                    && !Character.isUpperCase(text.charAt(pos))) continue;
            if (out == null) out = new ArrayList<>(2);
            out.add(new Match(pos, end, nm));
        }
        return out == null ? List.of() : out;
    }
}
