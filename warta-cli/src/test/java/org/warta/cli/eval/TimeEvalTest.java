package org.warta.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval time}: TimeML reading and writing, the TempEval-3 scores, and the IndoTimex development gold. */
class TimeEvalTest {
    @TempDir
    Path dir;

    static final String TML = """
            <?xml version="1.0" ?>
            <TimeML>
            <DOCID>x</DOCID>
            <DCT><TIMEX3 tid="t0" type="DATE" value="2014-11-28" temporalFunction="false" functionInDocument="CREATION_TIME">2014-11-28</TIMEX3></DCT>
            <TEXT>Rapat digelar <TIMEX3 tid="t1" type="DATE" value="2014-11-27">kemarin</TIMEX3> &amp; berlangsung \
            <TIMEX3 tid="t2" type="DURATION" value="PT3H">tiga jam</TIMEX3>. Pemilu <TIMEX3 tid="t3" type="DATE" value="2019">tahun 2019</TIMEX3>.</TEXT>
            </TimeML>
            """;

    @Test
    void readsTextGoldAndCreationTime() throws Exception {
        TimeMl.Document d = TimeMl.parse("x.tml", TML);
        assertThat(d.dct()).hasToString("2014-11-28");
        assertThat(d.text()).startsWith("Rapat digelar kemarin & berlangsung tiga jam.");
        assertThat(d.gold()).extracting(TimeMl.Timex::value).containsExactly("2014-11-27", "PT3H", "2019");
        TimeMl.Timex first = d.gold().get(0);
        assertThat(d.text().substring(first.start(), first.end())).isEqualTo("kemarin");
    }

    @Test
    void writtenPredictionsReadBackAsGold() throws Exception {
        TimeMl.Document d = TimeMl.parse("x.tml", TML);
        List<TimeMl.Timex> pred = List.of(new TimeMl.Timex(14, 21, "DATE", "2014-11-27"));
        TimeMl.Document back = TimeMl.parse("y.tml", TimeMl.write(d, pred));
        assertThat(back.text()).isEqualTo(d.text());
        assertThat(back.gold()).containsExactlyElementsOf(pred);
        assertThat(back.dct()).isEqualTo(d.dct());
    }

    @Test
    void strictRelaxedAndValueScores() {
        TimeScorer s = new TimeScorer();
        List<TimeMl.Timex> gold = List.of(new TimeMl.Timex(0, 7, "DATE", "2014-11-27"), new TimeMl.Timex(20, 28, "DURATION", "PT3H"));
        // exact and right; overlapping but wrong value; one spurious
        List<TimeMl.Timex> pred = List.of(new TimeMl.Timex(0, 7, "DATE", "2014-11-27"), new TimeMl.Timex(20, 24, "DURATION", "PT2H"),
                new TimeMl.Timex(40, 45, "DATE", "2015"));
        s.add(pred, gold);
        assertThat(s.strictPrecision()).isEqualTo(1.0 / 3);
        assertThat(s.strictRecall()).isEqualTo(0.5);
        assertThat(s.relaxedPrecision()).isEqualTo(2.0 / 3);
        assertThat(s.relaxedRecall()).isEqualTo(1.0);
        assertThat(s.valueF1()).isEqualTo(TimeScorer.f1(1.0 / 3, 0.5));
    }

    @Test
    void readsFoldersAndZips() throws Exception {
        Files.writeString(dir.resolve("a.tml"), TML, StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.tml"), TML, StandardCharsets.UTF_8);
        assertThat(TimeMl.read(dir)).hasSize(2);
        Files.writeString(dir.resolve("sub/broken.tml"), "<TimeML><TEXT>no creation time</TEXT></TimeML>");
        java.util.List<String> failed = new java.util.ArrayList<>();
        assertThat(TimeMl.read(dir, failed)).hasSize(2);
        assertThat(failed).singleElement().asString().contains("broken.tml");
        Files.delete(dir.resolve("sub/broken.tml"));
        Path bad = dir.resolve("bad.tml");
        Files.writeString(bad, "<TimeML><TEXT>no date</TEXT></TimeML>");
        try {
            TimeMl.read(bad);
            fail("a document without a creation time must be an error");
        } catch (java.io.IOException e) {
            assertThat(e.getMessage()).contains("bad.tml").contains("creation time");
        }
    }

    @Test
    void indoTimexDevelopmentGold() throws Exception {
        String shared = System.getProperty("warta.shared", "../shared");
        Path zip = Path.of(shared).resolve("bench/indotimex/Kompas_test_gold.dev.zip");
        if (!Files.isRegularFile(zip)) {
            if ("true".equals(System.getProperty("warta.ci"))) fail("missing " + zip + " (warta.ci=true)");
            assumeTrue(false, "skipped: IndoTimex data not found at " + zip + " (set -Dwarta.shared=DIR)");
        }
        ObjectNode r = TimeCommand.evaluate(zip, List.of(), dir.resolve("pred"));
        assertThat(r.get("gold").asInt()).isGreaterThan(50);
        assertThat(r.get("relaxed_f1").asDouble()).isGreaterThanOrEqualTo(0.92);
        assertThat(r.get("value_f1").asDouble()).isGreaterThanOrEqualTo(0.85);
        try (var files = Files.list(dir.resolve("pred"))) {
            assertThat(files.count()).isEqualTo(r.get("docs").asInt());
        }
    }
}
