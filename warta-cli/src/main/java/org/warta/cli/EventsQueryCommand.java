package org.warta.cli;

import java.sql.Connection;
import java.util.List;
import org.warta.store.EventFilter;
import org.warta.store.Queries;
import org.warta.store.Store;
import picocli.CommandLine.Command;

@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"Query the stored events (asserted ones unless --modality says otherwise); jsonl gives the event records.",
                "Example: warta events --actor PRK --type MOBILIZE --from 2024-10-01 --to 2024-11-30 --format table"})
final class EventsQueryCommand extends QueryCommand {
    static final List<String> TABLE = List.of("day", "event", "mode", "actor_codes", "recipient_codes", "location_country",
            "modality", "story_id", "outlet", "summary");

    EventsQueryCommand(Env env) {
        super(env);
    }

    @Override
    int run() throws Exception {
        EventFilter f = filter();
        Output out = Output.of(format, env.out(), Queries.EVENT_COLUMNS, TABLE);
        int[] n = {0};
        try (Store s = store.openExisting(commandLine()); Connection c = s.read()) {
            Queries.events(c, f, r -> {
                write(out, r, Queries.EVENT_COLUMNS);
                n[0]++;
            });
        }
        out.finish();
        env.err().println("warta: " + n[0] + " events (" + String.join(", ", new java.util.TreeSet<>(f.modalities())) + ")");
        return 0;
    }
}
