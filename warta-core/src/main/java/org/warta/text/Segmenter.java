package org.warta.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.warta.lang.LanguagePack;
import org.warta.lang.Languages;
import org.warta.model.Doc;
import org.warta.model.Sentence;
import org.warta.model.Token;
import org.warta.pipeline.Stage;

/**
 * Splits the article text into sentences and tokens.
 *
 * <p>Sentences never cross a line break (paragraphs are separated by {@code "\n\n"}; the title is
 * sentence 0, paragraph 0). Inside a paragraph a sentence ends at {@code . ! ?} (with any closing quotes
 * or brackets) followed by white space and an upper-case letter, a digit or an opening quote, except
 * after an abbreviation of the language's {@code abbreviations.txt}, an initial ({@code "J."}) or a
 * dotted abbreviation ({@code "U.S."}), and except inside a balanced quotation, so a multi-sentence quote
 * and its frame ({@code "…," kata X}) stay one sentence. A quotation left open at the end of a paragraph
 * is treated as no quotation.
 *
 * <p>Tokens: words (letters and digits, apostrophes inside words), numbers with their separators,
 * percent sign, currency prefix and number suffixes ({@code number_suffixes.txt}, e.g. {@code "2.500-an"})
 * as one token, abbreviations with their dots as one token, and every other mark (hyphens and each quote
 * included) as a token of its own.
 *
 * <pre>{@code
 * new Segmenter(langs).process(doc);
 * for (Sentence s : doc.sentences()) System.out.println(doc.cover(s));
 * }</pre>
 */
public final class Segmenter implements Stage {
    static final String ABBREVIATIONS = "abbreviations.txt";
    static final String NUMBER_SUFFIXES = "number_suffixes.txt";

    private static final String TERMINALS = ".!?…";
    private static final String CLOSERS = "\"”’'»)]}";
    private static final String OPENING_QUOTES = "\"“‘'«";

    private final Map<String, Set<String>> abbreviations = new HashMap<>();
    private final Map<String, List<String>> suffixes = new HashMap<>();
    private final Set<String> allAbbreviations = new HashSet<>();
    private final List<String> allSuffixes;

    public Segmenter(Languages langs) {
        Set<String> sfx = new LinkedHashSet<>();
        for (String code : langs.codes()) {
            LanguagePack pack = langs.get(code);
            Set<String> ab = new HashSet<>(pack.has(ABBREVIATIONS) ? pack.words(ABBREVIATIONS) : List.of());
            abbreviations.put(code, Set.copyOf(ab));
            allAbbreviations.addAll(ab);
            List<String> s = pack.has(NUMBER_SUFFIXES) ? List.copyOf(pack.words(NUMBER_SUFFIXES)) : List.of();
            suffixes.put(code, s);
            sfx.addAll(s);
        }
        allSuffixes = List.copyOf(sfx);
    }

    @Override
    public void process(Doc doc) {
        String text = doc.text();
        String lang = doc.article().language();
        Set<String> abbr = lang != null && abbreviations.containsKey(lang) ? abbreviations.get(lang) : allAbbreviations;
        List<String> sfx = lang != null && suffixes.containsKey(lang) ? suffixes.get(lang) : allSuffixes;
        int paragraph = 0;
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            int a = start, b = end;
            while (a < b && Blanks.isSpace(text.charAt(a))) a++;
            while (b > a && Blanks.isSpace(text.charAt(b - 1))) b--;
            if (a < b) {
                for (int[] s : sentences(text, a, b, abbr)) {
                    int index = doc.sentences().size();
                    doc.addSentence(new Sentence(index, s[0], s[1], paragraph));
                    tokenize(doc, text, s[0], s[1], index, abbr, sfx);
                }
                paragraph++;
            }
            if (nl < 0) break;
            start = nl + 1;
        }
    }

    /** Sentence ranges of the paragraph text[a, b). */
    List<int[]> sentences(String text, int a, int b, Set<String> abbr) {
        Set<Integer> ignored = new HashSet<>();
        while (true) {
            List<int[]> out = new ArrayList<>();
            int unmatched = split(text, a, b, abbr, ignored, out);
            if (unmatched < 0 || !ignored.add(unmatched)) return out;
        }
    }

    private record Open(int at, boolean straight) {}

    /**
     * Splits; returns the position of the outermost quotation still open at the paragraph end, or -1.
     * Quote marks in {@code ignored} are not treated as quotation marks.
     */
    private int split(String text, int a, int b, Set<String> abbr, Set<Integer> ignored, List<int[]> out) {
        Deque<Open> open = new ArrayDeque<>();
        int sentenceStart = a;
        for (int i = a; i < b; i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < 128 && c != '"') continue; // no quote mark, no space: nothing to do here
            if (ignored.isEmpty() || !ignored.contains(i)) {
                if (c == '“') {
                    open.push(new Open(i, false));
                    continue;
                } else if (c == '”') {
                    if (!open.isEmpty() && !open.peek().straight()) open.pop();
                    continue;
                } else if (c == '"') {
                    if (!open.isEmpty() && open.peek().straight()) open.pop();
                    else if (i == a || Blanks.isSpace(text.charAt(i - 1)) || "([{—–-/“‘".indexOf(text.charAt(i - 1)) >= 0)
                        open.push(new Open(i, true));
                    continue;
                }
            }
            if (!Blanks.isSpace(c) || i == a || !open.isEmpty()) continue;
            int p = i - 1;
            while (p > sentenceStart && CLOSERS.indexOf(text.charAt(p)) >= 0) p--;
            if (TERMINALS.indexOf(text.charAt(p)) < 0) continue;
            int q = i;
            while (q < b && Blanks.isSpace(text.charAt(q))) q++;
            if (q >= b || !startsSentence(text, q)) continue;
            if (text.charAt(p) == '.' && isAbbreviation(text, sentenceStart, p, abbr)) continue;
            out.add(new int[] {sentenceStart, i});
            sentenceStart = q;
            i = q - 1;
        }
        out.add(new int[] {sentenceStart, b});
        return open.isEmpty() ? -1 : open.peekLast().at();
    }

    private static boolean startsSentence(String text, int q) {
        int cp = text.codePointAt(q);
        return Character.isUpperCase(cp) || Character.isTitleCase(cp) || Character.isDigit(cp) || OPENING_QUOTES.indexOf(cp) >= 0;
    }

    /** Whether the full stop at {@code dot} ends an abbreviation or initial rather than a sentence. */
    private static boolean isAbbreviation(String text, int from, int dot, Set<String> abbr) {
        if (dot > from && text.charAt(dot - 1) == '.') return false; // an ellipsis "..."
        int w = dot;
        while (w > from && !Blanks.isSpace(text.charAt(w - 1))) w--;
        while (w < dot && "([{\"“‘'«".indexOf(text.charAt(w)) >= 0) w++;
        String word = text.substring(w, dot + 1);
        if (word.length() == 1) return false;
        if (abbr.contains(word)) return true;
        if (word.length() == 2 && Character.isUpperCase(word.charAt(0))) return true; // an initial
        return dottedEnd(word, 0, word.length()) == word.length();
    }

    /**
     * Where a dotted abbreviation ({@code \p{L}{1,3}\.(?:\p{L}{1,3}\.)+}) matching at {@code from} within text[from, to)
     * ends, or -1: runs of one to three letters, each followed by a full stop, at least two of them. A run of
     * more letters cannot be part of it (no shorter run of it is followed by a full stop), so the runs are read
     * greedily, as the pattern reads them.
     */
    static int dottedEnd(String text, int from, int to) {
        int i = from;
        int runs = 0;
        int end = -1;
        while (i < to) {
            int j = i;
            int letters = 0;
            while (j < to && letters <= 3) {
                char c = text.charAt(j);
                if (c < 128) { // ASCII: a letter or the end of the run
                    if (!ASCII_ALNUM[c] || c <= '9') break;
                    letters++;
                    j++;
                    continue;
                }
                int cp = c;
                int len = 1;
                if (Character.isHighSurrogate(c) && j + 1 < to && Character.isLowSurrogate(text.charAt(j + 1))) {
                    cp = Character.toCodePoint(c, text.charAt(j + 1));
                    len = 2;
                }
                if (!Character.isLetter(cp)) break;
                letters++;
                j += len;
            }
            if (letters == 0 || letters > 3 || j >= to || text.charAt(j) != '.') break;
            i = j + 1;
            runs++;
            if (runs >= 2) end = i;
        }
        return end;
    }

    private static void tokenize(Doc doc, String text, int s, int e, int sentence, Set<String> abbr, List<String> sfx) {
        int i = s;
        while (i < e) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (Blanks.isSpace((char) cp) && len == 1) {
                i++;
                continue;
            }
            int j;
            boolean currency = Character.getType(cp) == Character.CURRENCY_SYMBOL && i + len < e && Character.isDigit(text.charAt(i + len));
            if (Character.isLetterOrDigit(cp) || currency) {
                j = wordEnd(text, i, e, currency ? i + len : i, abbr, sfx);
            } else {
                j = i + len;
            }
            doc.addToken(new Token(doc.tokens().size(), i, j, text.substring(i, j), sentence));
            i = j;
        }
    }

    private static int wordEnd(String text, int i, int e, int from, Set<String> abbr, List<String> sfx) {
        if (from == i) {
            int d = dottedEnd(text, i, e);
            if (d >= 0 && (d >= e || !Character.isLetterOrDigit(text.charAt(d)))) return d;
        }
        int j = from;
        while (j < e) {
            char c = text.charAt(j);
            if (c < 128 ? ASCII_ALNUM[c] : isWordPart(c)) {
                j++;
            } else if (".,:/".indexOf(c) >= 0 && j > from && Character.isDigit(text.charAt(j - 1))
                    && j + 1 < e && Character.isDigit(text.charAt(j + 1))) {
                j++;
            } else if ((c == '\'' || c == '’') && j > from && Character.isLetter(text.charAt(j - 1))
                    && j + 1 < e && Character.isLetter(text.charAt(j + 1))) {
                j++;
            } else {
                break;
            }
        }
        if (j < e && text.charAt(j) == '%' && Character.isDigit(text.charAt(j - 1))) j++;
        if (Character.isDigit(text.charAt(j - 1))) {
            for (String s : sfx) {
                int k = j + s.length();
                if (text.startsWith(s, j) && (k >= e || !Character.isLetterOrDigit(text.charAt(k)))) {
                    j = k;
                    break;
                }
            }
        }
        if (j < e && text.charAt(j) == '.') {
            String word = text.substring(i, j + 1);
            boolean lastInSentence = true;
            for (int k = j + 1; k < e; k++) if (!Blanks.isSpace(text.charAt(k))) { lastInSentence = false; break; }
            if (abbr.contains(word)) return j + 1;
            if (word.length() == 2 && Character.isUpperCase(word.charAt(0)) && !lastInSentence) return j + 1;
        }
        return j;
    }

    private static final boolean[] ASCII_ALNUM = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) ASCII_ALNUM[c] = Character.isLetterOrDigit(c);
    }

    /** A char that continues a word: a letter, a digit, a combining mark or half of a surrogate pair. */
    private static boolean isWordPart(char c) {
        if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) return true;
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
