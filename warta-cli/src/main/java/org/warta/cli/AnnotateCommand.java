package org.warta.cli;

import java.time.LocalDate;
import java.util.List;
import org.warta.io.DocJson;
import org.warta.model.Page;
import org.warta.pipeline.Pipeline;
import org.warta.read.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = "Print annotated documents: article, sentences, entity mentions, quotes, times and events, with offsets.")
final class AnnotateCommand extends BatchCommand {
    @Option(names = "--tokens", description = "Include the tokens.")
    boolean tokens;

    AnnotateCommand(Env env) {
        super(env);
    }

    @Override
    List<Output.Format> formats() {
        return List.of(Output.Format.jsonl, Output.Format.json);
    }

    @Override
    Output output(Output.Format format, String kbVersion) {
        return Output.of(format, env.out(), List.of(), List.of());
    }

    @Override
    int write(Pipeline pipeline, Page page, LocalDate asOf, Output out, String kbVersion) throws InputException {
        Pipeline.Result r = pipeline.code(page, asOf);
        out.record(DocJson.node(r.doc(), kbVersion, tokens), null);
        return r.events().size();
    }
}
