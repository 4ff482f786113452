package org.warta.cli;

import java.sql.Connection;
import java.util.List;
import org.warta.io.Json;
import org.warta.store.EventFilter;
import org.warta.store.Queries;
import org.warta.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "stories", mixinStandardHelpOptions = true,
        description = "Query the stories: the events of different articles that report one real-world event, with counts of "
                + "reports, articles and sources (of asserted events unless --modality says otherwise).")
final class StoriesCommand extends StoreCommand {
    static final List<String> TABLE = List.of("story_id", "event", "first_day", "last_day", "events", "articles", "sources",
            "earliest_title");

    @Mixin
    QueryOptions query = new QueryOptions();

    @Option(names = "--format", paramLabel = "FORMAT", description = "table, jsonl or csv (default: table).")
    Output.Format format = Output.Format.table;

    StoriesCommand(Env env) {
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
        Output out = Output.of(format, env.out(), Queries.STORY_COLUMNS, TABLE);
        int[] n = {0};
        try (Store s = store.open(commandLine()); Connection c = s.read()) {
            Queries.stories(c, f, r -> {
                com.fasterxml.jackson.databind.node.ObjectNode o = Json.object();
                r.values().forEach(o::put);
                out.record(o, r.list(Queries.STORY_COLUMNS));
                n[0]++;
            });
        }
        out.finish();
        env.err().println("warta: " + n[0] + " stories");
        return 0;
    }
}
