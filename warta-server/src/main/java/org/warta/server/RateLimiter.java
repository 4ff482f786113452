package org.warta.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: each holds up to {@code burst} tokens, refilled at {@code perSecond};
 * a request takes one, and with none left it is refused with the seconds to wait (the 429's Retry-After).
 * IPv6 clients are counted by their /64 network (one host usually holds a whole /64). At most
 * {@link #MAX_CLIENTS} buckets are kept, the least recently used dropped first (a dropped client starts full).
 */
final class RateLimiter {
    static final int MAX_CLIENTS = 10_000;

    private final double perSecond;
    private final double burst;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    private static final class Bucket {
        double tokens;
        long refilled;

        Bucket(double tokens, long refilled) {
            this.tokens = tokens;
            this.refilled = refilled;
        }
    }

    RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond) || burst < 1) {
            throw new IllegalArgumentException("rate " + perSecond + "/s, burst " + burst + ": both must be positive");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = nanoClock;
    }

    /** Takes a token for the client: 0 when the request may go on, else the whole seconds until a token is back (at least 1). */
    long acquire(String address) {
        String key = key(address);
        long now = clock.getAsLong();
        synchronized (buckets) {
            Bucket b = buckets.get(key);
            if (b == null) {
                buckets.put(key, new Bucket(burst - 1, now));
                return 0;
            }
            b.tokens = Math.min(burst, b.tokens + (now - b.refilled) / 1e9 * perSecond);
            b.refilled = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            // a refused request takes nothing: a client that keeps asking is not pushed further back
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perSecond - 1e-9));
        }
    }

    int clients() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    /** The address a bucket is kept for: an IPv4 address as it is, an IPv6 address's first 64 bits. */
    static String key(String address) {
        if (address == null || address.indexOf(':') < 0) return String.valueOf(address);
        if (!address.matches("\\[?[0-9A-Fa-f:.]+(%[^\\]]*)?\\]?")) return address;
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = a.indexOf('%');
        if (zone >= 0) a = a.substring(0, zone);
        try {
            byte[] b = InetAddress.getByName(a).getAddress(); // a literal from the socket: parsed, never looked up
            if (b.length != 16) return InetAddress.getByAddress(b).getHostAddress();
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 8; i += 2) s.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
            return s.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
