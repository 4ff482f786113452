package org.warta.cli;

import org.warta.kb.KbVersion;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.warta.lang.Languages;
import org.warta.pipeline.Pipeline;
import org.warta.server.ServerConfig;
import org.warta.server.WartaServer;
import org.warta.store.Store;
import org.warta.store.StoreConfig;
import org.warta.store.StoryAssigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the explorer: the REST API (/openapi.json) and the web UI at http://127.0.0.1:7474/.",
                "The server owns the store while it runs. Reads and POST /api/code are open; writes (POST /api/articles) need "
                        + "the token of WARTA_TOKEN or --token-file (none configured: writes are refused). It listens on loopback only "
                        + "unless --allow-remote (which needs the token), and limits each client address to --rate-limit requests/s.",
                "Example: warta serve --demo   (codes the bundled examples into a temporary store first)"})
final class ServeCommand extends StoreCommand {
    @Option(names = "--host", paramLabel = "ADDR", description = "Address to listen on (default: ${DEFAULT-VALUE}, loopback only; "
            + "another address needs --allow-remote and a token).")
    String host = ServerConfig.DEFAULT_HOST;

    @Option(names = "--allow-remote", description = "Allow a --host other machines can reach (needs the write token; "
            + "add --allow-host for the name they use).")
    boolean allowRemote;

    @Option(names = "--port", paramLabel = "N", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the write token (else the WARTA_TOKEN environment variable).")
    Path tokenFile;

    @Option(names = "--max-body", paramLabel = "BYTES", description = "Largest request body accepted (default: ${DEFAULT-VALUE}).")
    long maxBody = ServerConfig.DEFAULT_MAX_BODY;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", description = "Allow browser pages of this origin to call the API (repeatable; default: CORS off).")
    List<String> cors = new ArrayList<>();

    @Option(names = "--rate-limit", paramLabel = "N", description = "Requests per second each client address may make on average; "
            + "more are refused with 429 and Retry-After (default: ${DEFAULT-VALUE}; 0: no limit).")
    double rateLimit = ServerConfig.DEFAULT_RATE;

    @Option(names = "--rate-burst", paramLabel = "N", description = "Requests a client address may make at once before --rate-limit applies (default: ${DEFAULT-VALUE}).")
    int rateBurst = ServerConfig.DEFAULT_BURST;

    @Option(names = "--allow-host", paramLabel = "HOST[:PORT]", description = "Also accept this Host header (e.g. behind a reverse proxy; repeatable).")
    List<String> allowHosts = new ArrayList<>();

    @Option(names = "--demo", description = "Ingest the bundled examples/ into a temporary store and serve that (the store options are ignored).")
    boolean demo;

    @Option(names = "--examples", paramLabel = "DIR", description = "With --demo: the folder to ingest (default: the examples/ of this Warta checkout).")
    Path examples;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Processing date for pasted and posted articles (default: today).")
    LocalDate asOf;

    /** Counted down to stop the server (by Ctrl-C / SIGTERM, or by a test). */
    final CountDownLatch stop = new CountDownLatch(1);

    ServeCommand(Env env) {
        super(env);
    }

    @Override
    int run() throws Exception {
        String token = System.getenv("WARTA_TOKEN");
        if (tokenFile != null) {
            if (!Files.isReadable(tokenFile)) throw new ParameterException(spec.commandLine(), "--token-file " + tokenFile + ": cannot read it");
            token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) throw new ParameterException(spec.commandLine(), "--token-file " + tokenFile + ": the file is empty");
        }
        ServerConfig config;
        try {
            config = new ServerConfig(host, port, token, maxBody, cors, Set.copyOf(allowHosts), allowRemote, rateLimit, rateBurst);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        LocalDate date = asOf != null ? asOf : LocalDate.now();
        Pipeline pipeline = env.pipelines().create(date, List.of());
        String kbVersion = KbVersion.of(List.of());
        Path tmp = null;
        Store s;
        if (demo) {
            Path dir = examples != null ? examples : examplesDir();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new ParameterException(spec.commandLine(), "--demo: no examples/ folder found" + (dir == null ? "" : " at " + dir)
                        + "; give one with --examples DIR");
            }
            tmp = Files.createTempDirectory("warta-demo-");
            s = Store.open(StoreConfig.embedded(tmp, commandLine()));
            env.err().println("warta: demo store in " + tmp + ": ingesting " + dir);
            IngestCommand.ingest(env, s, pipeline, StoryAssigner.linked(new Languages(List.of())), kbVersion, date, 100, null, List.of(dir.toString()));
        } else {
            s = store.open(commandLine());
        }
        CountDownLatch done = new CountDownLatch(1);
        Path cleanup = tmp;
        // Ctrl-C / SIGTERM: let the main thread stop the server, close the store and remove a demo store
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                done.await(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "warta-serve-stop"));
        try (Store owned = s; WartaServer server = WartaServer.start(owned, pipeline, kbVersion, config)) {
            env.err().println("warta: serving " + server.url() + " (API description: " + server.url() + "openapi.json; "
                    + (config.token() == null ? "writes disabled" : "writes need the token") + "; "
                    + (config.ratePerSecond() > 0 ? "at most " + config.ratePerSecond() + " requests/s per client" : "no rate limit")
                    + "; Ctrl-C stops)");
            if (config.allowRemote()) {
                env.err().println("warta: listening on " + config.host() + ": other machines can reach this server (--allow-remote); "
                        + "use HTTPS in front of it (a reverse proxy) so that the token is not sent in clear");
            }
            stop.await();
        } finally {
            if (cleanup != null) TempTree.delete(cleanup);
            env.err().println("warta: server stopped");
            done.countDown();
        }
        return 0;
    }

    /** The examples/ folder of the checkout this jar was built in (warta-cli/target/warta.jar → examples/), else ./examples. */
    static Path examplesDir() {
        try {
            Path jar = Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("examples")) && Files.exists(p.resolve("warta"))) return p.resolve("examples");
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working directory
        }
        Path here = Path.of("examples");
        return Files.isDirectory(here) ? here : null;
    }
}
