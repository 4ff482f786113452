package org.warta.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MorphologyTest {
    private static final Morphology ID = new Morphology(new Languages(List.of()).get("id"),
            Set.of("kerah", "tarik", "pukul", "serang", "kata", "bantu", "minta", "kirim"));

    @ParameterizedTest
    @CsvSource({
        "mengerahkan, kerah, active", "dikerahkan, kerah, passive", "pengerahan, kerah, noun",
        "menarik, tarik, active", "ditarik, tarik, passive", "penarikan, tarik, noun",
        "memukul, pukul, active", "dipukul, pukul, passive",
        "menyerang, serang, active", "diserang, serang, passive", "serangan, serang, noun",
        "mengatakan, kata, active", "membantu, bantu, active", "meminta, minta, active",
        "pengiriman, kirim, noun"})
    void affixedFormsReachTheirRoots(String word, String root, String form) {
        Morphology.Analysis a = ID.analyze(word).get(0);
        assertThat(a.root()).isEqualTo(root);
        assertThat(a.form()).isEqualTo(form);
    }

    @ParameterizedTest
    @CsvSource({"pasukannya, pasukan", "tariklah, tarik"})
    void cliticsAreStripped(String word, String root) {
        assertThat(ID.root(word)).isEqualTo(root);
    }

    @ParameterizedTest
    @CsvSource({"komputer", "Jakarta"})
    void unknownWordsStayWhole(String word) {
        assertThat(ID.root(word)).isEqualTo(word.toLowerCase());
    }
}
