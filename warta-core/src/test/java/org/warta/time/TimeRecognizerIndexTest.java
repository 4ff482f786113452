package org.warta.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The trigger index of {@link TimeRecognizer} (patterns tried only where one of their first words or a
 * digit starts) must find exactly what trying every pattern at every position finds; and
 * {@link TimeRecognizer#findIfWrittenDate} the same whenever there is a written date.
 */
class TimeRecognizerIndexTest {
    private static final TimeRecognizer RECOGNIZER = new TimeRecognizer(TimeTestSupport.LANGS);
    private static final LocalDate ANCHOR = LocalDate.parse("2024-10-30");

    private static void assertSame(String text, String lang) {
        List<TimeRecognizer.Found> indexed = RECOGNIZER.find(text, lang, ANCHOR);
        List<TimeRecognizer.Found> everywhere = RECOGNIZER.findExhaustively(text, lang, ANCHOR);
        assertThat(indexed).as("%s: %s", lang, text).isEqualTo(everywhere);
        // the publication dater's shortcut: the same list whenever a written date is among them
        List<TimeRecognizer.Found> ifWritten = RECOGNIZER.findIfWrittenDate(text, lang, ANCHOR);
        if (indexed.stream().anyMatch(TimeRecognizer.Found::writtenDate))
            assertThat(ifWritten).as("%s: %s", lang, text).isEqualTo(indexed);
        else assertThat(ifWritten.isEmpty() || ifWritten.equals(indexed)).as("%s: %s", lang, text).isTrue();
    }

    @Test
    void handWrittenCasesAgree() {
        for (String t : List.of("Rabu (30/10) pukul 14.05 WIB", "RABU(30/10)", "Kamis, 31 Oktober 2024 pagi",
                "setahun lalu, 2 tahun kemudian, bertahun-tahun", "tiap Senin dan setiap 3 bulan", "awal November lalu",
                "pada 1990-an", "tahun 2024 ini", "Rp 2024 dan 2024 orang", "x2024 a30/10/2024", "30/10/2024, 1.2024",
                "hari ini, kemarin, besok pagi", "ſetahun lalu dan Senin lalu", "😀 Senin (4/11) 😀 kemarin",
                "akhir tahun, pertengahan bulan ini", "sekitar 3 jam lalu", "", "2", "Senin"))
            assertSame(t, "id");
        for (String t : List.of("On Wednesday, October 30, 2024 at 2 p.m. EST", "the end of the year", "in the 1990s",
                "every Monday and each 3 months", "last week, next Monday, this month", "3 days ago and 2 years later",
                "Oct. 30th 2024", "about 5 hours earlier", "😀 October 30", "MID-OCTOBER"))
            assertSame(t, "en");
    }

    /** Random texts from the packs' own words, digits and punctuation, in every case, with and without spaces. */
    @Test
    void randomTextsFromThePackWordsAgree() {
        Random rnd = new Random(20261127);
        for (String lang : List.of("id", "en")) {
            TimeLexicon lx = new TimeLexicon(TimeTestSupport.LANGS.get(lang));
            List<String> vocab = new ArrayList<>();
            vocab.addAll(lx.months.keySet());
            vocab.addAll(lx.weekdays.keySet());
            vocab.addAll(lx.relatives.keySet());
            vocab.addAll(lx.units.keySet());
            vocab.addAll(lx.vagueUnits.keySet());
            vocab.addAll(lx.numbers.keySet());
            lx.words.values().forEach(vocab::addAll);
            vocab.addAll(List.of("30", "2024", "1990", "12", "5", "10/3", "30/10/2024", "14.05", "09:30", "(", ")", ",", ".",
                    "-", "/", "rumah", "kota", "said", "the", "ſ", "😀", "\n", "İ"));
            vocab.removeIf(String::isBlank);
            for (int n = 0; n < 400; n++) assertSame(org.warta.RandomTexts.of(rnd, vocab, 5, 40, 6), lang);
        }
    }

    @Test
    void bundledExamplesAgree() throws IOException {
        Path dir = Path.of("..", "examples");
        assertThat(dir).isDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList())
                assertSame(Files.readString(f), "id");
        }
    }
}
