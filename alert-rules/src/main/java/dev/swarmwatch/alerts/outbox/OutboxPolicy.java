package dev.swarmwatch.alerts.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How the outbox retries.
 *
 * @param baseDelay      backoff before the second attempt (before jitter); doubles per attempt
 * @param maxDelay       the backoff's cap
 * @param maxAge         a notification not delivered this long after it was committed is undeliverable
 * @param attemptTimeout one send attempt without an answer within this is a retry
 * @param poll           how often an idle worker looks at the store anyway (rows committed by another process)
 */
public record OutboxPolicy(Duration baseDelay, Duration maxDelay, Duration maxAge, Duration attemptTimeout,
                           Duration poll) {

    public static final OutboxPolicy DEFAULTS = new OutboxPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5),
            Duration.ofHours(24), Duration.ofSeconds(10), Duration.ofSeconds(5));

    public OutboxPolicy {
        for (Duration d : new Duration[] {baseDelay, maxDelay, maxAge, attemptTimeout, poll}) {
            Objects.requireNonNull(d, "duration");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("outbox durations must be positive");
            }
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay below baseDelay");
        }
    }

    public OutboxPolicy withMaxAge(Duration age) {
        return new OutboxPolicy(baseDelay, maxDelay, age, attemptTimeout, poll);
    }

    public OutboxPolicy withBackoff(Duration base, Duration max) {
        return new OutboxPolicy(base, max, maxAge, attemptTimeout, poll);
    }
}
