package org.warta.cli;

import java.util.concurrent.Callable;
import org.warta.store.StoreException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that works on a store: opens it, runs, closes it, and reports a store problem as one clear line (exit 1). */
abstract class StoreCommand implements Callable<Integer> {
    final Env env;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store = new StoreOptions();

    StoreCommand(Env env) {
        this.env = env;
    }

    /** The command line, recorded in the embedded store's lock file. */
    String commandLine() {
        return "warta " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    abstract int run() throws Exception;

    @Override
    public Integer call() throws Exception {
        try {
            return run();
        } catch (StoreException e) {
            env.err().println("warta: " + spec.name() + ": " + e.getMessage());
            return 1;
        }
    }
}
