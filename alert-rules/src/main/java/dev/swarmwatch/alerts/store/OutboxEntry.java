package dev.swarmwatch.alerts.store;

import dev.swarmwatch.alerts.notify.Notification;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the outbox: a notification for one receiver and how its delivery stands.
 *
 * @param created     when it was committed; its age (for the maximum age) counts from here
 * @param attempts    send attempts so far
 * @param nextAttempt not sent before this
 * @param lastError   the last failed attempt's reason (status and start of the body, never a secret)
 */
public record OutboxEntry(Notification notification, Instant created, int attempts, Instant nextAttempt,
                          Optional<String> lastError, OutboxState state) {

    public OutboxEntry {
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(nextAttempt, "nextAttempt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(state, "state");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts < 0");
        }
    }

    public String id() {
        return notification.id();
    }

    public String receiver() {
        return notification.receiver();
    }
}
