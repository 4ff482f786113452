package org.warta.model;

/**
 * A token with its char range, surface text and sentence index. {@link #lower()} is computed once, when
 * the token is made: every stage asks for it, many times per token.
 */
public record Token(int index, int start, int end, String text, int sentence, String lower) implements Span {
    public Token {
        if (lower == null) lower = text.toLowerCase(java.util.Locale.ROOT);
    }

    public Token(int index, int start, int end, String text, int sentence) {
        this(index, start, end, text, sentence, null);
    }

    /** The last token of {@code sorted} (tokens in text order) that ends at or before {@code pos}, or null. */
    public static Token before(java.util.List<Token> sorted, int pos) {
        int lo = 0, hi = sorted.size() - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).end() <= pos) {
                found = mid;
                lo = mid + 1;
            } else hi = mid - 1;
        }
        return found < 0 ? null : sorted.get(found);
    }

    /** The text in lower case (locale-independent). */
    @Override
    public String lower() {
        return lower;
    }

    public boolean isWord() {
        return !text.isEmpty() && Character.isLetterOrDigit(text.codePointAt(0));
    }

    public boolean isCapitalised() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }
}
