package org.warta.kb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.warta.Warta;

/**
 * The knowledge-base version written into every event's {@code coder.kb}: the first line of the built-in
 * resource {@code warta/kb/VERSION} when the KB ships one, else {@code builtin-<warta version>}; with
 * {@code --kb} directories, {@code +user} is appended (the user's files are not versioned by Warta). Used by
 * {@code warta code} and the Spark job, so that both write the same value.
 */
public final class KbVersion {
    private KbVersion() {}

    public static String of(List<Path> userDirs) {
        String v = "builtin-" + Warta.VERSION;
        try (InputStream in = KbVersion.class.getResourceAsStream("/warta/kb/VERSION")) {
            if (in != null) {
                String s = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
                if (!s.isBlank()) v = s.strip();
            }
        } catch (IOException e) {
            // keep the default
        }
        return userDirs.isEmpty() ? v : v + "+user";
    }
}
