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
}
