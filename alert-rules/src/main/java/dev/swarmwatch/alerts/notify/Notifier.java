package dev.swarmwatch.alerts.notify;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends notifications to one configured receiver. Non-blocking (Vert.x web client); the outbox
 * owns retries, backoff, rate limits and the deadline of each attempt.
 */
public interface Notifier {

    /** One attempt; the future fails only for a bug, every receiver answer is a {@link Delivery}. */
    Future<Delivery> send(Notification notification);

    /** Messages per second this receiver accepts (Slack: 1); 0 for no limit. */
    default double ratePerSecond() {
        return 0;
    }

    /**
     * For receivers that hold alert state and expire it unless told again (Alertmanager): the outbox
     * remembers the alerts this receiver took and sends them again on this schedule. Empty (the
     * default): each notification is sent once.
     */
    default Optional<Resend> resend() {
        return Optional.empty();
    }

    /**
     * @param every       how often the remembered alerts are sent again
     * @param resolvedFor how long a resolved alert keeps being sent (with its {@code endsAt}) after it ended
     */
    record Resend(Duration every, Duration resolvedFor) {
        public Resend {
            Objects.requireNonNull(every, "every");
            Objects.requireNonNull(resolvedFor, "resolvedFor");
            if (every.isZero() || every.isNegative()) {
                throw new IllegalArgumentException("resend every must be positive");
            }
        }
    }
}
