package org.warta.cli;

import java.util.List;
import org.warta.store.EventFilter;
import org.warta.store.Queries;
import org.warta.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Full-text search over the stored articles (Indonesian and English analysers; Lucene query syntax), "
                + "each hit with its events (asserted unless --modality says otherwise).",
                "Example: warta search \"pasukan Korut\""})
final class SearchCommand extends QueryCommand {
    static final List<String> TABLE = List.of("score", "published", "outlet", "title", "events", "event_types");

    @Parameters(index = "0", paramLabel = "QUERY", description = "Words to find (all of them), \"a phrase\", OR, -word, …")
    String text;

    SearchCommand(Env env) {
        super(env);
    }

    @Override
    int run() throws Exception {
        EventFilter f = filter();
        Output out = Output.of(format, env.out(), Queries.SEARCH_COLUMNS, TABLE);
        int[] n = {0};
        try (Store s = store.openExisting(commandLine())) {
            Queries.search(s, text, f, r -> {
                write(out, r, Queries.SEARCH_COLUMNS);
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
