package org.warta.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextSimilarityTest {
    @Test
    void identicalTextsScoreOneAndDisjointTextsZero() {
        TextSimilarity t = TextSimilarity.of(Map.of("a", "Banjir besar melanda Jakarta Utara",
                "b", "Banjir besar melanda Jakarta Utara", "c", "Pemilihan kepala daerah serentak digelar"), List.of());
        assertThat(t.similarity("a", "b")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(t.similarity("a", "c")).isEqualTo(0.0);
        assertThat(t.similarity("a", "missing")).isNaN();
        assertThat(t.has("c")).isTrue();
    }

    @Test
    void stopWordsShortWordsAndCaseAreIgnored() {
        Map<String, String> texts = Map.of("a", "Yang di dan BANJIR", "b", "yang di dan banjir", "c", "yang dan di gempa");
        TextSimilarity plain = TextSimilarity.of(texts, List.of());
        TextSimilarity stopped = TextSimilarity.of(texts, List.of("Yang", "dan"));
        assertThat(plain.similarity("a", "c")).isGreaterThan(0.0);
        assertThat(stopped.similarity("a", "c")).isEqualTo(0.0);
        assertThat(stopped.similarity("a", "b")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void blankTextsHaveNoVector() {
        java.util.HashMap<String, String> texts = new java.util.HashMap<>();
        texts.put("a", "  ");
        texts.put("b", null);
        TextSimilarity t = TextSimilarity.of(texts, List.of());
        assertThat(t.has("a")).isFalse();
        assertThat(t.similarity("a", "b")).isNaN();
    }
}
