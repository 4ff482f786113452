package org.warta.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.warta.actor.Gazetteer;
import org.warta.cli.eval.NerEval;
import org.warta.kb.KnowledgeBase;
import org.warta.lang.Languages;
import org.warta.lang.Morphology;
import org.warta.ner.NameTagger;
import org.warta.ner.NerCorpus;
import org.warta.ner.NerTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code warta train ner}: trains a name-tagger model from a {@code token<TAB>tag} file. The same data,
 * options and seed give the same model file, byte for byte.
 */
@Command(name = "ner", mixinStandardHelpOptions = true,
        description = "Train a name-tagger model (averaged perceptron) on a token<TAB>tag file.")
public final class TrainNerCommand implements Callable<Integer> {
    private final Env env;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Training file (token<TAB>tag, BIO). Never a test split. Repeatable (files of one tag set, e.g. train and, for a final model, valid).")
    List<Path> data;

    @Option(names = "--extra", paramLabel = "FILE", description = "More training sentences of another tag set, mapped to the data's types (PPL/PERSON, PLC/PLACE, IND/ORGANISATION; others become O). Repeatable.")
    List<Path> extra = new java.util.ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the model (required unless --folds).")
    Path out;

    @Option(names = "--folds", paramLabel = "K", description = "Cross-validate instead of writing a model: the --data sentences are split in K folds "
            + "(sentence i in fold i mod K); each fold is scored (chunk F1, as eval ner) by a model trained on the other folds and the --extra "
            + "sentences. Prints each fold and the mean.")
    int folds;

    @Option(names = "--epochs", description = "Passes over the data (default: ${DEFAULT-VALUE}).")
    int epochs = NerTrainer.Options.defaults().epochs();

    @Option(names = "--seed", description = "Shuffle seed (default: ${DEFAULT-VALUE}).")
    long seed = NerTrainer.Options.defaults().seed();

    @Option(names = "--min-count", description = "Leave out features seen fewer times (default: ${DEFAULT-VALUE}).")
    int minCount = NerTrainer.Options.defaults().minCount();

    @Option(names = "--kb-dropout", description = "Share of sentences per pass trained without knowledge-base features (default: ${DEFAULT-VALUE}).")
    double kbDropout = NerTrainer.Options.defaults().gazetteerDropout();

    @Option(names = "--classes", split = ",", description = "Sizes of the word-class sets learnt from the training words (default: ${DEFAULT-VALUE}; 0 for none).")
    List<Integer> classes = NerTrainer.Options.defaults().clusterSizes();

    @Option(names = "--prune", paramLabel = "X", description = "Leave out features whose averaged weights are all below X in absolute value: a smaller, faster model (default: ${DEFAULT-VALUE}).")
    double prune = NerTrainer.Options.defaults().prune();

    @Option(names = "--runs", paramLabel = "N", description = "Training runs, each its own shuffle of the data, whose averaged weights are averaged again: steadier than one run (default: ${DEFAULT-VALUE}).")
    int runs = NerTrainer.Options.defaults().runs();

    @Option(names = "--margin", paramLabel = "X", description = "While training, every wrong tag of a token scores X more, so a sentence teaches until its gold tags win by that margin (0: the plain perceptron; default: ${DEFAULT-VALUE}).")
    double margin = NerTrainer.Options.defaults().margin();

    @Option(names = "--feature-dropout", paramLabel = "P", description = "Share of a sentence's features left out, at random, each time it is trained on (0: none; default: ${DEFAULT-VALUE}).")
    double featureDropout = NerTrainer.Options.defaults().featureDropout();

    @Option(names = "--domain-copies", description = "With --extra: each feature also gets a copy for each of the two data sets, learnt from that set alone, "
            + "so the model can learn where their conventions differ (feature augmentation); the model keeps the shared and the --data copy.")
    boolean domainCopies;

    @Option(names = "--no-kb", description = "Train without knowledge-base features.")
    boolean noKb;

    public TrainNerCommand(Env env) {
        this.env = env;
    }

    private List<NerCorpus.Sentence> read(List<Path> files) throws IOException {
        List<NerCorpus.Sentence> out = new java.util.ArrayList<>();
        for (Path p : files) {
            if (p.getFileName().toString().contains("test"))
                env.err().println("warta: train ner: warning: " + p + " looks like a test split; never train on test data");
            out.addAll(NerCorpus.read(p));
        }
        return out;
    }

    @Override
    public Integer call() {
        List<NerCorpus.Sentence> sentences;
        List<NerCorpus.Sentence> more = new java.util.ArrayList<>();
        try {
            sentences = read(data);
            more.addAll(read(extra));
        } catch (IOException | RuntimeException e) {
            env.err().println("warta: train ner: " + e.getMessage());
            return 1;
        }
        if (sentences.isEmpty()) {
            env.err().println("warta: train ner: " + data + ": no sentences");
            return 1;
        }
        if (folds == 1 || folds < 0 || folds > sentences.size()) {
            env.err().println("warta: train ner: --folds must be between 2 and the number of sentences (" + sentences.size() + "): " + folds);
            return 2;
        }
        if (out == null && folds == 0) {
            env.err().println("warta: train ner: --out FILE is required (or --folds K to cross-validate)");
            return 2;
        }
        Languages langs = new Languages(List.of());
        Morphology morphology = new Morphology(langs.get("id"), Set.of());
        Gazetteer gazetteer = noKb ? null : Gazetteer.of(KnowledgeBase.load(List.of()));
        NerTrainer trainer = new NerTrainer(gazetteer, morphology, NerTrainer.organisationHeads(langs.get("id"), !NerCorpus.mostlyLowercased(sentences)), new NerTrainer.Options(epochs, seed, noKb ? 0 : kbDropout, minCount,
                classes.stream().filter(k -> k > 1).toList(), prune, runs, margin, featureDropout, domainCopies));
        env.err().println("warta: train ner: " + sentences.size() + " sentences from " + data
                + (more.isEmpty() ? "" : " and " + more.size() + " from " + extra));
        if (folds > 0) return crossValidate(trainer, gazetteer, sentences, more);
        NameTagger model = trainer.train(sentences, more, line -> env.err().println("warta: train ner: " + line));
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (OutputStream os = Files.newOutputStream(out)) {
                model.write(os);
            }
        } catch (IOException e) {
            env.err().println("warta: train ner: cannot write " + out + ": " + e.getMessage());
            return 1;
        }
        env.err().printf("warta: train ner: %d features, tags %s, written to %s (%d bytes)%n", model.featureCount(), model.tags(), out,
                out.toFile().length());
        return 0;
    }

    /**
     * {@code --folds K}: one line per fold and the mean (with its standard deviation over the folds) on stdout.
     * Each fold is scored in memory by {@link NerEval#score}, with the KB labels the models were trained with.
     */
    private int crossValidate(NerTrainer trainer, Gazetteer gazetteer, List<NerCorpus.Sentence> sentences, List<NerCorpus.Sentence> more) {
        double[] micro = new double[folds];
        double[] macro = new double[folds];
        for (int k = 0; k < folds; k++) {
            List<NerCorpus.Sentence> train = new java.util.ArrayList<>();
            List<NerCorpus.Sentence> heldOut = new java.util.ArrayList<>();
            for (int i = 0; i < sentences.size(); i++) (i % folds == k ? heldOut : train).add(sentences.get(i));
            int fold = k + 1;
            NameTagger model = trainer.train(train, more, line -> env.err().println("warta: train ner: fold " + fold + "/" + folds + ", " + line));
            ObjectNode r = NerEval.score(heldOut, model, gazetteer, noKb ? NerEval.KbMode.NONE : NerEval.KbMode.FEATURES).scores();
            micro[k] = r.path("micro_f1").asDouble();
            macro[k] = r.path("macro_f1").asDouble();
            env.out().printf(java.util.Locale.ROOT, "fold %d/%d: %d sentences, micro F1 %.4f, type-macro F1 %.4f%n", fold, folds,
                    heldOut.size(), micro[k], macro[k]);
        }
        env.out().printf(java.util.Locale.ROOT, "mean of %d folds: micro F1 %.4f ± %.4f, type-macro F1 %.4f ± %.4f%n", folds,
                mean(micro), sd(micro), mean(macro), sd(macro));
        return 0;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** Sample standard deviation. */
    private static double sd(double[] v) {
        double m = mean(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return v.length < 2 ? 0 : Math.sqrt(s / (v.length - 1));
    }
}
