package org.warta.cli;

import java.sql.Connection;
import java.util.List;
import org.warta.store.EventFilter;
import org.warta.store.Queries;
import org.warta.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"Query the stored events (asserted ones unless --modality says otherwise).",
                "Example: warta events --actor PRK --type MOBILIZE --from 2024-10-01 --to 2024-11-30 --format table"})
final class EventsQueryCommand extends StoreCommand {
    static final List<String> TABLE = List.of("day", "event", "mode", "actor_codes", "recipient_codes", "location_country",
            "modality", "story_id", "outlet", "summary");

    @Mixin
    QueryOptions query = new QueryOptions();

    @Option(names = "--format", paramLabel = "FORMAT", description = "table, jsonl (the event records) or csv (default: table).")
    Output.Format format = Output.Format.table;

    EventsQueryCommand(Env env) {
        super(env);
    }

    @Override
    int run() throws Exception {
        if (format == Output.Format.json) throw new ParameterException(spec.commandLine(), "--format json: use jsonl, csv or table");
        EventFilter f;
        try {
            f = query.filter();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Output out = Output.of(format, env.out(), Queries.EVENT_COLUMNS, TABLE);
        int[] n = {0};
        try (Store s = store.open(commandLine()); Connection c = s.read()) {
            Queries.events(c, f, r -> {
                out.record(r.record(), r.list(Queries.EVENT_COLUMNS));
                n[0]++;
            });
        }
        out.finish();
        env.err().println("warta: " + n[0] + " events (" + String.join(", ", new java.util.TreeSet<>(f.modalities())) + ")");
        return 0;
    }
}
