package dev.swarmwatch.alerts.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One receiver's delivery figures, as plain values the agent publishes
 * ({@code swarmwatch_notifications_total{receiver,outcome}}, outbox depth, oldest age, undeliverable).
 *
 * @param outcomes      attempts by outcome since start: delivered, retry, rejected, undeliverable,
 *                      resent, resend_failed
 * @param pending       notifications in the outbox not yet delivered
 * @param oldestPending when the oldest of them was committed
 * @param undeliverable notifications given up on, still in the store (listable)
 */
public record ReceiverStats(Map<String, Long> outcomes, long pending, Optional<Instant> oldestPending,
                            long undeliverable) {
    public static final String DELIVERED = "delivered";
    public static final String RETRY = "retry";
    public static final String REJECTED = "rejected";
    public static final String UNDELIVERABLE = "undeliverable";
    public static final String RESENT = "resent";
    public static final String RESEND_FAILED = "resend_failed";

    public ReceiverStats {
        outcomes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(outcomes));
        Objects.requireNonNull(oldestPending, "oldestPending");
    }

    public long outcome(String name) {
        return outcomes.getOrDefault(name, 0L);
    }

    /** Age of the oldest pending notification; zero when none is pending. */
    public Duration oldestAge(Instant now) {
        return oldestPending.map(t -> Duration.between(t, now)).filter(d -> !d.isNegative()).orElse(Duration.ZERO);
    }
}
