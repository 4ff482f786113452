package org.warta.model;

/** A token with its char range, surface text and sentence index. */
public record Token(int index, int start, int end, String text, int sentence) implements Span {
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

    public String lower() {
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isWord() {
        return !text.isEmpty() && Character.isLetterOrDigit(text.codePointAt(0));
    }

    public boolean isCapitalised() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }
}
