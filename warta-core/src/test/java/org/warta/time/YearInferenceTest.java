package org.warta.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class YearInferenceTest {
    private static LocalDate d(String s) { return LocalDate.parse(s); }

    @Test
    void weekdayPicksTheLatestMatchingYearNotAfterTheAnchor() {
        // 30 October fell on a Wednesday in 2024 and 2019; 2025 and 2026 are Thursday and Friday
        assertThat(TimeRecognizer.inferYear(10, 30, 3, d("2026-11-27"))).isEqualTo(2024);
        assertThat(TimeRecognizer.inferYear(10, 30, 3, d("2024-10-29"))).isEqualTo(2019);
        // the anchor day itself counts
        assertThat(TimeRecognizer.inferYear(10, 30, 3, d("2024-10-30"))).isEqualTo(2024);
    }

    @Test
    void withoutWeekdayTheDateIsNotAfterTheAnchor() {
        assertThat(TimeRecognizer.inferYear(10, 30, null, d("2026-11-27"))).isEqualTo(2026);
        assertThat(TimeRecognizer.inferYear(11, 28, null, d("2026-11-27"))).isEqualTo(2025);
        assertThat(TimeRecognizer.inferYear(11, 27, null, d("2026-11-27"))).isEqualTo(2026);
    }

    @Test
    void aroundTheYearEnd() {
        assertThat(TimeRecognizer.inferYear(12, 31, null, d("2027-01-02"))).isEqualTo(2026);
        assertThat(TimeRecognizer.inferYear(1, 1, null, d("2026-12-31"))).isEqualTo(2026);
        // 31 December 2026 is a Thursday: seen from 2 January 2027 it is last week's
        assertThat(TimeRecognizer.inferYear(12, 31, 4, d("2027-01-02"))).isEqualTo(2026);
        // but a Friday 31 December is 2021
        assertThat(TimeRecognizer.inferYear(12, 31, 5, d("2027-01-02"))).isEqualTo(2021);
    }

    @Test
    void leapDays() {
        assertThat(TimeRecognizer.inferYear(2, 29, null, d("2026-06-01"))).isEqualTo(2024);
        assertThat(TimeRecognizer.inferYear(2, 29, null, d("2024-02-28"))).isEqualTo(2020);
        assertThat(TimeRecognizer.inferYear(2, 29, 4, d("2026-06-01"))).isEqualTo(2024); // Thursday
        assertThat(TimeRecognizer.inferYear(2, 29, 1, d("2026-06-01"))).isEqualTo(2016); // Monday
    }

    @Test
    void impossibleDatesGiveNoYear() {
        assertThat(TimeRecognizer.inferYear(4, 31, null, d("2026-06-01"))).isEqualTo(-1);
        assertThat(TimeRecognizer.inferYear(13, 1, null, d("2026-06-01"))).isEqualTo(-1);
        assertThat(TimeRecognizer.inferYear(2, 30, 3, d("2026-06-01"))).isEqualTo(-1);
    }

    @Test
    void monthAloneIsTheNearestWithinSixMonths() {
        assertThat(TimeRecognizer.monthYear(11, d("2024-10-30"))).isEqualTo(2024);
        assertThat(TimeRecognizer.monthYear(4, d("2024-10-30"))).isEqualTo(2024);
        assertThat(TimeRecognizer.monthYear(3, d("2024-10-30"))).isEqualTo(2025);
        assertThat(TimeRecognizer.monthYear(11, d("2025-02-10"))).isEqualTo(2024);
        assertThat(TimeRecognizer.monthYear(8, d("2025-02-10"))).isEqualTo(2025);
    }
}
