package org.warta.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Blanks#collapse} gives what the regular expression it replaces gives. */
class BlanksTest {
    @Test
    void collapseIsReplaceAllOfRegexSpaces() {
        for (String s : List.of("", " ", "a", "a b", "a  b", " a\tb\n\nc \r\n", "\u000B\f", "a\u00A0\u2028\u3000b  ",
                "Judul\n\nParagraf  satu.\n\nDua\t\tdan\u000Btiga ")) {
            assertThat(Blanks.collapse(s)).as(s).isEqualTo(s.replaceAll("\\s+", " "));
        }
        Random r = new Random(7);
        char[] alphabet = {'a', 'b', ' ', '\t', '\n', '\r', '\u000B', '\f', '\u00A0', '\u2029', '\u0085', 'é'};
        for (int k = 0; k < 2000; k++) {
            char[] cs = new char[r.nextInt(12)];
            for (int i = 0; i < cs.length; i++) cs[i] = alphabet[r.nextInt(alphabet.length)];
            String s = new String(cs);
            assertThat(Blanks.collapse(s)).as(s).isEqualTo(s.replaceAll("\\s+", " "));
        }
    }
}
