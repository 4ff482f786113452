package org.warta.number;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.warta.lang.Languages;

class NumberReaderTest {
    static final NumberReader R = new NumberReader(new Languages(List.of()));

    private static NumberReader.Quantity one(String text, String lang) {
        List<NumberReader.Quantity> qs = R.find(text, lang);
        assertThat(qs).as("quantities in '" + text + "'").hasSize(1);
        return qs.get(0);
    }

    @Test
    void indonesianDigits() {
        assertThat(one("sebanyak 10.000 tentara", "id").value()).isEqualTo(10_000);
        assertThat(one("sekitar 1,5 juta orang", "id").value()).isEqualTo(1_500_000);
        NumberReader.Quantity q = one("massa 2.500-an orang", "id");
        assertThat(q.value()).isEqualTo(2_500);
        assertThat(q.approximate()).isTrue();
        assertThat(one("Rp 417.000.000 tunai", "id").value()).isEqualTo(417_000_000);
        assertThat(one("US$ 3,52 miliar", "id").value()).isEqualTo(3_520_000_000L);
    }

    @Test
    void indonesianWords() {
        assertThat(one("sepuluh ribu orang", "id").value()).isEqualTo(10_000);
        assertThat(one("dua ratus lima puluh ribu", "id").value()).isEqualTo(250_000);
        assertThat(one("tiga belas korban", "id").value()).isEqualTo(13);
        assertThat(one("seribu polisi", "id").value()).isEqualTo(1_000);
        NumberReader.Quantity p = one("puluhan mahasiswa", "id");
        assertThat(p.value()).isEqualTo(10);
        assertThat(p.approximate()).isTrue();
        assertThat(one("ratusan ribu warga", "id").value()).isEqualTo(100_000);
    }

    @Test
    void englishForms() {
        assertThat(one("some 10,000 troops", "en").value()).isEqualTo(10_000);
        assertThat(one("1.5 million people", "en").value()).isEqualTo(1_500_000);
        assertThat(one("ten thousand protesters", "en").value()).isEqualTo(10_000);
        assertThat(one("twenty-one soldiers", "en").value()).isEqualTo(21);
        assertThat(one("hundreds of students", "en").approximate()).isTrue();
        assertThat(R.find("a man was arrested", "en")).isEmpty();
    }

    @Test
    void aVagueWordWithoutOrderIsNoQuantity() {
        assertThat(R.find("beberapa orang", "id")).isEmpty();
    }
}
