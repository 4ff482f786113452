package org.warta.cli;

import java.io.PrintStream;

/**
 * Counts of a batch and their display on standard error: a one-line counter redrawn in place when stderr
 * is a terminal, else a log line every {@value #EVERY} inputs; errors are printed on their own lines.
 */
final class Progress {
    static final int EVERY = 100;
    private final PrintStream err;
    private final boolean tty;
    private long lastDraw;
    private boolean drawn;
    int read, coded, failed, events;
    /** Replaces the counter line (e.g. ingest's new/updated/duplicate counts); null for the default. */
    java.util.function.Supplier<String> line;

    Progress(PrintStream err, boolean tty) {
        this.err = err;
        this.tty = tty;
    }

    void coded(int n) {
        read++;
        coded++;
        events += n;
        tick();
    }

    void failed(String message) {
        read++;
        failed++;
        clear();
        err.println("warta: " + message);
        tick();
    }

    void warn(String message) {
        clear();
        err.println("warta: " + message);
    }

    /** Redraws the counter after counts changed elsewhere. */
    void tick(int n) {
        read = n;
        tick();
    }

    private void tick() {
        if (tty) {
            long now = System.nanoTime();
            if (now - lastDraw > 100_000_000L) {
                err.print("\r\033[K" + counts());
                err.flush();
                drawn = true;
                lastDraw = now;
            }
        } else if (read % EVERY == 0) {
            err.println("warta: " + counts());
        }
    }

    private void clear() {
        if (drawn) {
            err.print("\r\033[K");
            drawn = false;
        }
    }

    String counts() {
        if (line != null) return line.get();
        return read + " read, " + coded + " coded, " + failed + " failed, " + events + " events";
    }

    /** Clears the counter and prints the summary line. */
    void finish() {
        clear();
        err.println("warta: " + counts());
        err.flush();
    }
}
