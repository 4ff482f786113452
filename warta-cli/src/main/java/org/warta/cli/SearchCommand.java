package org.warta.cli;

import java.util.List;
import org.warta.io.Json;
import org.warta.store.EventFilter;
import org.warta.store.Queries;
import org.warta.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Full-text search over the stored articles (Indonesian and English analysers; Lucene query syntax), "
                + "each hit with its events (asserted unless --modality says otherwise).",
                "Example: warta search \"pasukan Korut\""})
final class SearchCommand extends StoreCommand {
    static final List<String> TABLE = List.of("score", "published", "outlet", "title", "events", "event_types");

    @Parameters(index = "0", paramLabel = "QUERY", description = "Words to find (all of them), \"a phrase\", OR, -word, …")
    String text;

    @Mixin
    QueryOptions query = new QueryOptions();

    @Option(names = "--format", paramLabel = "FORMAT", description = "table, jsonl or csv (default: table).")
    Output.Format format = Output.Format.table;

    SearchCommand(Env env) {
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
        Output out = Output.of(format, env.out(), Queries.SEARCH_COLUMNS, TABLE);
        int[] n = {0};
        try (Store s = store.open(commandLine())) {
            Queries.search(s, text, f, r -> {
                com.fasterxml.jackson.databind.node.ObjectNode o = Json.object();
                r.values().forEach(o::put);
                out.record(o, r.list(Queries.SEARCH_COLUMNS));
                n[0]++;
            });
        } catch (IllegalArgumentException e) {
            env.err().println("warta: search: " + e.getMessage());
            return 2;
        }
        out.finish();
        env.err().println("warta: " + n[0] + " articles");
        return 0;
    }
}
