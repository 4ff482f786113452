package org.warta.actor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.warta.kb.KnowledgeBase;
import org.warta.kb.KnowledgeBase.Name;

/**
 * Longest-match lookup of knowledge-base names in text. Names are compared on characters, not on
 * tokens, so the tokenizer's choices ("U.S.", "Yong-hyun") do not matter; a match must start at a word
 * start and end at a word end. All-caps abbreviations match case-sensitively; other names ignore case
 * but, when written capitalised, need a capital in the text (unless the whole text is lower case).
 */
public final class Gazetteer {
    /** A name found in the text. */
    public record Match(int start, int end, Name name) {}

    private final Map<String, List<Name>> byFirstWord = new HashMap<>();

    public Gazetteer(List<Name> names) {
        for (Name n : names) {
            String key = firstWord(n.text());
            if (key.isEmpty()) continue;
            byFirstWord.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
        }
        for (List<Name> l : byFirstWord.values()) l.sort(Comparator.comparingInt((Name n) -> -n.text().length()));
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

    /** All names (longest per kind first) that match at the word starting at {@code pos}. */
    public List<Match> at(String text, int pos, boolean lowercaseText) {
        if (pos > 0 && Character.isLetterOrDigit(text.charAt(pos - 1))) return List.of();
        int j = pos;
        while (j < text.length() && Character.isLetterOrDigit(text.charAt(j))) j++;
        List<Name> cands = byFirstWord.get(text.substring(pos, j).toLowerCase(Locale.ROOT));
        if (cands == null) return List.of();
        List<Match> out = new ArrayList<>();
        for (Name n : cands) {
            String s = n.text();
            if (pos + s.length() > text.length()) continue;
            if (!text.regionMatches(!n.caseSensitive(), pos, s, 0, s.length())) continue;
            int end = pos + s.length();
            if (end < text.length() && Character.isLetterOrDigit(text.charAt(end))
                    && Character.isLetterOrDigit(s.charAt(s.length() - 1))) continue;
            if (!n.caseSensitive() && !lowercaseText && Character.isUpperCase(s.charAt(0))
                    && !Character.isUpperCase(text.charAt(pos))) continue;
            out.add(new Match(pos, end, n));
        }
        return out;
    }
}
