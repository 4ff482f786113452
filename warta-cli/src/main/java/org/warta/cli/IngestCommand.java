package org.warta.cli;

import org.warta.kb.KbVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.warta.lang.Languages;
import org.warta.pipeline.Pipeline;
import org.warta.store.IngestReport;
import org.warta.store.Ingester;
import org.warta.store.Store;
import org.warta.store.StoryAssigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Code articles and add them to the store: the same article twice is stored once, a new version of a URL "
                + "replaces the old one and its events, syndicated copies are linked to their original.",
                "Each batch is one transaction; after a crash or kill, run the same command again to resume."})
final class IngestCommand extends StoreCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, directories (recursive), globs, or - for standard input.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Processing date: the anchor for dates written without a year (default: today).")
    LocalDate asOf;

    @Option(names = "--kb", paramLabel = "DIR", description = "A directory with your own kb/ and lang/ files (repeatable).")
    List<Path> kb = new ArrayList<>();

    @Option(names = "--lang", paramLabel = "CODE", description = "Force the language (id, en) instead of detecting it.")
    String lang;

    @Option(names = "--batch", paramLabel = "N", description = "Articles per transaction (default: ${DEFAULT-VALUE}).")
    int batch = 100;

    IngestCommand(Env env) {
        super(env);
    }

    @Override
    int run() {
        if (batch < 1) throw new ParameterException(spec.commandLine(), "--batch must be at least 1");
        for (Path dir : kb) {
            if (!Files.isDirectory(dir)) throw new ParameterException(spec.commandLine(), "--kb " + dir + ": not a directory");
        }
        LocalDate date = asOf != null ? asOf : LocalDate.now();
        Pipeline pipeline = env.pipelines().create(date, kb);
        try (Store s = store.open(commandLine())) {
            IngestReport report = ingest(env, s, pipeline, StoryAssigner.linked(new Languages(kb)), KbVersion.of(kb), date, batch, lang, paths);
            return report.read == 0 || report.failed > 0 ? 1 : 0;
        }
    }

    /** Runs an ingest with a progress line and the final report on stderr (shared with watch). */
    static IngestReport ingest(Env env, Store s, Pipeline pipeline, StoryAssigner assigner, String kbVersion, LocalDate date, int batch, String lang,
                               List<String> paths) {
        Progress progress = new Progress(env.err(), env.errIsTerminal());
        Ingester in = new Ingester(s, pipeline, assigner, kbVersion, date, batch, listener(progress));
        progress.line = () -> in.report().summary();
        env.inputs().read(paths, env.in(), page -> in.accept(BatchCommand.forced(page, lang)), in::failed);
        IngestReport report = in.finish();
        finish(env, progress, report);
        if (report.read == 0) env.err().println("warta: no input found in " + String.join(" ", paths));
        return report;
    }

    static Ingester.Listener listener(Progress progress) {
        return new Ingester.Listener() {
            @Override
            public void progress(org.warta.store.IngestReport r) {
                progress.tick(r.read);
            }

            @Override
            public void failed(String input, String reason) {
                progress.warn(reason);
            }
        };
    }

    static void finish(Env env, Progress progress, IngestReport report) {
        progress.finish();
        if (!report.failures.isEmpty()) {
            env.err().println("warta: failed inputs (" + report.failures.size() + "):");
            for (String f : report.failures) env.err().println("  " + f);
        }
    }
}
