package org.warta.text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.warta.lang.Languages;
import org.warta.model.Doc;
import org.warta.pipeline.Stage;

/**
 * Sets the article's language when the input did not give one: the pack whose stop words
 * ({@code stopwords.txt}) occur most often in the text wins; ties and texts without any stop word go to
 * the first pack ({@code id}).
 *
 * <pre>{@code
 * new LanguageIdentifier(langs).process(doc); // doc.article().language() is now "id" or "en"
 * }</pre>
 */
public final class LanguageIdentifier implements Stage {
    static final String FILE = "stopwords.txt";
    /** What a word is; {@link #words} finds its matches without the regex engine. */
    static final Pattern WORD = Pattern.compile("\\p{L}+(?:['’]\\p{L}+)*");

    private final Map<String, Set<String>> stopwords = new LinkedHashMap<>();
    /** The codes of {@link #stopwords}, in order; and for each stop word, the bit set of those it is a stop word of. */
    private final String[] codes;
    private final Map<String, Long> languagesOf = new HashMap<>();
    /** The length of the longest stop word: a longer word is none (lower-casing never shortens a word). */
    private final int maxLength;
    private final String fallback;

    public LanguageIdentifier(Languages langs) {
        String first = null;
        for (String code : langs.codes()) {
            if (first == null) first = code;
            if (!langs.get(code).has(FILE)) continue;
            Set<String> words = new HashSet<>();
            for (String w : langs.get(code).words(FILE)) words.add(w.toLowerCase(Locale.ROOT));
            stopwords.put(code, Set.copyOf(words));
        }
        this.fallback = first == null ? "id" : first;
        this.codes = stopwords.keySet().toArray(String[]::new);
        if (codes.length > Long.SIZE) throw new IllegalArgumentException("more than " + Long.SIZE + " languages with stop words");
        int longest = 0;
        for (int k = 0; k < codes.length; k++)
            for (String w : stopwords.get(codes[k])) {
                languagesOf.merge(w, 1L << k, (x, y) -> x | y);
                longest = Math.max(longest, w.length());
            }
        this.maxLength = longest;
    }

    @Override
    public void process(Doc doc) {
        if (doc.article().language() != null) return;
        doc.article(doc.article().withLanguage(identify(doc.text())));
    }

    /** The code of the best-matching language pack for a text. */
    public String identify(String text) {
        int[] hits = new int[codes.length];
        words(text, maxLength, w -> {
            Long in = languagesOf.get(w);
            if (in == null) return;
            for (long bits = in; bits != 0; bits &= bits - 1) hits[Long.numberOfTrailingZeros(bits)]++;
        });
        String best = fallback;
        int bestHits = 0;
        for (int k = 0; k < codes.length; k++) {
            if (hits[k] > bestHits) {
                best = codes[k];
                bestHits = hits[k];
            }
        }
        return best;
    }

    /**
     * Passes each word of the text, lower-cased, to the sink: the matches of {@link #WORD}, found by hand
     * (a run of letters, joined to the next run by one "'" or "’").
     */
    static void words(String text, Consumer<String> sink) {
        words(text, Integer.MAX_VALUE, sink);
    }

    /** The same, leaving out the words of more than {@code maxLength} chars (as written). */
    static void words(String text, int maxLength, Consumer<String> sink) {
        int n = text.length();
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            if (c < 128 ? !ASCII_LETTER[c] : !Character.isLetter(text.codePointAt(i))) {
                i += c < 128 ? 1 : Character.charCount(text.codePointAt(i));
                continue;
            }
            int j = letters(text, i);
            while (j + 1 < n && (text.charAt(j) == '\'' || text.charAt(j) == '’') && Character.isLetter(text.codePointAt(j + 1)))
                j = letters(text, j + 1);
            if (j - i <= maxLength) sink.accept(text.substring(i, j).toLowerCase(Locale.ROOT));
            i = j;
        }
    }

    private static final boolean[] ASCII_LETTER = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) ASCII_LETTER[c] = Character.isLetter(c);
    }

    /** The end of the run of letters (code points) starting at i. */
    private static int letters(String text, int i) {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c < 128) {
                if (!ASCII_LETTER[c]) break;
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            if (!Character.isLetter(cp)) break;
            i += Character.charCount(cp);
        }
        return i;
    }

    /** The language codes with a stop-word list. */
    public List<String> codes() {
        return List.copyOf(stopwords.keySet());
    }
}
