package org.warta.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the explorer listens and who may write.
 *
 * @param host the address to bind (127.0.0.1 by default: loopback only); another address needs {@code allowRemote} and a token
 * @param port the port (7474 by default; 0 picks a free one)
 * @param token the write token ({@code WARTA_TOKEN} or {@code --token-file}); null refuses every write with 403
 * @param maxBodyBytes the largest request body accepted, counted as it is read (413 beyond)
 * @param corsOrigins origins allowed to call the API from a browser page of theirs (empty: CORS off)
 * @param extraHosts further Host header names accepted besides loopback and {@code host} (e.g. a reverse proxy's)
 * @param allowRemote whether a non-loopback {@code host} may be bound ({@code --allow-remote}); it needs a token
 * @param ratePerSecond requests per second each client address may make on average (0: no limit)
 * @param rateBurst requests a client address may make at once before the rate applies
 */
public record ServerConfig(String host, int port, String token, long maxBodyBytes, List<String> corsOrigins, Set<String> extraHosts,
                           boolean allowRemote, double ratePerSecond, int rateBurst) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7474;
    public static final long DEFAULT_MAX_BODY = 2L * 1024 * 1024;
    /** The largest body limit that may be configured (bodies are read into memory). */
    public static final long MAX_BODY_LIMIT = 1L << 30;
    /** Requests per second per client address, on average (a browser session of the explorer makes a few per click). */
    public static final double DEFAULT_RATE = 50;
    /** Requests a client address may make at once (the UI's first load is about 15). */
    public static final int DEFAULT_BURST = 200;
    /** The most rows one page of a list answers. */
    public static final int MAX_LIMIT = 500;

    public ServerConfig {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host.strip();
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port " + port + ": use 0..65535");
        if (token != null && token.isBlank()) token = null;
        if (maxBodyBytes <= 0) maxBodyBytes = DEFAULT_MAX_BODY;
        if (maxBodyBytes > MAX_BODY_LIMIT) throw new IllegalArgumentException("--max-body " + maxBodyBytes + ": use 1.." + MAX_BODY_LIMIT);
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        extraHosts = extraHosts == null ? Set.of() : Set.copyOf(extraHosts);
        if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("--rate-limit " + ratePerSecond + ": use a number of requests per second >= 0 (0: no limit)");
        }
        if (ratePerSecond > 0 && rateBurst < 1) throw new IllegalArgumentException("--rate-burst " + rateBurst + ": use 1 or more");
        if (!isLoopback(host)) {
            if (!allowRemote) {
                throw new IllegalArgumentException("--host " + host + " is not a loopback address: other machines could reach the server; "
                        + "add --allow-remote (with a write token) to serve them, or leave --host at " + DEFAULT_HOST);
            }
            if (token == null) {
                throw new IllegalArgumentException("--host " + host + " with --allow-remote needs a write token (WARTA_TOKEN or --token-file)");
            }
        }
    }

    /** A loopback server on {@code port} with the default limits. */
    public static ServerConfig loopback(int port, String token) {
        return new ServerConfig(DEFAULT_HOST, port, token, DEFAULT_MAX_BODY, List.of(), Set.of(), false, DEFAULT_RATE, DEFAULT_BURST);
    }

    /** This config with another per-client rate limit (0 requests per second: none). */
    public ServerConfig withRateLimit(double perSecond, int burst) {
        return new ServerConfig(host, port, token, maxBodyBytes, corsOrigins, extraHosts, allowRemote, perSecond, burst);
    }

    /** This config with another body limit. */
    public ServerConfig withMaxBody(long bytes) {
        return new ServerConfig(host, port, token, bytes, corsOrigins, extraHosts, allowRemote, ratePerSecond, rateBurst);
    }

    /** This config with CORS allowed for these origins. */
    public ServerConfig withCorsOrigins(List<String> origins) {
        return new ServerConfig(host, port, token, maxBodyBytes, origins, extraHosts, allowRemote, ratePerSecond, rateBurst);
    }

    /**
     * Whether {@code host} names a loopback address: {@code localhost} or a loopback IP literal (127.0.0.0/8, ::1).
     * Other names count as not loopback (they are not looked up: no DNS).
     */
    static boolean isLoopback(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) return true;
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        boolean literal = h.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (h.contains(":") && h.matches("[0-9a-f:.]+"));
        if (!literal) return false;
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
