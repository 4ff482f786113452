package org.warta.cli;

import org.warta.kb.KbVersion;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.warta.lang.Languages;
import org.warta.pipeline.Pipeline;
import org.warta.store.Ingester;
import org.warta.store.Store;
import org.warta.store.StoryAssigner;
import org.warta.store.watch.FeedParser;
import org.warta.store.watch.SafeFetcher;
import org.warta.store.watch.Watcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Poll RSS/Atom feeds and ingest the new articles they link to, politely (robots.txt, a per-host rate limit, "
                + "conditional GET, a real User-Agent, timeouts) and safely (no private or loopback addresses unless --allow-private, "
                + "at most 5 redirects, size, gzip-ratio and time limits, feeds must be RSS/Atom and pages HTML). A refused feed or page "
                + "is reported and the others go on. Holds the embedded store while it runs.",
                "Example: warta watch --feeds feeds.txt --every 15m"})
final class WatchCommand extends StoreCommand {
    @Option(names = "--feeds", required = true, paramLabel = "FILE", description = "One feed URL a line; # starts a comment.")
    Path feeds;

    @Option(names = "--every", paramLabel = "DURATION", description = "Time between polls: 30s, 15m, 1h (default: ${DEFAULT-VALUE}).")
    String every = "15m";

    @Option(names = "--once", description = "Poll once and exit.")
    boolean once;

    @Option(names = "--allow-private", description = "Also fetch from loopback, private and link-local addresses (e.g. an intranet feed).")
    boolean allowPrivate;

    @Option(names = "--host-interval", paramLabel = "DURATION", description = "Least time between two requests to one host (default: ${DEFAULT-VALUE}; "
            + "a robots.txt Crawl-delay can raise it).")
    String hostInterval = "2s";

    @Option(names = "--allow-net", paramLabel = "CIDR", description = "Also fetch from this non-public address range, e.g. 10.20.0.0/16 "
            + "(repeatable; narrower than --allow-private).")
    List<String> allowNets = new ArrayList<>();

    @Option(names = "--max-bytes", paramLabel = "N", description = "Largest feed or page body, before and after decompression (default: ${DEFAULT-VALUE}).")
    long maxBytes = 10L * 1024 * 1024;

    @Option(names = "--max-ratio", paramLabel = "N", description = "Largest expansion of a gzip body; more is refused as a "
            + "decompression bomb (default: ${DEFAULT-VALUE}).")
    int maxRatio = SafeFetcher.DEFAULT_MAX_RATIO;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Longest time for one request, body included (default: ${DEFAULT-VALUE}).")
    String timeout = "30s";

    @Option(names = "--kb", paramLabel = "DIR", description = "A directory with your own kb/ and lang/ files (repeatable).")
    List<Path> kb = new ArrayList<>();

    WatchCommand(Env env) {
        super(env);
    }

    static Duration duration(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) return Duration.parse(t.toUpperCase(Locale.ROOT));
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + s + "' is not a duration such as 30s, 15m or 1h");
        }
    }

    @Override
    int run() throws Exception {
        Duration period, interval;
        List<URI> list;
        SafeFetcher.Policy policy;
        try {
            period = duration(every);
            interval = duration(hostInterval);
            policy = new SafeFetcher.Policy(allowPrivate, allowNets, interval, maxBytes, maxRatio, duration(timeout));
            list = Watcher.readFeeds(feeds);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (java.io.IOException e) {
            throw new ParameterException(spec.commandLine(), "--feeds " + feeds + ": cannot read it: " + e.getMessage());
        }
        if (list.isEmpty()) throw new ParameterException(spec.commandLine(), "--feeds " + feeds + ": no feed URL in it");
        try (Store s = store.open(commandLine())) {
            Watcher watcher = new Watcher(s, new SafeFetcher(policy), FeedParser.standard(), m -> env.err().println("warta: watch: " + m));
            StoryAssigner stories = StoryAssigner.linked(new Languages(kb));
            Progress[] progress = new Progress[1];
            Watcher.Poll last = watcher.watch(list, period, () -> {
                LocalDate today = LocalDate.now();
                Pipeline pipeline = env.pipelines().create(today, kb);
                progress[0] = new Progress(env.err(), env.errIsTerminal());
                Ingester in = new Ingester(s, pipeline, stories, KbVersion.of(kb), today, 50, IngestCommand.listener(progress[0]));
                progress[0].line = () -> in.report().summary();
                return in;
            }, (p, in) -> {
                IngestCommand.finish(env, progress[0], in.finish());
                env.err().println("warta: watch: " + p.feeds() + " feeds (" + p.notModified() + " not modified), " + p.entries()
                        + " entries, " + p.fetched() + " fetched (" + p.refetched() + " again for a new date), " + p.skipped()
                        + " already stored, " + p.failed() + " failed, " + p.notRetried() + " refused before");
            }, () -> once);
            return last.failed() > 0 ? 1 : 0;
        }
    }
}
