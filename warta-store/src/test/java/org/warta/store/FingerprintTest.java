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
}
