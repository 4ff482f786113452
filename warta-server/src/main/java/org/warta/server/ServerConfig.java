package org.warta.server;

import java.util.List;
import java.util.Set;

/**
 * How the explorer listens and who may write.
 *
 * @param host the address to bind (127.0.0.1 by default: loopback only)
 * @param port the port (7474 by default; 0 picks a free one)
 * @param token the write token ({@code WARTA_TOKEN} or {@code --token-file}); null refuses every write with 403
 * @param maxBodyBytes the largest request body accepted (413 beyond)
 * @param corsOrigins origins allowed to call the API from a browser page of theirs (empty: CORS off)
 * @param extraHosts further Host header names accepted besides loopback and {@code host} (e.g. a reverse proxy's)
 */
public record ServerConfig(String host, int port, String token, long maxBodyBytes, List<String> corsOrigins, Set<String> extraHosts) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7474;
    public static final long DEFAULT_MAX_BODY = 2L * 1024 * 1024;
    /** The most rows one page of a list answers. */
    public static final int MAX_LIMIT = 500;

    public ServerConfig {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host.strip();
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port " + port + ": use 0..65535");
        if (token != null && token.isBlank()) token = null;
        if (maxBodyBytes <= 0) maxBodyBytes = DEFAULT_MAX_BODY;
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        extraHosts = extraHosts == null ? Set.of() : Set.copyOf(extraHosts);
    }

    public static ServerConfig loopback(int port, String token) {
        return new ServerConfig(DEFAULT_HOST, port, token, DEFAULT_MAX_BODY, List.of(), Set.of());
    }
}
