package org.warta.store.watch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.warta.Warta;

/**
 * Fetches feeds and pages politely and safely. Polite: it obeys robots.txt (crawler-commons; a
 * Crawl-delay raises the per-host interval), waits at least the per-host interval between requests to one
 * host, sends conditional requests (ETag, Last-Modified) when it has validators, names itself in the
 * User-Agent and times out. Safe: only http and https; no loopback, private, link-local or other
 * non-public addresses unless allowed; at most {@value #MAX_REDIRECTS} redirects, each checked again; the
 * body and its gzip decompression are capped. Not thread-safe: one per watcher.
 */
public final class SafeFetcher {
    public static final int MAX_REDIRECTS = 5;
    public static final String USER_AGENT = "Warta/" + Warta.VERSION + " (news event coder; +https://github.com/warta-project/warta)";
    static final String AGENT_NAME = "warta";

    /** What to do and not to do. */
    public record Policy(boolean allowPrivate, Duration perHostInterval, long maxBytes, Duration timeout) {
        public static Policy defaults() {
            return new Policy(false, Duration.ofSeconds(2), 10L * 1024 * 1024, Duration.ofSeconds(30));
        }
    }

    /** A fetched resource: status 200 with a body, or 304 (not modified) without one. */
    public record Response(int status, URI uri, byte[] body, String contentType, String etag, String lastModified) {}

    /** A fetch that was refused or failed; the message names the URL and why. */
    public static class FetchException extends IOException {
        public FetchException(String message) {
            super(message);
        }
    }

    private final Policy policy;
    private final HttpClient client;
    private final Map<String, Long> lastRequest = new HashMap<>();
    private final Map<String, BaseRobotRules> robots = new HashMap<>();
    private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();

    public SafeFetcher(Policy policy) {
        this.policy = policy;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(policy.timeout()).build();
    }

    /** Whether robots.txt of the URL's host lets Warta fetch it (fetching robots.txt once per host). */
    public boolean allowed(URI uri) throws FetchException {
        String key = hostKey(uri);
        BaseRobotRules rules = robots.get(key);
        if (rules == null) {
            URI robotsUri = uri.resolve("/robots.txt");
            try {
                Response r = get(robotsUri, null, null, false);
                rules = robotsParser.parseContent(robotsUri.toString(), r.body(), r.contentType() == null ? "text/plain" : r.contentType(),
                        List.of(AGENT_NAME));
            } catch (HttpStatus e) {
                rules = robotsParser.failedFetch(e.status); // 4xx: everything allowed; 5xx: nothing for now
            }
            robots.put(key, rules);
        }
        return rules.isAllowed(uri.toString());
    }

    /** GET with robots.txt obeyed; {@code etag}/{@code lastModified} make it conditional (a 304 comes back as such). */
    public Response fetch(URI uri, String etag, String lastModified) throws FetchException {
        if (!allowed(uri)) throw new FetchException(uri + ": robots.txt disallows it for " + AGENT_NAME);
        try {
            return get(uri, etag, lastModified, true);
        } catch (HttpStatus e) {
            throw new FetchException(uri + ": HTTP " + e.status);
        }
    }

    private static final class HttpStatus extends FetchException {
        final int status;

        HttpStatus(URI uri, int status) {
            super(uri + ": HTTP " + status);
            this.status = status;
        }
    }

    private Response get(URI start, String etag, String lastModified, boolean checkRobots) throws FetchException {
        URI uri = start;
        for (int hop = 0; ; hop++) {
            check(uri);
            if (hop > 0 && checkRobots && !allowed(uri)) throw new FetchException(uri + ": robots.txt disallows it for " + AGENT_NAME);
            waitTurn(uri);
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(policy.timeout()).GET()
                    .header("User-Agent", USER_AGENT)
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.9, */*;q=0.5")
                    .header("Accept-Encoding", "gzip");
            if (hop == 0 && etag != null) b.header("If-None-Match", etag);
            if (hop == 0 && lastModified != null) b.header("If-Modified-Since", lastModified);
            HttpResponse<InputStream> r;
            try {
                r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new FetchException(uri + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException(uri + ": interrupted");
            }
            int status = r.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                close(r);
                String loc = r.headers().firstValue("Location").orElse(null);
                if (loc == null) throw new FetchException(uri + ": HTTP " + status + " without a Location");
                if (hop + 1 > MAX_REDIRECTS) throw new FetchException(start + ": more than " + MAX_REDIRECTS + " redirects");
                uri = uri.resolve(loc.strip());
                continue;
            }
            if (status == 304) {
                close(r);
                return new Response(304, uri, new byte[0], null, etag, lastModified);
            }
            if (status != 200) {
                close(r);
                throw new HttpStatus(uri, status);
            }
            byte[] body = read(uri, r);
            return new Response(200, uri, body, r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().firstValue("ETag").orElse(null), r.headers().firstValue("Last-Modified").orElse(null));
        }
    }

    private byte[] read(URI uri, HttpResponse<InputStream> r) throws FetchException {
        long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > policy.maxBytes()) {
            close(r);
            throw new FetchException(uri + ": body of " + declared + " bytes is over the limit of " + policy.maxBytes());
        }
        boolean gzip = r.headers().firstValue("Content-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false);
        try (InputStream raw = r.body(); InputStream in = gzip ? new GZIPInputStream(new Capped(raw, policy.maxBytes(), uri, "body")) : raw) {
            return new Capped(in, policy.maxBytes(), uri, gzip ? "decompressed body" : "body").readAllBytes();
        } catch (FetchException e) {
            throw e;
        } catch (IOException e) {
            if (e.getCause() instanceof FetchException fe) throw fe;
            throw new FetchException(uri + ": cannot read the body: " + e.getMessage());
        }
    }

    /** An input stream that fails once more than {@code max} bytes came through it. */
    private static final class Capped extends java.io.FilterInputStream {
        private final long max;
        private final URI uri;
        private final String what;
        private long n;

        Capped(InputStream in, long max, URI uri, String what) {
            super(in);
            this.max = max;
            this.uri = uri;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) count(1);
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int k = super.read(b, off, len);
            if (k > 0) count(k);
            return k;
        }

        private void count(int k) throws FetchException {
            n += k;
            if (n > max) throw new FetchException(uri + ": " + what + " is over the limit of " + max + " bytes");
        }
    }

    private static void close(HttpResponse<InputStream> r) {
        try {
            r.body().close();
        } catch (IOException ignored) {
            // nothing to keep
        }
    }

    /** Refuses schemes other than http(s) and, unless allowed, hosts that resolve to non-public addresses. */
    void check(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) throw new FetchException(uri + ": only http and https URLs are fetched");
        if (uri.getHost() == null) throw new FetchException(uri + ": no host");
        if (policy.allowPrivate()) return;
        InetAddress[] addrs;
        try {
            addrs = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new FetchException(uri + ": unknown host " + uri.getHost());
        }
        for (InetAddress a : addrs) {
            if (!isPublic(a)) {
                throw new FetchException(uri + ": " + uri.getHost() + " is a private, loopback or link-local address (" + a.getHostAddress()
                        + "); pass --allow-private to fetch it");
            }
        }
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return false; // unique local fc00::/7
            return true;
        }
        int b0 = b[0] & 0xff, b1 = b[1] & 0xff;
        if (b0 == 0 || b0 == 127) return false;
        if (b0 == 100 && b1 >= 64 && b1 <= 127) return false; // carrier-grade NAT 100.64/10
        if (b0 == 169 && b1 == 254) return false;
        if (b0 >= 224) return false; // multicast and reserved
        return true;
    }

    private void waitTurn(URI uri) {
        String key = hostKey(uri);
        long interval = policy.perHostInterval().toMillis();
        BaseRobotRules rules = robots.get(key);
        if (rules != null && rules.getCrawlDelay() > 0) interval = Math.max(interval, Math.min(rules.getCrawlDelay(), 60_000));
        Long last = lastRequest.get(key);
        long now = System.currentTimeMillis();
        if (last != null && now - last < interval) {
            try {
                Thread.sleep(interval - (now - last));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lastRequest.put(key, System.currentTimeMillis());
    }

    private static String hostKey(URI uri) {
        return (uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()).toLowerCase(Locale.ROOT);
    }
}
