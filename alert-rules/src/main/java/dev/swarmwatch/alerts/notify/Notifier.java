package dev.swarmwatch.alerts.notify;

import io.vertx.core.Future;

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
}
