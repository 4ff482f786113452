package org.warta.cli;

import java.sql.Connection;
import java.util.List;
import org.warta.store.EventFilter;
import org.warta.store.Queries;
import org.warta.store.Store;
import picocli.CommandLine.Command;

@Command(name = "stories", mixinStandardHelpOptions = true,
        description = "Query the stories: the events of different articles that report one real-world event, with counts of "
                + "reports, articles and sources (of asserted events unless --modality says otherwise).")
final class StoriesCommand extends QueryCommand {
    static final List<String> TABLE = List.of("story_id", "event", "first_day", "last_day", "events", "articles", "sources",
            "earliest_title");

    StoriesCommand(Env env) {
        super(env);
    }

    @Override
    int run() throws Exception {
        EventFilter f = filter();
        Output out = Output.of(format, env.out(), Queries.STORY_COLUMNS, TABLE);
        int[] n = {0};
        try (Store s = store.openExisting(commandLine()); Connection c = s.read()) {
            Queries.stories(c, f, r -> {
                write(out, r, Queries.STORY_COLUMNS);
                n[0]++;
            });
        }
        out.finish();
        env.err().println("warta: " + n[0] + " stories");
        return 0;
    }
}
