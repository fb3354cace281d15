package dev.swarmwatch.alerts.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What one send attempt came to; the outbox decides what happens next. */
public sealed interface Delivery {

    /** The receiver took it (2xx). */
    record Delivered(int status) implements Delivery {
    }

    /**
     * Worth another try: connection failure, timeout, 5xx, 408, 429.
     *
     * @param retryAfter the receiver's {@code Retry-After}, when it sent one
     * @param reason     for the log and {@code swarmwatch alerts}: status and start of the body, or the error,
     *                   never a secret
     */
    record Retry(Optional<Duration> retryAfter, String reason) implements Delivery {
        public Retry {
            Objects.requireNonNull(retryAfter, "retryAfter");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Refused for good (4xx other than 408 and 429): never retried, and said so. */
    record Rejected(int status, String reason) implements Delivery {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
