package org.warta.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** The benchmark metric on hand-made pairs, worked out by hand. */
class ExtractionScorerTest {
    @Test
    void identicalTextsScoreOneAndCountAsExact() {
        ExtractionScorer.PageScore s = ExtractionScorer.score("one two three four five", "One two three four five".replace("One", "one"));
        assertThat(s.tp()).isEqualTo(1.0);
        assertThat(s.precision()).isEqualTo(1.0);
        assertThat(s.recall()).isEqualTo(1.0);
        assertThat(s.exact()).isTrue();
    }

    @Test
    void shinglesAreMultisetsNormalisedByTheirSum() {
        // truth: a b c d e -> shingles abcd, bcde; prediction: a b c d x -> abcd, bcdx
        ExtractionScorer.PageScore s = ExtractionScorer.score("a b c d e", "a, b. c (d) x");
        assertThat(s.tp()).isCloseTo(1.0 / 3, offset(1e-12));
        assertThat(s.fp()).isCloseTo(1.0 / 3, offset(1e-12));
        assertThat(s.fn()).isCloseTo(1.0 / 3, offset(1e-12));
        assertThat(s.precision()).isCloseTo(0.5, offset(1e-12));
        assertThat(s.exact()).isFalse();
        // a repeated shingle counts as often as it occurs: truth has abcd once, prediction twice
        ExtractionScorer.PageScore r = ExtractionScorer.score("a b c d", "a b c d a b c d");
        // prediction shingles: abcd, bcda, cdab, dabc, abcd -> tp 1, fp 4, fn 0
        assertThat(r.tp()).isCloseTo(0.2, offset(1e-12));
        assertThat(r.fp()).isCloseTo(0.8, offset(1e-12));
        assertThat(r.recall()).isEqualTo(1.0);
    }

    @Test
    void tokensAreUnicodeWordRunsLikePythonsBackslashW() {
        assertThat(ExtractionScorer.tokens("Café—naïve_x 2,5 km² ‘quoted’ 東京"))
                .containsExactly("Café", "naïve_x", "2", "5", "km²", "quoted", "東京");
    }

    @Test
    void meansSkipPagesAsTheBenchmarkDoesAndCoverageCountsEmptyOutput() {
        ExtractionScorer sc = new ExtractionScorer();
        sc.add("a b c d e", "a b c d e");   // P 1, R 1
        sc.add("a b c d e", "a b c d x");   // P 0.5, R 0.5
        sc.add("a b c d e", "");            // no output: tp+fp = 0, left out of precision; R 0
        assertThat(sc.precision()).isCloseTo(0.75, offset(1e-12));
        assertThat(sc.recall()).isCloseTo(0.5, offset(1e-12));
        assertThat(sc.f1()).isCloseTo(2 * 0.75 * 0.5 / 1.25, offset(1e-12));
        assertThat(sc.accuracy()).isCloseTo(1.0 / 3, offset(1e-12));
        assertThat(sc.coverage()).isCloseTo(2.0 / 3, offset(1e-12));
        assertThat(sc.pages()).isEqualTo(3);
    }
}
