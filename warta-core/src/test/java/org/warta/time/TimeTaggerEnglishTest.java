package org.warta.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warta.time.TimeTestSupport.one;
import static org.warta.time.TimeTestSupport.tag;

import org.junit.jupiter.api.Test;
import org.warta.model.TimeExpr;

class TimeTaggerEnglishTest {
    private static final String PUB = "2025-03-12"; // a Wednesday

    private static TimeExpr en(String text) { return one(text, "en", PUB); }

    @Test
    void writtenDates() {
        TimeExpr t = en("The treaty was signed on Friday, February 7, 2020, in Geneva.");
        assertThat(t.text()).isEqualTo("Friday, February 7, 2020");
        assertThat(t.value()).isEqualTo("2020-02-07");
        assertThat(t.inferred()).isFalse();
        TimeExpr abbr = en("Talks resumed Feb. 3 after a pause.");
        assertThat(abbr.text()).isEqualTo("Feb. 3");
        assertThat(abbr.value()).isEqualTo("2025-02-03");
        assertThat(abbr.inferred()).isTrue();
        assertThat(en("The vote took place on 14 June 2016.").value()).isEqualTo("2016-06-14");
        assertThat(en("Prices rose in September 2022.").value()).isEqualTo("2022-09");
        assertThat(en("The party was founded in 1978.").value()).isEqualTo("1978");
        assertThat(en("Figures dated 04/15/2021 were released.").value()).isEqualTo("2021-04-15");
    }

    @Test
    void monthAloneAndWeekdays() {
        TimeExpr m = en("Elections are due in July.");
        assertThat(m.text()).isEqualTo("July");
        assertThat(m.value()).isEqualTo("2025-07");
        assertThat(en("Tensions grew last November.").value()).isEqualTo("2024-11");
        assertThat(tag("Ministers may meet.", "en", PUB)).isEmpty();
        TimeExpr w = en("The minister resigned on Monday.");
        assertThat(w.text()).isEqualTo("Monday");
        assertThat(w.value()).isEqualTo("2025-03-10");
        assertThat(en("Protesters gathered Sunday morning.").value()).isEqualTo("2025-03-09TMO");
        assertThat(en("The summit opens next Friday.").value()).isEqualTo("2025-03-14");
    }

    @Test
    void relativeExpressions() {
        assertThat(en("The rebels withdrew yesterday.").value()).isEqualTo("2025-03-11");
        assertThat(en("The rebels withdrew today.").value()).isEqualTo("2025-03-12");
        assertThat(en("The envoy arrives tomorrow.").value()).isEqualTo("2025-03-13");
        assertThat(en("Clashes erupted last week.").value()).isEqualTo("2025-W10");
        assertThat(en("Rates rise next month.").value()).isEqualTo("2025-04");
        assertThat(en("Output fell last year.").value()).isEqualTo("2024");
        assertThat(en("The mine closed two years ago.").value()).isEqualTo("2023");
        assertThat(en("The mine closed three days ago.").value()).isEqualTo("2025-03-09");
        TimeExpr e = en("The road opens by the end of the year.");
        assertThat(e.text()).isEqualTo("the end of the year");
        assertThat(e.value()).isEqualTo("2025");
        assertThat(en("Work stopped in early May.").text()).isEqualTo("early May");
        assertThat(en("Growth slowed in mid-2019.").value()).isEqualTo("2019");
        assertThat(en("Growth slowed in the 1990s.").value()).isEqualTo("199");
    }

    @Test
    void durationsSetsAndClockTimes() {
        TimeExpr d = en("The dispute has lasted three decades.");
        assertThat(d.type()).isEqualTo("DURATION");
        assertThat(d.value()).isEqualTo("P30Y");
        assertThat(en("He waited about forty minutes.").text()).isEqualTo("about forty minutes");
        assertThat(en("Inspections happen every week.").value()).isEqualTo("P1W");
        TimeExpr c = en("The blast occurred at 3:45 p.m. local time.");
        assertThat(c.type()).isEqualTo("TIME");
        assertThat(c.value()).isEqualTo("2025-03-12T15:45");
    }

    @Test
    void quantitiesAreNotYears() {
        assertThat(tag("Some 2,000 troops and 1999 soldiers were sent; 45% approved; $2020 was paid; 3.5 million barrels.",
                "en", PUB)).isEmpty();
    }
}
