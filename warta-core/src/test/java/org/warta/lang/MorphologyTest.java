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

    /** The issue's list, against the pack's own root lexicon (roots.txt) with no roots added by the test. */
    @ParameterizedTest
    @CsvSource({
        "mengerahkan, kerah", "dikerahkan, kerah", "pengerahan, kerah",
        "menarik, tarik", "ditarik, tarik", "penarikan, tarik",
        "memukul, pukul", "dipukul, pukul",
        "menyerang, serang", "diserang, serang", "serangan, serang",
        "mengatakan, kata"})
    void issueListReachesRootsWithThePackLexicon(String word, String root) {
        Morphology own = new Morphology(new Languages(List.of()).get("id"), Set.of());
        assertThat(own.root(word)).isEqualTo(root);
    }

    /** English: suffix restores (e, y, doubled letter) and irregular forms from irregulars.tsv. */
    @ParameterizedTest
    @CsvSource({"accusing, accuse, active", "accused, accuse, active", "denied, deny, active", "stopped, stop, active",
        "withdrawal, withdraw, noun", "withdrew, withdraw, active", "condemnation, condemn, noun", "fought, fight, active"})
    void englishFormsReachTheirRoots(String word, String root, String form) {
        Morphology en = new Morphology(new Languages(List.of()).get("en"), Set.of("fight"));
        Morphology.Analysis a = en.analyze(word).get(0);
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
