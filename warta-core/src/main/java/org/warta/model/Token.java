package org.warta.model;

/** A token with its char range, surface text and sentence index. */
public record Token(int index, int start, int end, String text, int sentence) implements Span {
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
