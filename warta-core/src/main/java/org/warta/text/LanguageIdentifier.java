package org.warta.text;

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
    }

    @Override
    public void process(Doc doc) {
        if (doc.article().language() != null) return;
        doc.article(doc.article().withLanguage(identify(doc.text())));
    }

    /** The code of the best-matching language pack for a text. */
    public String identify(String text) {
        Map<String, Integer> hits = new LinkedHashMap<>();
        for (String code : stopwords.keySet()) hits.put(code, 0);
        words(text, w -> {
            for (Map.Entry<String, Set<String>> e : stopwords.entrySet())
                if (e.getValue().contains(w)) hits.merge(e.getKey(), 1, Integer::sum);
        });
        String best = fallback;
        int bestHits = 0;
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            if (e.getValue() > bestHits) {
                best = e.getKey();
                bestHits = e.getValue();
            }
        }
        return best;
    }

    /**
     * Passes each word of the text, lower-cased, to the sink: the matches of {@link #WORD}, found by hand
     * (a run of letters, joined to the next run by one "'" or "’").
     */
    static void words(String text, Consumer<String> sink) {
        int n = text.length();
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            if (!Character.isLetter(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int j = letters(text, i);
            while (j + 1 < n && (text.charAt(j) == '\'' || text.charAt(j) == '’') && Character.isLetter(text.codePointAt(j + 1)))
                j = letters(text, j + 1);
            sink.accept(text.substring(i, j).toLowerCase(Locale.ROOT));
            i = j;
        }
    }

    /** The end of the run of letters (code points) starting at i. */
    private static int letters(String text, int i) {
        int n = text.length();
        while (i < n) {
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
