package dev.swarmwatch.alerts.eval;

import dev.swarmwatch.alerts.notify.Notification;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one evaluation step came to. The caller commits {@code state} and {@code notifications}
 * together (one transaction) before any send is tried.
 *
 * @param state         the state for the next step
 * @param notifications new messages for the outbox; each id is its idempotency key
 * @param view          firing and pending alerts, what they mute and why they are muted
 * @param nextStepAt    when a group's wait ends before the next cycle would come: step again then
 *                      (with the same report), so that grouping never delays a lone alert
 */
public record Step(AlertState state, List<Notification> notifications, AlertView view, Optional<Instant> nextStepAt) {
    public Step {
        Objects.requireNonNull(state, "state");
        notifications = List.copyOf(notifications);
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(nextStepAt, "nextStepAt");
    }
}
