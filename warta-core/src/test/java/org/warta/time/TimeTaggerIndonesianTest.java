package org.warta.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warta.time.TimeTestSupport.one;
import static org.warta.time.TimeTestSupport.tag;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.warta.model.TimeExpr;

class TimeTaggerIndonesianTest {
    private static final String PUB = "2025-03-12"; // a Wednesday

    private static TimeExpr id(String text) { return one(text, "id", PUB); }

    @Test
    void weekdayWithNumericDateInParentheses() {
        TimeExpr t = id("Gubernur itu meresmikan jembatan baru pada Senin (10/3).");
        assertThat(t.text()).isEqualTo("Senin (10/3)");
        assertThat(t.type()).isEqualTo("DATE");
        assertThat(t.value()).isEqualTo("2025-03-10");
        assertThat(t.precision()).isEqualTo("day");
        assertThat(t.inferred()).isTrue();
        TimeExpr full = id("Rapat digelar di balai kota, Jumat (7/2/2020).");
        assertThat(full.text()).isEqualTo("Jumat (7/2/2020)");
        assertThat(full.value()).isEqualTo("2020-02-07");
        assertThat(full.inferred()).isFalse();
    }

    @Test
    void partOfDayMakesATime() {
        TimeExpr t = id("Banjir melanda kampung itu Selasa (11/3) malam.");
        assertThat(t.text()).isEqualTo("Selasa (11/3) malam");
        assertThat(t.type()).isEqualTo("TIME");
        assertThat(t.value()).isEqualTo("2025-03-11TNI");
        TimeExpr clock = id("Kapal berangkat Sabtu (8/3/2025) pukul 14.30 WIB dari pelabuhan.");
        assertThat(clock.text()).isEqualTo("Sabtu (8/3/2025) pukul 14.30 WIB");
        assertThat(clock.value()).isEqualTo("2025-03-08T14:30");
    }

    @Test
    void writtenDatesMonthsAndYears() {
        assertThat(id("Perjanjian ditandatangani 17 Agustus 2019 di Bogor.").value()).isEqualTo("2019-08-17");
        assertThat(id("Perjanjian ditandatangani 5 Des 2019 di Bogor.").value()).isEqualTo("2019-12-05");
        TimeExpr my = id("Harga naik sejak Februari 2021 lalu.");
        assertThat(my.text()).startsWith("Februari 2021");
        assertThat(my.value()).isEqualTo("2021-02");
        assertThat(my.precision()).isEqualTo("month");
        TimeExpr y = id("Partai itu berdiri pada tahun 1955.");
        assertThat(y.text()).isEqualTo("tahun 1955");
        assertThat(y.value()).isEqualTo("1955");
        assertThat(y.precision()).isEqualTo("year");
        assertThat(id("Program itu dimulai pada 2018 oleh pemerintah.").value()).isEqualTo("2018");
        assertThat(id("Sensus 2010 mencatat kenaikan.").value()).isEqualTo("2010");
    }

    @Test
    void offsetsBeyondTheCalendarAreNoDate() {
        // found by TimeFuzzTest: "2412 tahun lalu" made year -388; too many digits overflowed the parser
        assertThat(tag("Kota itu berdiri 2412 tahun lalu.", "id", PUB)).isEmpty();
        assertThat(tag("Hal itu terjadi 99999999999 hari lalu.", "id", PUB)).isEmpty();
        assertThat(id("Hal itu terjadi 3 hari lalu.").value()).isEqualTo("2025-03-09");
        assertThat(tag("Rapat digelar besok.", "id", "9999-12-31")).isEmpty();
        assertThat(id("Proyek berlangsung 99999999999999999999 tahun.").value()).isEqualTo("P99999999999999999999Y");
    }

    @Test
    void dayAndMonthWithoutYearIsInferredNotAfterTheAnchor() {
        TimeExpr t = id("Pendaftaran dibuka 2 Maret dan ditutup kemudian.");
        assertThat(t.value()).isEqualTo("2025-03-02");
        assertThat(t.inferred()).isTrue();
        assertThat(id("Pendaftaran dibuka 20 Maret untuk umum.").value()).isEqualTo("2024-03-20");
    }

    @Test
    void monthAloneNeedsContextAndIsResolvedNearTheAnchor() {
        TimeExpr t = id("Pemilihan akan digelar pada Juli oleh komisi.");
        assertThat(t.text()).isEqualTo("Juli");
        assertThat(t.value()).isEqualTo("2025-07");
        assertThat(t.inferred()).isTrue();
        assertThat(id("Harga turun sejak Oktober.").value()).isEqualTo("2024-10");
        assertThat(id("Kenaikan terjadi Januari lalu.").value()).isEqualTo("2025-01");
        assertThat(id("Rapat dijadwalkan April mendatang.").value()).isEqualTo("2025-04");
        // a name without context is not a date
        assertThat(tag("Juli Hartono menjadi ketua.", "id", PUB)).isEmpty();
    }

    @Test
    void relativeExpressionsAgainstTheAnchor() {
        assertThat(id("Ia mengatakan hal itu hari ini.").value()).isEqualTo("2025-03-12");
        assertThat(id("Ia tiba kemarin di bandara.").value()).isEqualTo("2025-03-11");
        assertThat(id("Sidang dilanjutkan besok.").value()).isEqualTo("2025-03-13");
        assertThat(id("Sidang dilanjutkan lusa.").value()).isEqualTo("2025-03-14");
        assertThat(id("Kunjungan itu terjadi pekan lalu.").value()).isEqualTo("2025-W10");
        assertThat(id("Kunjungan dijadwalkan minggu depan.").value()).isEqualTo("2025-W12");
        assertThat(id("Tarif berlaku bulan depan.").value()).isEqualTo("2025-04");
        assertThat(id("Tarif berlaku sejak bulan lalu.").value()).isEqualTo("2025-02");
        assertThat(id("Inflasi tinggi tahun lalu.").value()).isEqualTo("2024");
        assertThat(id("Pemilu digelar tahun depan.").value()).isEqualTo("2026");
        assertThat(id("Ia ditahan dua hari lalu.").value()).isEqualTo("2025-03-10");
        assertThat(id("Ia ditahan tiga pekan lalu.").value()).isEqualTo("2025-W08");
        assertThat(id("Gudang itu terbakar lima tahun silam.").value()).isEqualTo("2020");
        assertThat(id("Harga beras naik sekarang.").value()).isEqualTo("PRESENT_REF");
    }

    @Test
    void modifiersJoinTheMonthOrPeriod() {
        TimeExpr a = id("Proyek rampung awal Juni.");
        assertThat(a.text()).isEqualTo("awal Juni");
        assertThat(a.value()).isEqualTo("2025-06");
        TimeExpr b = id("Proyek rampung akhir Juni 2012.");
        assertThat(b.text()).isEqualTo("akhir Juni 2012");
        assertThat(b.value()).isEqualTo("2012-06");
        TimeExpr c = id("Gaji dibayar pertengahan bulan.");
        assertThat(c.text()).isEqualTo("pertengahan bulan");
        assertThat(c.value()).isEqualTo("2025-03");
        TimeExpr d = id("Jalan tol dibuka akhir tahun depan.");
        assertThat(d.text()).isEqualTo("akhir tahun depan");
        assertThat(d.value()).isEqualTo("2026");
    }

    @Test
    void durationsAndSets() {
        TimeExpr a = id("Ia dipenjara empat tahun karena korupsi.");
        assertThat(a.type()).isEqualTo("DURATION");
        assertThat(a.value()).isEqualTo("P4Y");
        assertThat(a.precision()).isNull();
        assertThat(id("Pasokan cukup untuk sembilan bulan.").value()).isEqualTo("P9M");
        assertThat(id("Antrean mengular selama dua puluh lima hari.").value()).isEqualTo("P25D");
        assertThat(id("Pemadaman berlangsung 12 jam penuh.").value()).isEqualTo("PT12H");
        assertThat(tag("Konflik itu berlangsung sedekade atau dua dekade.", "id", PUB)).extracting(TimeExpr::value)
                .containsExactly("P10Y", "P20Y");
        assertThat(id("Ia menunggu sebulan lamanya.").value()).isEqualTo("P1M");
        assertThat(id("Perundingan berjalan berbulan-bulan.").value()).isEqualTo("PXM");
        TimeExpr s = id("Festival digelar setiap tahun di alun-alun.");
        assertThat(s.type()).isEqualTo("SET");
        assertThat(s.value()).isEqualTo("P1Y");
        assertThat(id("Warga berkumpul setiap Jumat di masjid.").value()).isEqualTo("XXXX-WXX-5");
    }

    @Test
    void weekdayAloneIsTheLatestSuchDay() {
        TimeExpr t = id("Polisi menangkap tersangka pada Sabtu di rumahnya.");
        assertThat(t.text()).isEqualTo("Sabtu");
        assertThat(t.value()).isEqualTo("2025-03-08");
        assertThat(id("Ia berbicara hari Rabu di depan wartawan.").value()).isEqualTo("2025-03-12");
        assertThat(id("Sidang ditunda hingga Senin depan.").value()).isEqualTo("2025-03-17");
    }

    @Test
    void longestMatchWinsAndNothingOverlaps() {
        String text = "Pada Kamis (6/3/2025) pagi, tahun lalu dan akhir Mei 2010, serta dua hari lalu, "
                + "minggu depan, pukul 09.00 WIB dan tiga tahun kemudian.";
        List<TimeExpr> ts = tag(text, "id", PUB);
        assertThat(ts).extracting(TimeExpr::text).containsExactly("Kamis (6/3/2025) pagi", "tahun lalu",
                "akhir Mei 2010", "dua hari lalu", "minggu depan", "pukul 09.00 WIB", "tiga tahun kemudian");
        for (int i = 1; i < ts.size(); i++) assertThat(ts.get(i).start()).isGreaterThanOrEqualTo(ts.get(i - 1).end());
        for (TimeExpr t : ts) assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
        // a clock time without a day takes the last day mentioned before it
        assertThat(ts.get(5).value()).isEqualTo("2025-03-10T09:00");
        assertThat(ts.get(6).value()).isEqualTo("2028");
    }

    @Test
    void numbersThatAreNotTimes() {
        String text = "Sebanyak 10.000 tentara dan 2500 personel dikerahkan; anggaran Rp134,3 triliun naik 100% "
                + "sementara produksi 30 juta barel dijual 67,75 dollar AS per barel, 1.998 orang dan 2019 orang hadir.";
        assertThat(tag(text, "id", PUB)).isEmpty();
        assertThat(tag("Skor akhir 3-1 dan nomor 2020 dipakai, harga Rp 2.024.", "id", PUB)).isEmpty();
    }

    @Test
    void withoutPublishedDateTheProcessingDateIsTheAnchor() {
        List<TimeExpr> ts = tag("Menteri tiba kemarin.", "id", null);
        assertThat(ts).singleElement().extracting(TimeExpr::value).isEqualTo("2029-12-31");
    }
}
