package org.warta.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.warta.Warta;
import org.warta.cli.eval.CheckFloorsCommand;
import org.warta.cli.eval.EvalCommand;
import org.warta.cli.eval.EventsCommand;
import org.warta.cli.eval.LinkingCommand;
import org.warta.cli.eval.ExtractCommand;
import org.warta.cli.eval.NerCommand;
import org.warta.cli.eval.TimeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code warta} command line: {@code code}, {@code article}, {@code annotate} and {@code eval}. Output
 * goes to stdout in UTF-8; messages to stderr. Exit codes: 0 success, 1 some inputs failed (or a check
 * failed), 2 usage error.
 */
@Command(name = "warta", mixinStandardHelpOptions = true, version = "warta " + Warta.VERSION,
        description = "Turns Indonesian and English news into PLOVER political event data.",
        subcommands = CommandLine.HelpCommand.class)
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (code, article, annotate, ingest, recode, watch, events, stories, search, export, serve, eval)");
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, Env.system(out, err));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line in-process and returns its exit code. */
    public static int run(String[] args, Env env) {
        return commandLine(env).execute(args);
    }

    static CommandLine commandLine(Env env) {
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand("code", new CodeCommand(env));
        cl.addSubcommand("article", new ArticleCommand(env));
        cl.addSubcommand("annotate", new AnnotateCommand(env));
        // the store (warta-store)
        cl.addSubcommand("ingest", new IngestCommand(env));
        cl.addSubcommand("recode", new RecodeCommand(env));
        cl.addSubcommand("watch", new WatchCommand(env));
        cl.addSubcommand("events", new EventsQueryCommand(env));
        cl.addSubcommand("stories", new StoriesCommand(env));
        cl.addSubcommand("search", new SearchCommand(env));
        cl.addSubcommand("export", new ExportCommand(env));
        // the explorer (warta-server)
        cl.addSubcommand("serve", new ServeCommand(env));
        CommandLine eval = new CommandLine(new EvalCommand());
        eval.addSubcommand("events", new EventsCommand(env));
        eval.addSubcommand("linking", new LinkingCommand(env));
        eval.addSubcommand("extract", new ExtractCommand(env));
        eval.addSubcommand("time", new TimeCommand(env));
        eval.addSubcommand("check-floors", new CheckFloorsCommand(env));
        eval.addSubcommand("fit-confidence", new org.warta.cli.eval.EventsConfidenceCommand(env));
        eval.addSubcommand("ner", new NerCommand(env));
        cl.addSubcommand("eval", eval);
        cl.addSubcommand("bench", new BenchCommand(env));
        CommandLine train = new CommandLine(new TrainCommand());
        train.addSubcommand("ner", new TrainNerCommand(env));
        cl.addSubcommand("train", train);
        cl.registerConverter(LocalDate.class, s -> {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + s + "' is not a date YYYY-MM-DD");
            }
        });
        cl.setOut(new PrintWriter(env.out(), true));
        cl.setErr(new PrintWriter(env.err(), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            env.err().println("warta: " + line.getCommandName() + ": " + ex);
            return 1;
        });
        return cl;
    }
}
