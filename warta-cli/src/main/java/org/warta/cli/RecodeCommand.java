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

@Command(name = "recode", mixinStandardHelpOptions = true,
        description = "Re-code every stored article with the current language packs and knowledge base (after they change); "
                + "each article keeps its processing date, and its events record the new coder, pack and KB versions.")
final class RecodeCommand extends StoreCommand {
    @Option(names = "--kb", paramLabel = "DIR", description = "A directory with your own kb/ and lang/ files (repeatable).")
    List<Path> kb = new ArrayList<>();

    @Option(names = "--batch", paramLabel = "N", description = "Articles per transaction (default: ${DEFAULT-VALUE}).")
    int batch = 100;

    RecodeCommand(Env env) {
        super(env);
    }

    @Override
    int run() {
        for (Path dir : kb) {
            if (!Files.isDirectory(dir)) throw new ParameterException(spec.commandLine(), "--kb " + dir + ": not a directory");
        }
        Pipeline pipeline = env.pipelines().create(LocalDate.now(), kb);
        try (Store s = store.open(commandLine())) {
            Progress progress = new Progress(env.err(), env.errIsTerminal());
            Ingester in = Ingester.recoder(s, pipeline, StoryAssigner.linked(new Languages(kb)), KbVersion.of(kb), batch, IngestCommand.listener(progress));
            progress.line = () -> in.report().summary();
            IngestReport report = in.recodeStored();
            IngestCommand.finish(env, progress, report);
            return report.failed > 0 ? 1 : 0;
        }
    }
}
