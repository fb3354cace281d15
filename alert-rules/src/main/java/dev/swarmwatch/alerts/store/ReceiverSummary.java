package dev.swarmwatch.alerts.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The outbox of one receiver at a glance, for metrics and {@code swarmwatch alerts}. */
public record ReceiverSummary(long pending, Optional<Instant> oldestPending, long undeliverable) {
    public static final ReceiverSummary EMPTY = new ReceiverSummary(0, Optional.empty(), 0);

    public ReceiverSummary {
        Objects.requireNonNull(oldestPending, "oldestPending");
    }
}
