package org.warta.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.warta.io.Json;
import org.warta.store.EventFilter;
import org.warta.store.Queries;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** A store query printed as a table, JSON lines or CSV: {@code events}, {@code stories}, {@code search}. */
abstract class QueryCommand extends StoreCommand {
    @Mixin
    QueryOptions query = new QueryOptions();

    @Option(names = "--format", paramLabel = "FORMAT", description = "table, jsonl or csv (default: table).")
    Output.Format format = Output.Format.table;

    QueryCommand(Env env) {
        super(env);
    }

    /** The filter of the options; a usage error for a bad value or format. */
    EventFilter filter() {
        if (format == Output.Format.json) throw new ParameterException(spec.commandLine(), "--format json: use jsonl, csv or table");
        try {
            return query.filter();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Writes a row: its event record in JSON lines when it has one, else its columns as a JSON object. */
    static void write(Output out, Queries.Row r, List<String> columns) {
        ObjectNode o = null;
        if (r.record() == null) {
            o = Json.object();
            r.values().forEach(o::put);
        }
        out.record(r.record() != null ? r.record() : o, r.list(columns));
    }
}
