package org.warta.io;

/**
 * Converts char indexes of a Java string (UTF-16) into the Unicode code-point offsets that Warta's
 * records use. The identity for texts without characters outside the BMP, which is the common case.
 */
public final class Offsets {
    private final String text;
    private final int[] prefix; // prefix[i] = code points before char index i, or null for the identity

    public Offsets(String text) {
        this.text = text == null ? "" : text;
        boolean surrogates = false;
        for (int i = 0; i < this.text.length() && !surrogates; i++) surrogates = Character.isSurrogate(this.text.charAt(i));
        if (!surrogates) {
            prefix = null;
        } else {
            prefix = new int[this.text.length() + 1];
            int cp = 0;
            for (int i = 0; i < this.text.length(); i++) {
                prefix[i] = cp;
                if (Character.isHighSurrogate(this.text.charAt(i)) && i + 1 < this.text.length()
                        && Character.isLowSurrogate(this.text.charAt(i + 1))) {
                    prefix[++i] = cp;
                }
                cp++;
            }
            prefix[this.text.length()] = cp;
        }
    }

    /** The last offsets made by {@link #of} on this thread: the events of one article share them. */
    private static final ThreadLocal<Offsets> LAST = new ThreadLocal<>();

    /** The offsets of {@code text}, reused when this thread asked for the same string (the same object) last. */
    public static Offsets of(String text) {
        Offsets o = LAST.get();
        if (o == null || o.text != text || text == null) {
            o = new Offsets(text);
            LAST.set(o);
        }
        return o;
    }

    /** The identity mapping (for records written without their text). */
    public static Offsets identity() {
        return new Offsets("");
    }

    /** Code-point offset of a char index; negative indexes stay as they are (meaning "none"). */
    public int cp(int charIndex) {
        if (charIndex < 0 || prefix == null) return charIndex;
        if (charIndex >= prefix.length) return prefix[prefix.length - 1] + (charIndex - text.length());
        return prefix[charIndex];
    }

    /** Code-point offset of an exclusive end char index (an end inside a surrogate pair covers the pair). */
    public int cpEnd(int charIndex) {
        if (charIndex < 0 || prefix == null) return charIndex;
        if (charIndex > 0 && charIndex < text.length() && Character.isLowSurrogate(text.charAt(charIndex))
                && Character.isHighSurrogate(text.charAt(charIndex - 1))) return prefix[charIndex] + 1;
        return cp(charIndex);
    }
}
