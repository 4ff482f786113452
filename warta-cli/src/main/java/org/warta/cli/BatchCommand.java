package org.warta.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.warta.kb.KbVersion;
import org.warta.model.Page;
import org.warta.pipeline.Pipeline;
import org.warta.read.InputException;
import org.warta.read.Inputs;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The commands that read articles ({@code code}, {@code article}, {@code annotate}): read every input,
 * run the pipeline on each page, write the records to stdout, report each bad input on stderr as
 * {@code warta: <input>: <reason>} and go on. Exit code 0 when every input was coded, 1 when some failed
 * (or none was found), 2 on usage errors.
 */
abstract class BatchCommand implements Callable<Integer> {
    final Env env;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, directories (recursive), globs, or - for standard input.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Processing date: the anchor for dates written without a year (default: today).")
    LocalDate asOf;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: ${COMPLETION-CANDIDATES} (default: jsonl).")
    Output.Format format = Output.Format.jsonl;

    @Option(names = "--kb", paramLabel = "DIR", description = "A directory with your own kb/ and lang/ files (repeatable).")
    List<Path> kb = new ArrayList<>();

    @Option(names = "--lang", paramLabel = "CODE", description = "Force the language (ISO 639-1, e.g. id or en) instead of detecting it.")
    String lang;

    BatchCommand(Env env) {
        this.env = env;
    }

    /** Formats this command accepts. */
    List<Output.Format> formats() {
        return List.of(Output.Format.values());
    }

    abstract Output output(Output.Format format, String kbVersion);

    /** Codes one page and writes its records; returns the number of events. */
    abstract int write(Pipeline pipeline, Page page, LocalDate asOf, Output out, String kbVersion) throws InputException;

    @Override
    public Integer call() {
        if (!formats().contains(format)) {
            throw new ParameterException(spec.commandLine(), "--format " + format + " is not available for "
                    + spec.name() + " (use one of " + formats() + ")");
        }
        if (lang != null && !lang.matches("[a-zA-Z]{2,3}")) {
            throw new ParameterException(spec.commandLine(), "--lang " + lang + ": expected a language code such as id or en");
        }
        for (Path dir : kb) {
            if (!java.nio.file.Files.isDirectory(dir)) {
                throw new ParameterException(spec.commandLine(), "--kb " + dir + ": not a directory");
            }
        }
        LocalDate date = asOf != null ? asOf : LocalDate.now();
        Pipeline pipeline;
        try {
            pipeline = env.pipelines().create(date, kb);
        } catch (RuntimeException e) {
            env.err().println("warta: cannot load the language and knowledge data: " + e.getMessage());
            return 1;
        }
        String kbVersion = KbVersion.of(kb);
        Output out = output(format, kbVersion);
        Progress progress = new Progress(env.err(), env.errIsTerminal());
        env.inputs().read(paths, env.in(), page -> {
            String warning = page.meta(Inputs.WARNING);
            if (warning != null) progress.warn(page.name() + ": warning: " + warning);
            try {
                progress.coded(write(pipeline, forced(page, lang), date, out, kbVersion));
            } catch (InputException e) {
                progress.failed(e.getMessage());
            } catch (RuntimeException e) {
                progress.failed(page.name() + ": internal error: " + e);
            }
        }, e -> progress.failed(e.getMessage()));
        out.finish();
        progress.finish();
        if (progress.read == 0) {
            env.err().println("warta: no input found in " + String.join(" ", paths));
            return 1;
        }
        return progress.failed == 0 ? 0 : 1;
    }

    /** The page with its language forced to {@code lang} (as --lang does); the page itself when lang is null. */
    static Page forced(Page page, String lang) {
        if (lang == null) return page;
        Map<String, String> meta = new HashMap<>(page.meta());
        meta.put("language", lang.toLowerCase(Locale.ROOT));
        return new Page(page.name(), page.url(), page.type(), page.bytes(), meta);
    }
}
