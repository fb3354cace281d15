package dev.swarmwatch.alerts.store;

import java.util.Locale;

/** Where a notification is in the outbox. A row leaves PENDING exactly once. */
public enum OutboxState {
    PENDING, DELIVERED, UNDELIVERABLE;

    /** As the {@code outbox.state} column holds it. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OutboxState of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
