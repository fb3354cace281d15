package dev.swarmwatch.alerts.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try again: exponential backoff with full jitter (a uniform delay in
 * [0, min(cap, base * 2^(attempts-1))]), so receivers coming back are not hit by every sender at
 * once; never before the receiver's {@code Retry-After}. Pure: the random source is given.
 */
public final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The ceiling of the jittered delay after {@code attempts} failed attempts (1 = the first failed). */
    public Duration ceiling(int attempts) {
        int shift = Math.min(Math.max(0, attempts - 1), 30);
        long ms = base.toMillis() << shift;
        return ms <= 0 || ms > cap.toMillis() ? cap : Duration.ofMillis(ms);
    }

    /** The next attempt after {@code attempts} failures at {@code now}. */
    public Instant next(int attempts, Optional<Duration> retryAfter, Instant now) {
        long ceiling = ceiling(attempts).toMillis();
        long jittered = ceiling == 0 ? 0 : random.nextLong(ceiling + 1);
        Instant next = now.plusMillis(jittered);
        if (retryAfter.isPresent()) {
            Instant floor = now.plus(retryAfter.get());
            if (floor.isAfter(next)) {
                next = floor;
            }
        }
        return next;
    }
}
