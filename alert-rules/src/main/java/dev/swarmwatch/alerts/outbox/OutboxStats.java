package dev.swarmwatch.alerts.outbox;

import dev.swarmwatch.alerts.store.StoreHealth;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The outbox at a glance: per receiver figures and the store's health. */
public record OutboxStats(Map<String, ReceiverStats> receivers, StoreHealth store) {
    public OutboxStats {
        receivers = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(receivers));
        Objects.requireNonNull(store, "store");
    }

    public long pending() {
        return receivers.values().stream().mapToLong(ReceiverStats::pending).sum();
    }

    public long undeliverable() {
        return receivers.values().stream().mapToLong(ReceiverStats::undeliverable).sum();
    }
}
