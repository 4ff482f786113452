package org.warta.time;

import static org.warta.Invariants.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.warta.Invariants;
import org.warta.lang.Languages;

/**
 * Fuzz test of the time normaliser (Jazzer): any text, in each language, against anchors at the edges
 * of the calendar the recogniser resolves within, gives time expressions sorted by start, not overlapping,
 * whose text is the text at their span and whose value is a well-formed TIMEX3 value at its precision
 * ({@link Invariants#time}). The event dater's dates are checked by {@code PipelineFuzzTest}. Seeds:
 * {@code src/test/resources/org/warta/time/TimeFuzzTestInputs/recognizer/}.
 */
class TimeFuzzTest {
    private static final TimeRecognizer RECOGNIZER = new TimeRecognizer(new Languages(List.of()));
    private static final List<LocalDate> ANCHORS = List.of(
            LocalDate.of(2024, 10, 30), LocalDate.of(2000, 2, 29), LocalDate.of(1900, 1, 1), LocalDate.of(2199, 12, 31));

    @FuzzTest(maxDuration = "3m")
    void recognizer(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (String lang : List.of("id", "en")) {
            for (LocalDate anchor : ANCHORS) {
                int prevEnd = 0;
                for (TimeRecognizer.Found f : RECOGNIZER.find(text, lang, anchor)) {
                    Invariants.time(f.expr(), text);
                    check(f.expr().start() >= prevEnd, "time expressions overlap or are unsorted at %d (%s, anchor %s)",
                            f.expr().start(), lang, anchor);
                    prevEnd = f.expr().end();
                }
            }
        }
    }
}
