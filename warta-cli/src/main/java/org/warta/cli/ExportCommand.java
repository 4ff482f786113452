package org.warta.cli;

import java.nio.file.Path;
import org.warta.store.EventFilter;
import org.warta.store.Exporter;
import org.warta.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the stored events to a file: jsonl (Warta event records, schema/event.schema.json), plover "
                + "(PLOVER field names), csv (flat, GDELT-like columns) or parquet (the same columns).",
                "Takes asserted events unless --modality says otherwise (--modality all for every event; a column says which)."})
final class ExportCommand extends StoreCommand {
    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES}")
    Exporter.Format format;

    @Parameters(index = "0", paramLabel = "OUT", description = "The file to write.")
    Path out;

    @Mixin
    QueryOptions query = new QueryOptions();

    ExportCommand(Env env) {
        super(env);
    }

    @Override
    int run() throws Exception {
        EventFilter f;
        try {
            f = query.filter();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (Store s = store.openExisting(commandLine())) {
            long n = Exporter.export(s, f, format, out);
            env.err().println("warta: wrote " + n + " events to " + out + " (" + format + ")");
        }
        return 0;
    }
}
