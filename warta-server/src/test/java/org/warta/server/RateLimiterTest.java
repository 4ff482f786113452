package org.warta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token buckets of the rate limit, on a clock the test moves. */
class RateLimiterTest {
    final AtomicLong now = new AtomicLong(1_000_000_000L);

    void advance(double seconds) {
        now.addAndGet((long) (seconds * 1e9));
    }

    @Test
    void aBurstThenTheRate() {
        RateLimiter l = new RateLimiter(2, 5, now::get); // 5 at once, then 2 a second
        for (int i = 0; i < 5; i++) assertThat(l.acquire("10.0.0.1")).as("request " + i).isZero();
        // empty: one token is back in half a second, so wait 1 s (Retry-After is in whole seconds)
        assertThat(l.acquire("10.0.0.1")).isEqualTo(1);
        advance(0.5);
        assertThat(l.acquire("10.0.0.1")).isZero();
        assertThat(l.acquire("10.0.0.1")).isEqualTo(1);
        // a long pause refills to the burst, no more
        advance(3600);
        for (int i = 0; i < 5; i++) assertThat(l.acquire("10.0.0.1")).isZero();
        assertThat(l.acquire("10.0.0.1")).isPositive();
    }

    @Test
    void retryAfterIsTheTimeUntilATokenIsBack() {
        RateLimiter slow = new RateLimiter(0.1, 1, now::get); // one every 10 s
        assertThat(slow.acquire("a")).isZero();
        assertThat(slow.acquire("a")).isEqualTo(10);
        advance(4);
        assertThat(slow.acquire("a")).isEqualTo(6);
        advance(6);
        assertThat(slow.acquire("a")).isZero();
    }

    @Test
    void refusedRequestsDoNotDeepenTheDebt() {
        RateLimiter l = new RateLimiter(1, 1, now::get);
        assertThat(l.acquire("a")).isZero();
        for (int i = 0; i < 100; i++) assertThat(l.acquire("a")).isEqualTo(1);
        advance(1);
        assertThat(l.acquire("a")).isZero();
    }

    @Test
    void eachAddressHasItsOwnBucket() {
        RateLimiter l = new RateLimiter(1, 2, now::get);
        assertThat(l.acquire("10.0.0.1")).isZero();
        assertThat(l.acquire("10.0.0.1")).isZero();
        assertThat(l.acquire("10.0.0.1")).isPositive();
        assertThat(l.acquire("10.0.0.2")).isZero();
        // IPv6: one /64 is one client (a host can take any address of its network)
        assertThat(l.acquire("2001:db8:1:2::1")).isZero();
        assertThat(l.acquire("2001:db8:1:2:ffff::9")).isZero();
        assertThat(l.acquire("[2001:db8:1:2:aaaa:bbbb:cccc:dddd]")).isPositive();
        assertThat(l.acquire("2001:db8:1:3::1")).isZero();
        assertThat(RateLimiter.key("2001:db8:1:2::1")).isEqualTo(RateLimiter.key("2001:0db8:0001:0002:ffff:0:0:9"));
        assertThat(RateLimiter.key("fe80::1%eth0")).isEqualTo(RateLimiter.key("fe80::2"));
        // an IPv4 address mapped into IPv6 is the IPv4 client
        assertThat(RateLimiter.key("::ffff:10.0.0.1")).isEqualTo("10.0.0.1");
    }

    @Test
    void theNumberOfBucketsIsBounded() {
        RateLimiter l = new RateLimiter(1, 1, now::get);
        for (int i = 0; i < RateLimiter.MAX_CLIENTS + 500; i++) l.acquire("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
        assertThat(l.clients()).isEqualTo(RateLimiter.MAX_CLIENTS);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new RateLimiter(0, 5, now::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(1, 0, now::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerConfig.loopback(0, null).withRateLimit(-1, 5)).hasMessageContaining("--rate-limit");
        assertThatThrownBy(() -> ServerConfig.loopback(0, null).withRateLimit(Double.NaN, 5)).hasMessageContaining("--rate-limit");
        assertThatThrownBy(() -> ServerConfig.loopback(0, null).withRateLimit(5, 0)).hasMessageContaining("--rate-burst");
        assertThat(ServerConfig.loopback(0, null).withRateLimit(0, 0).ratePerSecond()).isZero();
    }
}
