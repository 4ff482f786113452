package org.warta.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written scans of {@link ArticleAssembler} give what the regular expressions they replace give. */
class ArticleAssemblerScanTest {
    @Test
    void collapseSpacesIsReplaceAllOfRegexSpaces() {
        for (String s : List.of("", " ", "a", "a b", "a  b", " a\tb\n\nc \r\n", "\u000B\f", "a\u00A0\u2028\u3000b  ",
                "Judul\n\nParagraf  satu.\n\nDua\t\tdan\u000Btiga ")) {
            assertThat(ArticleAssembler.collapseSpaces(s)).as(s).isEqualTo(s.replaceAll("\\s+", " "));
        }
        Random r = new Random(7);
        char[] alphabet = {'a', 'b', ' ', '\t', '\n', '\r', '\u000B', '\f', '\u00A0', '\u2029', '\u0085', 'é'};
        for (int k = 0; k < 2000; k++) {
            char[] cs = new char[r.nextInt(12)];
            for (int i = 0; i < cs.length; i++) cs[i] = alphabet[r.nextInt(alphabet.length)];
            String s = new String(cs);
            assertThat(ArticleAssembler.collapseSpaces(s)).as(s).isEqualTo(s.replaceAll("\\s+", " "));
        }
    }
}
