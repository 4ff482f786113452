package org.warta.store.watch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import org.warta.Warta;
import org.warta.read.Feeds;

/**
 * Fetches feeds and pages politely and safely. Polite: it obeys robots.txt (crawler-commons; a
 * Crawl-delay raises the per-host interval), waits at least the per-host interval between requests to one
 * host, sends conditional requests (ETag, Last-Modified) when it has validators and names itself in the
 * User-Agent. Safe: only http and https; no loopback, private, link-local, multicast, unspecified,
 * documentation or IPv6 unique-local addresses (nor IPv4 ones embedded in IPv6) unless allowed
 * ({@link Policy#allowPrivate()} or {@link Policy#allowNets()}); at most {@value #MAX_REDIRECTS} redirects,
 * each checked again, and no redirect loops; the whole request (connect, headers and body) within
 * {@link Policy#timeout()}; the body capped at {@link Policy#maxBytes()} whether its length is declared or
 * not, and a gzip body capped after decompression and refused when it expands more than
 * {@link Policy#maxRatio()} times (a decompression bomb). {@link #fetchFeed} and {@link #fetchPage} also
 * refuse what is not a feed or not an HTML page. Every refusal is a {@link FetchException} whose message
 * names the URL and the limit. Not thread-safe: one per watcher.
 */
public final class SafeFetcher {
    public static final int MAX_REDIRECTS = 5;
    public static final String USER_AGENT = "Warta/" + Warta.VERSION + " (news event coder; +https://github.com/warta-project/warta)";
    static final String AGENT_NAME = "warta";
    /** A gzip body is allowed to expand this many times before it is taken for a decompression bomb. */
    public static final int DEFAULT_MAX_RATIO = 100;
    /** Bytes of decompressed output below which the ratio is not checked (small, very repetitive pages are harmless). */
    static final long RATIO_FLOOR = 1L << 20;
    private static final long ROBOTS_TTL_MS = 24L * 3600 * 1000, ROBOTS_RETRY_MS = 10L * 60 * 1000;

    /**
     * What to do and not to do.
     *
     * @param allowPrivate fetch from any address, private or not
     * @param allowNets address ranges (CIDR: {@code 10.1.0.0/16}, {@code 127.0.0.1/32}, {@code fd00::/8}) allowed
     *     although not public
     * @param perHostInterval least time between two requests to one host
     * @param maxBytes largest body, before and after gzip decompression
     * @param maxRatio largest expansion of a gzip body (decompressed / compressed)
     * @param timeout longest time for one request: connect, headers and the whole body
     */
    public record Policy(boolean allowPrivate, List<String> allowNets, Duration perHostInterval, long maxBytes, int maxRatio,
                         Duration timeout) {
        public Policy {
            allowNets = List.copyOf(allowNets);
            for (String n : allowNets) Net.parse(n); // fail early on a bad range
            if (maxBytes < 1) throw new IllegalArgumentException("the body limit must be at least 1 byte, got " + maxBytes);
            if (maxRatio < 1) throw new IllegalArgumentException("the gzip ratio limit must be at least 1, got " + maxRatio);
            if (timeout.isZero() || timeout.isNegative()) throw new IllegalArgumentException("the timeout must be positive, got " + timeout);
        }

        public Policy(boolean allowPrivate, Duration perHostInterval, long maxBytes, Duration timeout) {
            this(allowPrivate, List.of(), perHostInterval, maxBytes, DEFAULT_MAX_RATIO, timeout);
        }

        public static Policy defaults() {
            return new Policy(false, Duration.ofSeconds(2), 10L * 1024 * 1024, Duration.ofSeconds(30));
        }

        /** This policy with these address ranges allowed too. */
        public Policy allowing(String... nets) {
            List<String> all = new ArrayList<>(allowNets);
            all.addAll(List.of(nets));
            return new Policy(allowPrivate, all, perHostInterval, maxBytes, maxRatio, timeout);
        }
    }

    /** A fetched resource: status 200 with a body, or 304 (not modified) without one. */
    public record Response(int status, URI uri, byte[] body, String contentType, String etag, String lastModified) {}

    /**
     * A fetch that was refused or failed; the message names the URL and why. {@code lasting} tells a refusal
     * that will not change by itself (a 404, a body over the limit, binary content) from a passing failure (a
     * timeout, a 5xx, a refused connection).
     */
    public static class FetchException extends IOException {
        private final boolean lasting;

        public FetchException(String message) {
            this(message, true);
        }

        public FetchException(String message, boolean lasting) {
            super(message);
            this.lasting = lasting;
        }

        public boolean lasting() {
            return lasting;
        }
    }

    private record Robots(BaseRobotRules rules, long until) {}

    private final Policy policy;
    private final List<Net> allowed = new ArrayList<>();
    private final HttpClient client;
    private final Map<String, Long> lastRequest = new HashMap<>();
    private final Map<String, Robots> robots = new HashMap<>();
    private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();

    public SafeFetcher(Policy policy) {
        this.policy = policy;
        for (String n : policy.allowNets()) allowed.add(Net.parse(n));
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(policy.timeout()).build();
    }

    public Policy policy() {
        return policy;
    }

    /** Whether robots.txt of the URL's host lets Warta fetch it (fetching robots.txt once a day per host). */
    public boolean allowed(URI uri) throws FetchException {
        String key = hostKey(uri);
        Robots r = robots.get(key);
        long now = System.currentTimeMillis();
        if (r == null || now > r.until()) {
            URI robotsUri = uri.resolve("/robots.txt");
            try {
                Response resp = get(robotsUri, null, null, false);
                r = new Robots(robotsParser.parseContent(robotsUri.toString(), resp.body(),
                        resp.contentType() == null ? "text/plain" : resp.contentType(), List.of(AGENT_NAME)), now + ROBOTS_TTL_MS);
            } catch (HttpStatus e) {
                // 4xx: everything allowed; 5xx: nothing for now, asked again in a while
                r = new Robots(robotsParser.failedFetch(e.status), now + (e.status >= 500 ? ROBOTS_RETRY_MS : ROBOTS_TTL_MS));
            }
            robots.put(key, r);
        }
        return r.rules().isAllowed(uri.toString());
    }

    /** GET with robots.txt obeyed; {@code etag}/{@code lastModified} make it conditional (a 304 comes back as such). */
    public Response fetch(URI uri, String etag, String lastModified) throws FetchException {
        check(uri);
        boolean allowed;
        try {
            allowed = allowed(uri);
        } catch (FetchException e) {
            throw new FetchException(uri + ": cannot read robots.txt: " + e.getMessage(), e.lasting());
        }
        if (!allowed) throw new FetchException(uri + ": robots.txt disallows it for " + AGENT_NAME);
        try {
            return get(uri, etag, lastModified, true);
        } catch (HttpStatus e) {
            throw new FetchException(uri + ": HTTP " + e.status, e.lasting());
        }
    }

    /** {@link #fetch} of a feed: a 200 must be RSS or Atom XML (by its content type, or its root element when the type is vague). */
    public Response fetchFeed(URI uri, String etag, String lastModified) throws FetchException {
        Response r = fetch(uri, etag, lastModified);
        if (r.status() == 200) checkFeed(r);
        return r;
    }

    /** {@link #fetch} of an article page: it must be HTML (by its content type) and text, not binary. */
    public Response fetchPage(URI uri) throws FetchException {
        Response r = fetch(uri, null, null);
        checkPage(r);
        return r;
    }

    static String mediaType(String contentType) {
        if (contentType == null) return "";
        int semi = contentType.indexOf(';');
        return (semi >= 0 ? contentType.substring(0, semi) : contentType).strip().toLowerCase(Locale.ROOT);
    }

    static void checkFeed(Response r) throws FetchException {
        String type = mediaType(r.contentType());
        boolean xml = type.endsWith("+xml") || type.equals("application/xml") || type.equals("text/xml")
                || type.contains("rss") || type.contains("atom") || type.contains("rdf");
        if (xml) return;
        boolean vague = type.isEmpty() || type.startsWith("text/") || type.equals("application/octet-stream");
        if (vague && Feeds.looksLikeFeed(r.body())) return;
        throw new FetchException(r.uri() + ": content type " + (type.isEmpty() ? "(none)" : type)
                + " is not a feed (RSS or Atom XML expected" + (vague ? ", and the body has no <rss>, <feed> or <rdf:RDF> root)" : ")"));
    }

    static void checkPage(Response r) throws FetchException {
        String type = mediaType(r.contentType());
        if (!(type.isEmpty() || type.equals("text/html") || type.equals("application/xhtml+xml"))) {
            throw new FetchException(r.uri() + ": content type " + type + " is not an HTML page");
        }
        String why = binary(r.body());
        if (why != null) throw new FetchException(r.uri() + ": the page is binary, not HTML text (" + why + ")");
    }

    static final int SNIFF = 8192;

    /** Why the start of a body looks binary (a NUL byte, or more than 5% control bytes), or null for text. */
    static String binary(byte[] b) {
        if (b.length >= 2 && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE))) return null; // UTF-16
        int n = Math.min(b.length, SNIFF), control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == 0) return "a NUL byte at offset " + i;
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) || c == 0x7f) control++;
        }
        if (n > 0 && control * 20 > n) return control + " control bytes in the first " + n;
        return null;
    }

    private static final class HttpStatus extends FetchException {
        final int status;

        HttpStatus(URI uri, int status) {
            super(uri + ": HTTP " + status, status >= 400 && status < 500 && status != 408 && status != 429);
            this.status = status;
        }
    }

    private Response get(URI start, String etag, String lastModified, boolean checkRobots) throws FetchException {
        try {
            return follow(start, etag, lastModified, checkRobots);
        } catch (HttpStatus e) {
            throw e;
        } catch (FetchException e) {
            // a refusal at a later hop names the URL asked for too
            if (e.getMessage().startsWith(start.toString())) throw e;
            throw new FetchException(start + ": redirected to " + e.getMessage(), e.lasting());
        }
    }

    private Response follow(URI start, String etag, String lastModified, boolean checkRobots) throws FetchException {
        URI uri = start;
        Set<URI> visited = new HashSet<>();
        for (int hop = 0; ; hop++) {
            check(uri);
            if (!visited.add(uri.normalize())) {
                throw new FetchException(start + ": redirect loop (" + uri + " again after " + hop + " redirects)");
            }
            if (hop > 0 && checkRobots && !allowed(uri)) throw new FetchException(uri + ": robots.txt disallows it for " + AGENT_NAME);
            waitTurn(uri);
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(policy.timeout()).GET()
                    .header("User-Agent", USER_AGENT)
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.9, */*;q=0.5")
                    .header("Accept-Encoding", "gzip");
            if (hop == 0 && etag != null) b.header("If-None-Match", etag);
            if (hop == 0 && lastModified != null) b.header("If-Modified-Since", lastModified);
            HttpResponse<byte[]> r = send(uri, b.build());
            int status = r.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                String loc = r.headers().firstValue("Location").orElse(null);
                if (loc == null) throw new FetchException(uri + ": HTTP " + status + " without a Location");
                if (hop + 1 > MAX_REDIRECTS) throw new FetchException(start + ": more than " + MAX_REDIRECTS + " redirects (the limit; the last to " + loc.strip() + ")");
                try {
                    uri = uri.resolve(loc.strip());
                } catch (IllegalArgumentException e) {
                    throw new FetchException(uri + ": HTTP " + status + " to a Location that is not a URL: " + loc.strip());
                }
                continue;
            }
            if (status == 304) return new Response(304, uri, new byte[0], null, etag, lastModified);
            if (status != 200) throw new HttpStatus(uri, status);
            byte[] body = decode(uri, r);
            return new Response(200, uri, body, r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().firstValue("ETag").orElse(null), r.headers().firstValue("Last-Modified").orElse(null));
        }
    }

    /** Sends one request and reads its (capped) body, all within the policy's timeout. */
    private HttpResponse<byte[]> send(URI uri, HttpRequest request) throws FetchException {
        Capped handler = new Capped(uri, policy.maxBytes());
        CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(request, handler);
        try {
            return f.get(policy.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            handler.cancel();
            f.cancel(true);
            throw timeout(uri);
        } catch (InterruptedException e) {
            handler.cancel();
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException(uri + ": interrupted", false);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            while (c != null && !(c instanceof FetchException) && !(c instanceof IOException) && c.getCause() != null) c = c.getCause();
            if (c instanceof FetchException fe) throw fe;
            if (c instanceof HttpTimeoutException) throw timeout(uri);
            String m = c == null ? "" : c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
            throw new FetchException(uri + ": " + m, false);
        }
    }

    private FetchException timeout(URI uri) {
        return new FetchException(uri + ": no complete response within the timeout of " + seconds(policy.timeout()), false);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * Reads a 200's body into memory, refusing it at once when its declared length is over the limit and
     * as soon as more than the limit came (a chunked body has no declared length); other statuses are discarded.
     */
    private static final class Capped implements HttpResponse.BodyHandler<byte[]> {
        private final URI uri;
        private final long max;
        private volatile Flow.Subscription subscription;

        Capped(URI uri, long max) {
            this.uri = uri;
            this.max = max;
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) s.cancel();
        }

        @Override
        public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
            if (info.statusCode() != 200) return HttpResponse.BodySubscribers.replacing(new byte[0]);
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            FetchException early = declared > max
                    ? new FetchException(uri + ": body of " + declared + " bytes is over the limit of " + max + " bytes") : null;
            return new HttpResponse.BodySubscriber<>() {
                final CompletableFuture<byte[]> result = new CompletableFuture<>();
                final ByteArrayOutputStream out = new ByteArrayOutputStream();

                @Override
                public CompletionStage<byte[]> getBody() {
                    return result;
                }

                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    if (early != null) {
                        s.cancel();
                        result.completeExceptionally(early);
                    } else {
                        s.request(1);
                    }
                }

                @Override
                public void onNext(List<ByteBuffer> items) {
                    if (result.isDone()) return;
                    for (ByteBuffer bb : items) {
                        if (out.size() + (long) bb.remaining() > max) {
                            subscription.cancel();
                            result.completeExceptionally(new FetchException(uri + ": body is over the limit of " + max + " bytes"));
                            return;
                        }
                        byte[] chunk = new byte[bb.remaining()];
                        bb.get(chunk);
                        out.write(chunk, 0, chunk.length);
                    }
                    subscription.request(1);
                }

                @Override
                public void onError(Throwable t) {
                    result.completeExceptionally(t);
                }

                @Override
                public void onComplete() {
                    result.complete(out.toByteArray());
                }
            };
        }
    }

    /** The body as sent, or decompressed when gzip (capped, and refused when it expands too much). */
    private byte[] decode(URI uri, HttpResponse<byte[]> r) throws FetchException {
        String enc = r.headers().firstValue("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT);
        if (enc.isEmpty() || enc.equals("identity")) return r.body();
        if (!(enc.equals("gzip") || enc.equals("x-gzip"))) {
            throw new FetchException(uri + ": Content-Encoding " + enc + " is not accepted (only gzip)");
        }
        byte[] raw = r.body();
        long max = policy.maxBytes(), ratio = policy.maxRatio();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            byte[] buf = new byte[16384];
            for (int k; (k = in.read(buf)) > 0; ) {
                out.write(buf, 0, k);
                long n = out.size();
                if (n > max) throw new FetchException(uri + ": decompressed body is over the limit of " + max + " bytes");
                if (n > RATIO_FLOOR && n > ratio * raw.length) {
                    throw new FetchException(uri + ": gzip body of " + raw.length + " bytes expands more than " + ratio
                            + " times (the ratio limit; " + n + " bytes so far): refused as a decompression bomb");
                }
            }
        } catch (FetchException e) {
            throw e;
        } catch (IOException e) {
            throw new FetchException(uri + ": cannot decompress the gzip body: " + e.getMessage());
        }
        return out.toByteArray();
    }

    /**
     * Refuses schemes other than http(s) and, unless allowed, hosts with any non-public address. The client's
     * own lookup a moment later is answered from the JVM's address cache (30 s by default), so a host's answer
     * cannot change between the check and the connection, unless its cache entry expires in that moment.
     */
    void check(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) throw new FetchException(uri + ": only http and https URLs are fetched");
        if (uri.getHost() == null) throw new FetchException(uri + ": no host");
        if (policy.allowPrivate()) return;
        InetAddress[] addrs;
        try {
            addrs = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new FetchException(uri + ": unknown host " + uri.getHost(), false);
        }
        for (InetAddress a : addrs) {
            if (!isPublic(a) && allowed.stream().noneMatch(n -> n.contains(a))) {
                throw new FetchException(uri + ": " + uri.getHost() + " is a private, loopback, link-local or other non-public address ("
                        + a.getHostAddress() + "); pass --allow-private, or --allow-net with its range, to fetch it");
            }
        }
    }

    /** Whether an address is public: not loopback, private, link-local, multicast, unspecified, reserved or documentation. */
    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff), w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            if ((b[0] & 0xfe) == 0xfc) return false; // unique local fc00::/7
            if (w0 == 0x2001 && (w1 == 0 || w1 == 0x0db8)) return false; // Teredo 2001::/32, documentation 2001:db8::/32
            if (w0 == 0x0100 && w1 == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) return false; // discard 100::/64
            if (w0 == 0x2002) return isPublic4(b[2], b[3], b[4], b[5]); // 6to4 embeds an IPv4 address
            if (ipv4Mapped(b) || zeros(b, 12)) {
                return isPublic4(b[12], b[13], b[14], b[15]); // IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d
            }
            if (w0 == 0x0064 && w1 == 0xff9b) return isPublic4(b[12], b[13], b[14], b[15]); // NAT64 64:ff9b::/96
            return true;
        }
        return isPublic4(b[0], b[1], b[2], b[3]);
    }

    /** Whether a 16-byte address is an IPv4-mapped one, ::ffff:a.b.c.d. */
    private static boolean ipv4Mapped(byte[] b) {
        return zeros(b, 10) && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static boolean zeros(byte[] b, int n) {
        for (int i = 0; i < n; i++) if (b[i] != 0) return false;
        return true;
    }

    private static boolean isPublic4(byte x0, byte x1, byte x2, byte x3) {
        int b0 = x0 & 0xff, b1 = x1 & 0xff, b2 = x2 & 0xff;
        if (b0 == 0 || b0 == 10 || b0 == 127) return false; // "this" network, private, loopback
        if (b0 == 100 && b1 >= 64 && b1 <= 127) return false; // carrier-grade NAT 100.64/10
        if (b0 == 169 && b1 == 254) return false; // link-local
        if (b0 == 172 && b1 >= 16 && b1 <= 31) return false; // private
        if (b0 == 192 && b1 == 168) return false; // private
        if (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) return false; // IETF assignments, TEST-NET-1
        if (b0 == 198 && (b1 == 18 || b1 == 19)) return false; // benchmarking 198.18/15
        if (b0 == 198 && b1 == 51 && b2 == 100) return false; // TEST-NET-2
        if (b0 == 203 && b1 == 0 && b2 == 113) return false; // TEST-NET-3
        return b0 < 224; // multicast 224/4, reserved 240/4 and broadcast
    }

    /** An address range in CIDR notation. */
    record Net(byte[] prefix, int bits) {
        static Net parse(String cidr) {
            String s = cidr.strip();
            int slash = s.indexOf('/');
            String host = slash < 0 ? s : s.substring(0, slash);
            if (!host.matches("[0-9a-fA-F:.]+")) throw new IllegalArgumentException("'" + cidr + "' is not an address range such as 10.0.0.0/8 or fd00::/8");
            InetAddress a;
            try {
                a = InetAddress.getByName(host); // a literal: no lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + cidr + "' is not an address range such as 10.0.0.0/8 or fd00::/8");
            }
            byte[] p = a.getAddress();
            int bits;
            try {
                bits = slash < 0 ? p.length * 8 : Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + cidr + "' is not an address range such as 10.0.0.0/8 or fd00::/8");
            }
            if (bits < 0 || bits > p.length * 8) throw new IllegalArgumentException("'" + cidr + "': prefix length " + bits + " is out of range");
            return new Net(p, bits);
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != prefix.length && a instanceof Inet6Address && prefix.length == 4) {
                // an IPv4-mapped IPv6 address is matched by IPv4 ranges
                if (!ipv4Mapped(b)) return false;
                b = new byte[] {b[12], b[13], b[14], b[15]};
            }
            if (b.length != prefix.length || a instanceof Inet4Address && prefix.length != 4) return false;
            for (int i = 0; i < bits; i++) {
                int bit = 0x80 >> (i % 8);
                if ((b[i / 8] & bit) != (prefix[i / 8] & bit)) return false;
            }
            return true;
        }
    }

    private void waitTurn(URI uri) {
        String key = hostKey(uri);
        long interval = policy.perHostInterval().toMillis();
        Robots r = robots.get(key);
        if (r != null && r.rules().getCrawlDelay() > 0) interval = Math.max(interval, Math.min(r.rules().getCrawlDelay(), 60_000));
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
