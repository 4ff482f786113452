package org.warta.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary folders the commands make for themselves (a demo store, the bench's store). */
public final class TempTree {
    private TempTree() {}

    /** Deletes the folder and everything under it, as far as it can: a temporary folder left behind is harmless. */
    public static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left behind
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // left behind
        }
    }
}
