package org.warta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.warta.io.Json;
import org.warta.read.Inputs;

/** The real pipeline's output on the seed validates against the schemas (every record, every format). */
class SeedSchemaTest {
    @Test
    void codeAndArticleOutputOnTheSeedValidate() throws Exception {
        Path seed = Path.of(System.getProperty("warta.shared", "../../shared"), "seed/000_19298bd37c9aef41.txt");
        boolean present = Files.isRegularFile(seed);
        if (!present && Boolean.getBoolean("warta.ci")) throw new AssertionError("CI: " + seed.toAbsolutePath() + " is missing");
        assumeTrue(present, "skipped: " + seed.toAbsolutePath() + " is absent (../shared not beside the clone)");
        for (String cmd : new String[] {"code", "article"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Env env = new Env(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new ByteArrayInputStream(new byte[0]), Env::defaultPipeline, Inputs::read, false);
            assertThat(Main.run(new String[] {cmd, "--as-of", "2026-11-27", seed.toString()}, env)).isEqualTo(0);
            String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
            assertThat(lines[0]).isNotBlank();
            for (String line : lines) {
                var schema = cmd.equals("code") ? MainTest.Schemas.event() : MainTest.Schemas.article();
                assertThat(schema.validate(Json.MAPPER.readTree(line))).as(line).isEmpty();
            }
        }
    }
}
