package org.warta.text;

/** Char classes that several stages test by hand, without the regex engine. */
public final class Chars {
    private Chars() {}

    /**
     * How {@code CASE_INSENSITIVE | UNICODE_CASE} (and {@link String#regionMatches(boolean, int, String, int, int)})
     * compares a char: two chars match exactly when their folds are equal.
     */
    public static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /**
     * {@code [\p{L}\p{N}]}: a letter or a number of any kind. A lone surrogate (a char passed as a code
     * point) is neither.
     */
    public static boolean isLetterOrNumber(int cp) {
        if (cp < 128) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }
}
