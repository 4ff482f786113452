package org.warta.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** {@link QuoteAttributor#longerUse} finds what the pattern it stands for finds first. */
class LongerUseTest {
    private static int[] reference(String text, String phrase, int before) {
        Matcher m = QuoteAttributor.longerUsePattern(phrase).matcher(text);
        while (m.find()) {
            if (m.start() >= before) break;
            return new int[] {m.start(), m.end()};
        }
        return null;
    }

    @Test
    void sameAsThePattern() {
        assertThat(QuoteAttributor.longerUse("Kata Budi Santoso Wijaya. Budi", "Budi", 26)).containsExactly(5, 24);
        assertThat(QuoteAttributor.longerUse("XBudi Santoso, Budi", "Budi", 15)).isNull();
        Random r = new Random(11);
        List<String> words = List.of("Budi", "Santoso", "budi", "Ali", "\t", " ", "  ", ",", "-", "'", "O'Neil", "Jean-Paul", "2", "é",
                "Élise", "𝐀b", "Budi\u00A0", "\\E", "x");
        for (int k = 0; k < 3000; k++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(14);
            for (int i = 0; i < n; i++) sb.append(words.get(r.nextInt(words.size())));
            String text = sb.toString();
            String phrase = words.get(r.nextInt(words.size()));
            int before = r.nextInt(text.length() + 2);
            assertThat(QuoteAttributor.longerUse(text, phrase, before)).as("%s | %s | %d", text, phrase, before)
                    .isEqualTo(reference(text, phrase, before));
        }
    }
}
