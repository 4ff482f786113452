package org.warta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warta.io.Json;

/** {@code train ner} and {@code eval ner} on small hand-made files. */
class NerCommandsTest {
    @TempDir
    Path dir;

    private static EvalCommandsTest.Run run(String... args) {
        return EvalCommandsTest.run(args);
    }

    private static String corpus(String[] names, String[] places) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            sb.append("Pak\tO\n").append(names[i % names.length]).append("\tB-PERSON\n").append("pergi\tO\nke\tO\n")
                    .append(places[(i * 3) % places.length]).append("\tB-PLACE\n.\tO\n\n");
        }
        return sb.toString();
    }

    @Test
    void trainsAModelAndScoresItWithChunkF1() throws Exception {
        Path train = dir.resolve("train.txt");
        Files.writeString(train, corpus(new String[] {"Budi", "Sari", "Joko", "Ani"}, new String[] {"Bandung", "Medan", "Solo", "Bogor"}));
        // the gold uses another tag set for places (LOC): compared as "place"
        Path gold = dir.resolve("gold.txt");
        Files.writeString(gold, "Pak\tO\nSlamet\tB-PER\npergi\tO\nke\tO\nCirebon\tB-LOC\n.\tO\n\n"
                + "Pak\tO\nTono\tB-PER\npergi\tO\nke\tO\nKudus\tB-ORG\n.\tO\n");
        Path model = dir.resolve("m.bin");
        EvalCommandsTest.Run t = run("train", "ner", "--data", train.toString(), "--out", model.toString(), "--no-kb", "--epochs", "4",
                "--classes", "4", "--min-count", "1");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(Files.size(model)).isPositive();
        Path pred = dir.resolve("pred.tsv");
        EvalCommandsTest.Run e = run("eval", "ner", "--data", gold.toString(), "--model", model.toString(), "--no-kb", "--json",
                "--predictions", pred.toString(), "--repeat", "2", "--bootstrap", "200");
        assertThat(e.code()).as(e.err()).isZero();
        JsonNode r = Json.MAPPER.readTree(e.out());
        // --repeat: the tagging speed alone is reported (its value is not asserted: speed is for benchmarks)
        assertThat(r.has("tagging_cpu_sentences_per_second")).isTrue();
        assertThat(r.path("tagging_cpu_seconds").asDouble()).isNotNegative();
        // the load of the pipeline's data (language packs, KB, gazetteers, both shipped models): its time and the
        // heap it keeps; the models alone are some MB on disk, so the heap figure cannot be near zero
        assertThat(r.path("load_seconds").isNumber()).isTrue();
        assertThat(r.path("load_seconds").asDouble()).isPositive().isLessThan(600);
        assertThat(r.path("load_heap_mb").isNumber()).isTrue();
        assertThat(r.path("load_heap_mb").asDouble()).isGreaterThan(2).isLessThan(4000);
        // gold: 2 PER, 1 LOC, 1 ORG; predicted: 2 person, 2 place; matched: 2 PER + 1 LOC
        assertThat(r.path("per_type").path("PER").path("f1").asDouble()).isEqualTo(1.0);
        assertThat(r.path("per_type").path("LOC").path("precision").asDouble()).isEqualTo(0.5);
        assertThat(r.path("per_type").path("ORG").path("f1").asDouble()).isZero();
        assertThat(r.path("micro_f1").asDouble()).isEqualTo(2 * 0.75 * 0.75 / 1.5);
        assertThat(r.path("macro_f1").asDouble()).isCloseTo((1.0 + 2 * 0.5 * 1.0 / 1.5 + 0) / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Files.readString(pred)).startsWith("Pak\tO\tO\nSlamet\tB-PER\tB-PERSON\n").contains("\n\nPak\tO\tO\n");
        // --bootstrap: resamples of the two sentences; micro F1 is 1.0 when both draws are the first sentence and
        // 0.5 when both are the second (a quarter of the resamples each), so the 95 % interval spans exactly that
        JsonNode b = r.path("bootstrap");
        assertThat(b.path("resamples").asInt()).isEqualTo(200);
        assertThat(b.path("micro_f1").path(0).asDouble()).isEqualTo(0.5);
        assertThat(b.path("micro_f1").path(1).asDouble()).isEqualTo(1.0);
        assertThat(b.path("macro_f1").path(0).asDouble()).isLessThan(r.path("macro_f1").asDouble());
        assertThat(b.path("macro_f1").path(1).asDouble()).isGreaterThan(r.path("macro_f1").asDouble());
    }

    @Test
    void crossValidationScoresEachFoldAndTheMeanWithoutWritingAModel() throws Exception {
        Path train = dir.resolve("train.txt");
        Files.writeString(train, corpus(new String[] {"Budi", "Sari", "Joko", "Ani"}, new String[] {"Bandung", "Medan", "Solo", "Bogor"}));
        EvalCommandsTest.Run t = run("train", "ner", "--data", train.toString(), "--folds", "3", "--no-kb", "--epochs", "4",
                "--classes", "4", "--min-count", "1");
        assertThat(t.code()).as(t.err()).isZero();
        // 30 sentences in 3 folds of 10; every fold's names and places were seen in the other folds
        assertThat(t.out()).contains("fold 1/3: 10 sentences, micro F1 1.0000, type-macro F1 1.0000")
                .contains("fold 3/3: 10 sentences").contains("mean of 3 folds: micro F1 1.0000 ± 0.0000, type-macro F1 1.0000 ± 0.0000");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(train);
        }
        EvalCommandsTest.Run one = run("train", "ner", "--data", train.toString(), "--folds", "1", "--no-kb");
        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).contains("--folds must be between 2 and the number of sentences (30): 1");
        EvalCommandsTest.Run noOut = run("train", "ner", "--data", train.toString(), "--no-kb");
        assertThat(noOut.code()).isEqualTo(2);
        assertThat(noOut.err()).contains("--out FILE is required");
    }

    @Test
    void domainCopiesChangeAModelTrainedWithExtraDataAndNothingElse() throws Exception {
        Path train = dir.resolve("train.txt");
        Files.writeString(train, corpus(new String[] {"Budi", "Sari", "Joko", "Ani"}, new String[] {"Bandung", "Medan", "Solo", "Bogor"}));
        // extra sentences of another tag set (PPL, PLC), lower-cased
        Path extra = dir.resolve("extra.txt");
        Files.writeString(extra, corpus(new String[] {"Tono", "Wati"}, new String[] {"Kudus", "Depok"}).toLowerCase(java.util.Locale.ROOT)
                .replace("b-person", "B-PPL").replace("b-place", "B-PLC").replace("\to\n", "\tO\n"));
        String[] common = {"--data", train.toString(), "--no-kb", "--epochs", "4", "--classes", "4", "--min-count", "1"};
        java.util.function.BiFunction<String, String[], byte[]> model = (name, more) -> {
            Path out = dir.resolve(name);
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("train", "ner", "--out", out.toString()));
            args.addAll(java.util.List.of(common));
            args.addAll(java.util.List.of(more));
            EvalCommandsTest.Run t = run(args.toArray(String[]::new));
            assertThat(t.code()).as(t.err()).isZero();
            try {
                return Files.readAllBytes(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        assertThat(model.apply("a.bin", new String[] {"--extra", extra.toString(), "--domain-copies"}))
                .isEqualTo(model.apply("b.bin", new String[] {"--extra", extra.toString(), "--domain-copies"}))
                .isNotEqualTo(model.apply("c.bin", new String[] {"--extra", extra.toString()}));
        assertThat(model.apply("d.bin", new String[] {"--domain-copies"})).isEqualTo(model.apply("e.bin", new String[0]));
    }

    @Test
    void badGoldFileIsAnErrorNamingTheLine() throws Exception {
        Path gold = dir.resolve("bad.txt");
        Files.writeString(gold, "Pak\tO\nSlamet\n");
        EvalCommandsTest.Run e = run("eval", "ner", "--data", gold.toString(), "--no-kb");
        assertThat(e.code()).isEqualTo(1);
        assertThat(e.err()).contains("bad.txt:2");
    }
}
