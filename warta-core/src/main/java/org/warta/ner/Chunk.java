package org.warta.ner;

import java.util.ArrayList;
import java.util.List;

/**
 * A named-entity chunk over tokens {@code [start, end)} with its type, read from BIO tags the way
 * CoNLL's {@code conlleval} reads them: a chunk starts at {@code B-X}, or at {@code I-X} after a tag of
 * another type or {@code O}, and goes on over {@code I-X}.
 */
public record Chunk(int start, int end, String type) {
    public static List<Chunk> of(String[] tags) {
        List<Chunk> out = new ArrayList<>();
        int start = -1;
        String type = null;
        for (int i = 0; i <= tags.length; i++) {
            String t = i < tags.length ? tags[i] : "O";
            boolean inside = t.startsWith("I-") && type != null && t.substring(2).equals(type);
            if (inside) continue;
            if (type != null) out.add(new Chunk(start, i, type));
            type = null;
            if (t.startsWith("B-") || t.startsWith("I-")) {
                start = i;
                type = t.substring(2);
            }
        }
        return out;
    }

    /**
     * Joins a place chunk that starts with one of {@code heads} (lower case: "jalan", "bandara") to the
     * person chunk right after it: a street or airport named after a person ("Jalan Tunku | Abdul Rahman",
     * "Bandara | Soekarno-Hatta") is one place. Organisations are left alone: one followed by a person is
     * mostly its officer ("Rektor Universitas Indonesia Ari Kuncoro"). Other chunks are kept as they are.
     */
    public static List<Chunk> joinNamedAfter(List<Chunk> chunks, String[] words, java.util.Set<String> heads) {
        if (heads.isEmpty() || chunks.size() < 2) return chunks;
        List<Chunk> out = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            Chunk next = i + 1 < chunks.size() ? chunks.get(i + 1) : null;
            if (next != null && next.start() == c.end() && NerTypes.canonical(c.type()).equals(NerTypes.PLACE)
                    && NerTypes.canonical(next.type()).equals(NerTypes.PERSON)
                    && heads.contains(words[c.start()].toLowerCase(java.util.Locale.ROOT))) {
                out.add(new Chunk(c.start(), next.end(), c.type()));
                i++;
            } else out.add(c);
        }
        return out;
    }
}
