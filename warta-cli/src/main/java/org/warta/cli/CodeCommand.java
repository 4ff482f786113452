package org.warta.cli;

import java.time.LocalDate;
import java.util.List;
import org.warta.io.EventJson;
import org.warta.io.Rows;
import org.warta.model.Event;
import org.warta.model.Page;
import org.warta.pipeline.Pipeline;
import org.warta.read.InputException;
import picocli.CommandLine.Command;

@Command(name = "code", mixinStandardHelpOptions = true,
        description = "Code articles into events (one event record per line; every modality).")
final class CodeCommand extends BatchCommand {
    static final List<String> TABLE = List.of("date", "event", "mode", "actor_codes", "recipient_codes",
            "location_country", "modality", "attribution_names", "trigger", "sentence_text");

    CodeCommand(Env env) {
        super(env);
    }

    @Override
    Output output(Output.Format format, String kbVersion) {
        return Output.of(format, env.out(), Rows.EVENT_COLUMNS, TABLE);
    }

    @Override
    int write(Pipeline pipeline, Page page, LocalDate asOf, Output out, String kbVersion) throws InputException {
        Pipeline.Result r = pipeline.code(page, asOf);
        for (Event e : r.events()) {
            out.record(format == Output.Format.jsonl || format == Output.Format.json
                    ? EventJson.node(e, r.article(), kbVersion) : null, Rows.event(e, r.doc()));
        }
        return r.events().size();
    }
}
