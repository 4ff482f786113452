package org.warta.text;

/** White space as the regular expressions of the pipeline see it, handled without them. */
public final class Blanks {
    private Blanks() {}

    /**
     * The text with every run of {@code \s} (space, tab, line feed, vertical tab, form feed, carriage
     * return) replaced by one space: {@code replaceAll("\s+", " ")} by a scan.
     */
    public static String collapse(String text) {
        StringBuilder sb = null;
        int n = text.length(), copied = 0; // text[0, copied) is in sb
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!isRegexSpace(c)) continue;
            int j = i + 1;
            while (j < n && isRegexSpace(text.charAt(j))) j++;
            if (j == i + 1 && c == ' ') continue; // one space stays as it is
            if (sb == null) sb = new StringBuilder(n);
            sb.append(text, copied, i).append(' ');
            copied = j;
            i = j - 1;
        }
        return sb == null ? text : sb.append(text, copied, n).toString();
    }

    /** White space, a space character or a byte-order mark; ASCII answered without the character tables. */
    public static boolean isSpace(char c) {
        if (c < 128) return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F');
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    /** {@code \s} of a Java regex without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
