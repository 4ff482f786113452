package org.warta.number;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.warta.lang.Languages;

/**
 * {@link NumberReader#find} tries its pattern only where a digit or the first char of a number word
 * starts: it must find exactly what {@link java.util.regex.Matcher#find()} over every position finds.
 */
class NumberReaderIndexTest {
    private static final Languages LANGS = new Languages(List.of());
    private static final NumberReader R = new NumberReader(LANGS);

    private static void assertSame(String text, String lang) {
        assertThat(R.find(text, lang, true)).as("%s: %s", lang, text).isEqualTo(R.find(text, lang, false));
    }

    @Test
    void handWrittenCasesAgree() {
        for (String t : List.of("sebanyak 10.000 tentara", "x10 10x 1.500,5 juta", "Dua Ratus ribu, ratusan-ribu orang",
                "2.500-an massa", "", "1", "se", "ſeratus Ribu 😀 SERIBU", "İki 3.000.000", "a1,5 .5 ,5 5,"))
            assertSame(t, "id");
        for (String t : List.of("ten thousand people", "Hundreds of 1,500.25 million", "a an A", "TWENTY-FIVE", "3-4 and 5"))
            assertSame(t, "en");
    }

    /** Random texts from the packs' number words, digits and punctuation, in every case. */
    @Test
    void randomTextsAgree() {
        Random rnd = new Random(20261127);
        for (String lang : List.of("id", "en")) {
            List<String> vocab = new ArrayList<>(R.words(lang).words().keySet());
            vocab.addAll(List.of("30", "2.024", "1,5", "10.000,25", "7", "-an", "-", ",", ".", "(", "orang", "people", "ſ", "😀", "\n", "İ"));
            vocab.removeIf(String::isBlank);
            for (int n = 0; n < 400; n++) assertSame(org.warta.RandomTexts.of(rnd, vocab, 5, 30, 5), lang);
        }
    }

    @Test
    void bundledTextsAgree() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String d : List.of("../examples", "src/test/resources"))
            try (Stream<Path> s = Files.walk(Path.of(d))) {
                s.filter(p -> p.toString().endsWith(".txt")).forEach(files::add);
            }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8);
            assertSame(text, "id");
            assertSame(text, "en");
        }
    }
}
