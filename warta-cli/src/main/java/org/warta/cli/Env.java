package org.warta.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.warta.Warta;
import org.warta.model.Page;
import org.warta.pipeline.Pipeline;
import org.warta.read.InputException;
import org.warta.read.Inputs;

/**
 * What the commands run against: output streams, standard input, how a pipeline is built and how inputs
 * are read. {@link #system()} is the real one; tests substitute their own pipeline or streams.
 */
public record Env(PrintStream out, PrintStream err, InputStream in, Pipelines pipelines, InputReader inputs,
                  boolean errIsTerminal) {

    /** Builds the pipeline for a processing date and the user's KB directories. */
    @FunctionalInterface
    public interface Pipelines {
        Pipeline create(LocalDate asOf, List<Path> kbDirs);
    }

    /** Reads inputs the way {@link Inputs#read} does. */
    @FunctionalInterface
    public interface InputReader {
        void read(List<String> args, InputStream stdin, Consumer<Page> ok, Consumer<InputException> failed);
    }

    public static Pipeline defaultPipeline(LocalDate asOf, List<Path> kbDirs) {
        Warta.Builder b = Warta.builder().asOf(asOf);
        for (Path p : kbDirs) b.kb(p);
        return b.build();
    }

    public static Env system(PrintStream out, PrintStream err) {
        return new Env(out, err, System.in, Env::defaultPipeline, Inputs::read, stderrIsTerminal());
    }

    public Env withPipelines(Pipelines p) {
        return new Env(out, err, in, p, inputs, errIsTerminal);
    }

    /**
     * Whether standard error is a terminal: the launcher says so in {@code -Dwarta.stderr.tty}; else, on
     * Linux, where {@code /proc/self/fd/2} points.
     */
    static boolean stderrIsTerminal() {
        String p = System.getProperty("warta.stderr.tty");
        if (p != null && !p.isBlank()) return Boolean.parseBoolean(p.strip());
        try {
            String target = java.nio.file.Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception | LinkageError e) {
            return false;
        }
    }
}
