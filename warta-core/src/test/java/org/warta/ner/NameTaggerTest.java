package org.warta.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warta.lang.DataFileException;
import org.warta.lang.Languages;
import org.warta.lang.Morphology;

class NameTaggerTest {
    private static final Morphology MORPHOLOGY = new Morphology(new Languages(List.of()).get("id"), Set.of());

    /** A toy corpus written for this test: "Pak NAME datang ke PLACE ." with varied names and places. */
    private static List<NerCorpus.Sentence> toyCorpus() {
        String[] names = {"Budi", "Sari", "Joko", "Ani", "Rudi", "Wati", "Dedi", "Tono"};
        String[] places = {"Bandung", "Medan", "Solo", "Bogor", "Malang", "Padang", "Depok", "Kudus"};
        List<NerCorpus.Sentence> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String n = names[i % names.length];
            String p = places[(i * 3) % places.length];
            out.add(new NerCorpus.Sentence(new String[] {"Pak", n, "datang", "ke", p, "kemarin", "."},
                    new String[] {"O", "B-PERSON", "O", "O", "B-PLACE", "O", "O"}));
        }
        return out;
    }

    private static NameTagger train() {
        return new NerTrainer(null, MORPHOLOGY, new NerTrainer.Options(5, 7L, 0, 1, List.of(4))).train(toyCorpus(), null);
    }

    @Test
    void learnsContextsAndTagsUnseenNames() {
        NameTagger t = train();
        String[] tags = t.tag(new String[] {"Pak", "Slamet", "datang", "ke", "Cirebon", "kemarin", "."}, null);
        assertThat(tags).containsExactly("O", "B-PERSON", "O", "O", "B-PLACE", "O", "O");
        assertThat(t.types()).containsExactly("PERSON", "PLACE");
    }

    @Test
    void trainingIsDeterministicAndTheModelRoundTrips() throws IOException {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        train().write(a);
        train().write(b);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
        NameTagger read = NameTagger.read(new ByteArrayInputStream(a.toByteArray()), "toy", MORPHOLOGY);
        String[] words = {"Pak", "Budi", "datang", "ke", "Solo", "kemarin", "."};
        assertThat(read.tag(words, null)).containsExactly(train().tag(words, null));
    }

    /** The model file of a model trained on the toy corpus. */
    private static byte[] bytes(NameTagger t) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.write(out);
        return out.toByteArray();
    }

    /**
     * Trains twice with {@code options}: the two model files must be equal, differ from {@code other}'s, and
     * the model must still learn the toy corpus.
     */
    private static void assertDeterministicDifferentAndLearns(NerTrainer.Options options, NerTrainer.Options other) throws IOException {
        NameTagger t = new NerTrainer(null, MORPHOLOGY, options).train(toyCorpus(), null);
        byte[] again = bytes(new NerTrainer(null, MORPHOLOGY, options).train(toyCorpus(), null));
        assertThat(bytes(t)).isEqualTo(again).isNotEqualTo(bytes(new NerTrainer(null, MORPHOLOGY, other).train(toyCorpus(), null)));
        assertThat(t.tag(new String[] {"Pak", "Slamet", "datang", "ke", "Cirebon", "kemarin", "."}, null))
                .containsExactly("O", "B-PERSON", "O", "O", "B-PLACE", "O", "O");
    }

    @Test
    void severalRunsAreDeterministicAndDifferFromOne() throws IOException {
        // the mean of the runs' weights still learns the toy corpus
        assertDeterministicDifferentAndLearns(new NerTrainer.Options(5, 7L, 0, 1, List.of(4), 1e-4, 3, 0, 0),
                new NerTrainer.Options(5, 7L, 0, 1, List.of(4)));
        assertThatThrownBy(() -> new NerTrainer.Options(5, 7L, 0, 1, List.of(4), 1e-4, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void marginAndFeatureDropoutAreDeterministicAndStillLearn() throws IOException {
        assertDeterministicDifferentAndLearns(new NerTrainer.Options(8, 7L, 0, 1, List.of(4), 1e-4, 1, 5, 0.2),
                new NerTrainer.Options(8, 7L, 0, 1, List.of(4)));
        assertThatThrownBy(() -> new NerTrainer.Options(5, 7L, 0, 1, List.of(4), 1e-4, 1, -1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("margin");
        assertThatThrownBy(() -> new NerTrainer.Options(5, 7L, 0, 1, List.of(4), 1e-4, 1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dropout");
    }

    @Test
    void domainCopiesLetTheMainDataKeepItsConventionWhereTheExtraDataDiffers() throws IOException {
        // toy corpora written for this test: the main set tags places, the (larger) extra set leaves them out
        List<NerCorpus.Sentence> main = toyCorpus();
        List<NerCorpus.Sentence> extra = new ArrayList<>();
        for (NerCorpus.Sentence s : toyCorpus())
            for (int copy = 0; copy < 3; copy++)
                extra.add(new NerCorpus.Sentence(s.words(), java.util.Arrays.stream(s.tags()).map(t -> t.endsWith("PLACE") ? "O" : t).toArray(String[]::new)));
        NerTrainer.Options plain = new NerTrainer.Options(8, 7L, 0, 1, List.of(4), 1e-4, 1, 0, 0, false);
        NerTrainer.Options copies = new NerTrainer.Options(8, 7L, 0, 1, List.of(4), 1e-4, 1, 0, 0, true);
        String[] unseen = {"Pak", "Slamet", "datang", "ke", "Cirebon", "kemarin", "."};
        NameTagger mixed = new NerTrainer(null, MORPHOLOGY, plain).train(main, extra, null);
        NameTagger adapted = new NerTrainer(null, MORPHOLOGY, copies).train(main, extra, null);
        assertThat(mixed.tag(unseen, null)[4]).isEqualTo("O"); // outvoted by the extra set
        assertThat(adapted.tag(unseen, null)).containsExactly("O", "B-PERSON", "O", "O", "B-PLACE", "O", "O");
        assertThat(bytes(adapted)).isEqualTo(bytes(new NerTrainer(null, MORPHOLOGY, copies).train(main, extra, null)));
        // without extra sentences there is nothing to copy: the same model as without the option
        assertThat(bytes(new NerTrainer(null, MORPHOLOGY, copies).train(main, null)))
                .isEqualTo(bytes(new NerTrainer(null, MORPHOLOGY, plain).train(main, null)));
    }

    @Test
    void organisationHeadWordsComeFromThePackAndTravelWithTheModel() throws IOException {
        Set<String> heads = NerTrainer.organisationHeads(new Languages(List.of()).get("id"), true);
        assertThat(heads).contains("kementerian", "partai", "rumah sakit", "university", "sdn", "ps");
        // abbreviations that are heads in capitals ("PS Barito Putera") are left out of a lower-cased model's list
        Set<String> lowerCased = NerTrainer.organisationHeads(new Languages(List.of()).get("id"), false);
        assertThat(lowerCased).contains("kementerian", "partai", "rumah sakit").doesNotContain("sdn", "ps", "tk");
        assertThat(heads).containsAll(lowerCased);
        // a toy corpus written for this test: an unseen capitalised span after a head word is an organisation
        String[] orgHeads = {"Yayasan", "Lembaga", "Partai", "Komisi"};
        String[] names = {"Budi", "Sari", "Joko", "Ani", "Rudi", "Wati", "Dedi", "Tono"};
        String[] orgs = {"Harapan", "Sejahtera", "Merdeka", "Bersatu", "Cahaya", "Pelita", "Amanah", "Mulia"};
        List<NerCorpus.Sentence> data = new ArrayList<>();
        for (int i = 0; i < 48; i++)
            data.add(new NerCorpus.Sentence(
                    new String[] {names[i % 8], "memimpin", orgHeads[i % 4], orgs[(i * 3) % 8], "kemarin", "."},
                    new String[] {"B-PERSON", "O", "B-ORGANISATION", "I-ORGANISATION", "O", "O"}));
        NameTagger t = new NerTrainer(null, MORPHOLOGY, heads, new NerTrainer.Options(5, 7L, 0, 1, List.of())).train(data, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.write(out);
        NameTagger read = NameTagger.read(new ByteArrayInputStream(out.toByteArray()), "toy", MORPHOLOGY);
        String[] words = {"Slamet", "memimpin", "Badan", "Nusantara", "kemarin", "."};
        assertThat(read.tag(words, null)).containsExactly(t.tag(words, null));
        assertThat(read.tag(words, null)).containsExactly("B-PERSON", "O", "B-ORGANISATION", "I-ORGANISATION", "O", "O");
    }

    @Test
    void perWordSumsTagAsFeatureByFeatureLookupsDo() {
        NameTagger t = NameTaggers.resource(NameTaggers.CASED, MORPHOLOGY);
        // sentences written for this test
        String[][] sentences = {
                {"Ketua", "Partai", "Harapan", "Rakyat", "Budi", "Santoso", "berkunjung", "ke", "Kabupaten", "Deli", "Serdang", "."},
                {"PT", "Sinar", "Abadi", "membuka", "pabrik", "di", "Cikarang", "pada", "Senin", "(", "3/2", ")", "."},
                {"Menurut", "Kementerian", "Kesehatan", ",", "kasus", "di", "Jakarta", "turun", "."},
                {"Halo"}};
        for (String[] s : sentences) {
            String[] gaz = new String[s.length];
            gaz[s.length - 1] = "B-COUNTRY";
            assertThat(t.tag(s, gaz)).as(String.join(" ", s)).containsExactly(t.tagFeatureByFeature(s, gaz));
            assertThat(t.tag(s, null)).containsExactly(t.tagFeatureByFeature(s, null));
        }
        NameTagger small = t.pruned(4.0); // the shipped model is pruned at 1
        assertThat(small.featureCount()).isLessThan(t.featureCount());
        assertThat(small.tag(sentences[0], null)).containsExactly(small.tagFeatureByFeature(sentences[0], null));
    }

    @Test
    void decodingNeverStartsAChunkWithInside() {
        boolean[] allowed = NameTagger.allowedTransitions(new String[] {"O", "B-X", "I-X", "I-Y"});
        int t = 4;
        float[][] emit = {{0, 0, 5, 0}, {0, 0, 0, 5}};
        int[] best = NameTagger.viterbi(emit, new float[(t + 1) * t], allowed, t);
        assertThat(best[0]).isNotEqualTo(2); // I-X cannot open a sentence
        assertThat(best[1]).isNotEqualTo(3); // I-Y cannot follow anything but B-Y/I-Y
    }

    @Test
    void badModelFileIsAClearError() {
        assertThatThrownBy(() -> NameTagger.read(new ByteArrayInputStream(new byte[] {1, 2, 3}), "broken.bin", MORPHOLOGY))
                .isInstanceOf(IOException.class);
    }

    @Test
    void chunksFollowConlleval() {
        assertThat(Chunk.of(new String[] {"B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"}))
                .containsExactly(new Chunk(0, 2, "PER"), new Chunk(3, 4, "LOC"), new Chunk(4, 5, "LOC"), new Chunk(5, 6, "ORG"));
    }

    @Test
    void corpusReaderNamesFileAndLineOfABadTag(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, "Budi\tB-PERSON\npergi\tX\n");
        assertThatThrownBy(() -> NerCorpus.read(f)).isInstanceOf(DataFileException.class).hasMessageContaining("bad.txt:2");
        Path g = dir.resolve("ok.txt");
        Files.writeString(g, "Budi\tB-PERSON\npergi\tO\n\nke\tO\nSolo\tB-PLACE\n");
        assertThat(NerCorpus.read(g)).hasSize(2);
    }

    @Test
    void wordClassesGroupWordsOfLikeContexts() {
        List<String[]> text = new ArrayList<>();
        for (NerCorpus.Sentence s : toyCorpus()) text.add(s.words());
        WordClusters wc = WordClusters.learn(text, 4, 1, 5);
        assertThat(wc.of("budi")).isEqualTo(wc.of("sari"));
        assertThat(wc.of("bandung")).isEqualTo(wc.of("medan"));
        assertThat(wc.of("tidak-ada")).isEqualTo(-1);
    }

    @Test
    void typesMapAcrossTagSets() {
        assertThat(NerTypes.canonical("PPL")).isEqualTo(NerTypes.canonical("PER")).isEqualTo(NerTypes.PERSON);
        assertThat(NerTypes.canonical("PLC")).isEqualTo(NerTypes.PLACE);
        assertThat(NerTypes.canonical("IND")).isEqualTo(NerTypes.canonical("ORGANISATION")).isEqualTo(NerTypes.ORGANISATION);
        assertThat(NerTypes.canonical("EVT")).isEqualTo("evt");
    }
}
