package org.warta.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The JMH benchmarks' fixture and each benchmark method, called directly once per item on two made-up
 * Indonesian texts (JMH itself does not run in the test phase): what each returns is checked.
 */
class StageBenchmarksTest {
    static final String A = """
            Menteri Luar Negeri Jepang Mengunjungi Jakarta

            Jakarta - Menteri Luar Negeri Jepang tiba di Jakarta pada Senin (12/5/2025) untuk membahas kerja sama perdagangan. Ia bertemu Presiden Indonesia di Istana Merdeka.

            "Kami ingin memperluas kerja sama," kata menteri itu kepada wartawan. Kedua negara menandatangani 3 nota kesepahaman.
            """;
    static final String B = """
            Polisi Menangkap 12 Tersangka Penyelundupan

            Surabaya - Polisi menangkap 12 tersangka penyelundupan narkoba pada Selasa (4/3/2025). Kepala polisi daerah mengatakan para tersangka akan diadili bulan depan.

            Pemerintah Malaysia menyatakan siap membantu penyelidikan.
            """;

    static StageBenchmarks.Cursor cursor;

    @BeforeAll
    static void fixture() {
        cursor = new StageBenchmarks.Cursor();
        cursor.f = new Fixture(List.of(A, B));
    }

    @Test
    void theFixtureHasBothTextsAtEveryStage() {
        Fixture f = cursor.f;
        assertThat(f.forSegmenter).hasSize(2);
        assertThat(f.forTimeTagger).hasSize(2);
        assertThat(f.forEventCoder).hasSize(2);
        assertThat(f.forSegmenter.get(0).language()).isEqualTo("id");
        assertThat(f.sentences).hasSizeGreaterThanOrEqualTo(6);
        for (Fixture.Item s : f.sentences) assertThat(s.words()).hasSameSizeAs(s.starts()).hasSameSizeAs(s.gazetteerLabels());
        // no doc prepared for the event coder has events yet: the coder adds them
        for (var d : f.forEventCoder) assertThat(d.events()).isEmpty();
    }

    @Test
    void eachBenchmarkDoesItsWork() {
        StageBenchmarks b = new StageBenchmarks();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        int tokens = 0, times = 0, events = 0, places = 0;
        for (int i = 0; i < 2; i++) {
            tokens += b.tokenizeArticle(cursor);
            times += b.timeTaggerArticle(cursor);
            events += b.eventCoderArticle(cursor);
        }
        assertThat(tokens).isEqualTo(cursor.f.tokens);
        assertThat(times).as("dates in the two texts").isGreaterThanOrEqualTo(2);
        assertThat(events).as("events in the two texts").isPositive();
        for (var d : cursor.f.forEventCoder) assertThat(d.events()).as("events cleared after each call").isEmpty();
        for (int i = 0; i < cursor.f.sentences.size(); i++) {
            Fixture.Item s = cursor.f.sentences.get(cursor.sentence);
            String[] tags = b.nameTaggerSentence(cursor);
            assertThat(tags).hasSameSizeAs(s.words());
        }
        for (int i = 0; i < cursor.f.sentences.size(); i++) {
            places += b.placeGazetteerSentence(cursor);
            b.actorGazetteerSentence(cursor, bh);
        }
        assertThat(places).as("Jakarta, Surabaya, Malaysia …").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aMissingSharedFolderIsAClearError(@TempDir Path root) {
        Path missing = root.resolve("nowhere");
        assertThatThrownBy(() -> Fixture.benchDir(null, missing.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the benchmark texts are missing")
                .hasMessageContaining(missing.resolve("bench").toString());
        assertThatThrownBy(() -> Fixture.benchDir(missing.toString(), null)).hasMessageContaining("WARTA_SHARED");
    }

    @Test
    void aBenchFolderWithoutTextsIsAClearError(@TempDir Path root) throws Exception {
        Path bench = Files.createDirectories(root.resolve("shared/bench"));
        assertThat(Fixture.benchDir(null, root.resolve("shared").toString())).isEqualTo(bench);
        assertThatThrownBy(() -> Fixture.texts(bench)).hasMessageContaining("no benchmark texts under").hasMessageContaining(bench.toString());
    }
}
