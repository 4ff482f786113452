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

    private final double perNano;
    private final double burst;
    private final LongSupplier clock;
    private final Map<String, double[]> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
        if (!(perSecond > 0) || burst < 1) throw new IllegalArgumentException("rate " + perSecond + "/s, burst " + burst + ": both must be positive");
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.clock = nanoClock;
    }

    /** Takes a token for the client: 0 when the request may go on, else the whole seconds until a token is back (at least 1). */
    long acquire(String address) {
        String key = key(address);
        long now = clock.getAsLong();
        synchronized (buckets) {
            double[] b = buckets.get(key); // {tokens, time of the last refill}
            if (b == null) {
                buckets.put(key, new double[] {burst - 1, now});
                return 0;
            }
            double tokens = Math.min(burst, b[0] + (now - (long) b[1]) * perNano);
            b[1] = now;
            if (tokens >= 1) {
                b[0] = tokens - 1;
                return 0;
            }
            b[0] = tokens;
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
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
