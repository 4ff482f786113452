package org.warta.cli.eval;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score the pipeline against gold data (events, extraction, linking, names, time) and check the score floors.")
public final class EvalCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "an eval command is required (events, extract, linking, ner, time, check-floors)");
    }
}
