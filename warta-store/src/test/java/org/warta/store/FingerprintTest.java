package org.warta.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.warta.io.Json;

class FingerprintTest {
    static List<String> texts() throws Exception {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(StoreFixtures.fixture("batch1.jsonl"))) out.add(Json.MAPPER.readTree(l).get("text").asText());
        for (String l : Files.readAllLines(StoreFixtures.fixture("syndicated.jsonl"))) out.add(Json.MAPPER.readTree(l).get("text").asText());
        return out;
    }

    @Test
    void aSyndicatedCopyIsSimilarAndUnrelatedArticlesAreNot() throws Exception {
        List<String> t = texts();
        long[] original = Fingerprint.minhash(t.get(0)), copy = Fingerprint.minhash(t.get(3)), other = Fingerprint.minhash(t.get(2));
        assertThat(Fingerprint.similarity(original, copy)).isGreaterThanOrEqualTo(Fingerprint.NEAR_DUPLICATE);
        assertThat(Fingerprint.similarity(original, other)).isLessThan(0.1);
        assertThat(Fingerprint.bands(original)).containsAnyElementsOf(Fingerprint.bands(copy));
        assertThat(Fingerprint.decode(Fingerprint.encode(original))).isEqualTo(original);
    }

    @Test
    void aShortTextOrAMenuIsNotComparedAtAll() {
        String menu = "Home\n\nAbout\n\nAdvertisements\n\nJob Vacancies\n\nContact\n\nLatest\n\nPolitics\n\nWorld News\n\nSports\n\nPost a Comment";
        assertThat(Fingerprint.minhashBody("Some headline\n\n" + menu, "Some headline")).isNull();
        assertThat(Fingerprint.contentHash(" a  b\n c ")).isEqualTo(Fingerprint.contentHash("a b c"));
    }

    @Test
    void pagesOfOneSiteAreCopiesOnlyUnderAlikeTitles() {
        String a = "https://www.situs.example/2025/01/01/satu", b = "https://situs.example/2025/01/02/dua";
        assertThat(Fingerprint.host(a)).isEqualTo("situs.example").isEqualTo(Fingerprint.host(b));
        assertThat(Fingerprint.mayBeCopies(a, "Banjir melanda ibu kota", b, "Harga beras naik lagi")).isFalse();
        assertThat(Fingerprint.mayBeCopies(a, "Banjir melanda ibu kota", b, "Banjir melanda ibu kota lagi")).isTrue();
        // another site may carry a wire copy under any headline; without a title the bodies decide
        assertThat(Fingerprint.mayBeCopies(a, "Banjir melanda ibu kota", "https://lain.example/x", "Hujan deras, Jakarta terendam")).isTrue();
        assertThat(Fingerprint.mayBeCopies(a, null, b, "Harga beras naik lagi")).isTrue();
        assertThat(Fingerprint.mayBeCopies(null, "Banjir", null, "Harga")).isTrue();
    }
}
