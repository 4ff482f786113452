package org.warta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.warta.io.Json;
import org.warta.read.Inputs;
import picocli.CommandLine;

/** {@code warta serve}: the demo store on a fresh port, and clear usage errors. */
class ServeCommandTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Env env = new Env(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            new ByteArrayInputStream(new byte[0]), Env::defaultPipeline, Inputs::read, false);

    @Test
    void demoServesTheExamplesAndCleansUp() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CommandLine cl = Main.commandLine(env);
        ServeCommand serve = (ServeCommand) cl.getSubcommands().get("serve").getCommand();
        int[] code = {-1};
        Path examples = Path.of(System.getProperty("warta.root", "..")).resolve("examples");
        Thread t = new Thread(() -> code[0] = cl.execute("serve", "--demo", "--examples", examples.toString(), "--port",
                String.valueOf(port), "--as-of", "2026-11-27"));
        t.start();
        HttpClient http = HttpClient.newHttpClient();
        JsonNode events = null;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (events == null && System.nanoTime() < deadline && t.isAlive()) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) events = Json.MAPPER.readTree(r.body());
            } catch (java.io.IOException notYet) {
                Thread.sleep(250);
            }
        }
        try {
            assertThat(events).as(err.toString(StandardCharsets.UTF_8)).isNotNull();
            assertThat(events.path("total").asLong()).isPositive();
        } finally {
            serve.stop.countDown();
            t.join(60_000);
        }
        assertThat(code[0]).isZero();
        String log = err.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("serving http://127.0.0.1:" + port + "/").contains("writes disabled");
        Matcher m = Pattern.compile("demo store in (\\S+):").matcher(log);
        assertThat(m.find()).isTrue();
        assertThat(Files.exists(Path.of(m.group(1)))).as("the demo store is removed").isFalse();
    }

    @Test
    void demoExamplesAreFoundFromTheCheckout() {
        Path dir = ServeCommand.examplesDir();
        assertThat(dir).isNotNull();
        assertThat(Files.isDirectory(dir)).isTrue();
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        assertThat(Main.commandLine(env).execute("serve", "--port", "70000")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port 70000");
        Path missing = Files.createTempDirectory("warta-serve-test").resolve("nope");
        assertThat(Main.commandLine(env).execute("serve", "--token-file", missing.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--token-file");
        assertThat(Main.commandLine(env).execute("serve", "--demo", "--examples", missing.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no examples/ folder");
    }

    @Test
    void anotherAddressThanLoopbackNeedsTheFlagAndAToken() throws Exception {
        // refused before anything is bound
        assertThat(Main.commandLine(env).execute("serve", "--host", "0.0.0.0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--host 0.0.0.0 is not a loopback address").contains("--allow-remote");
        err.reset();
        if (System.getenv("WARTA_TOKEN") == null) {
            assertThat(Main.commandLine(env).execute("serve", "--host", "0.0.0.0", "--allow-remote")).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("needs a write token");
            err.reset();
        }
        assertThat(Main.commandLine(env).execute("serve", "--rate-limit", "-1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--rate-limit");
        assertThat(Main.commandLine(env).execute("serve", "--rate-burst", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--rate-burst");
        assertThat(Main.commandLine(env).execute("serve", "--max-body", "99999999999")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--max-body");
    }
}
