package dev.swarmwatch.checks.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * A check a kind wants run in this cycle.
 *
 * @param kind    the kind's name, e.g. "replicas"
 * @param subject what it looks at
 * @param timeout the runner fails it after this long
 * @param check   the probe itself
 */
public record PlannedCheck(String kind, Subject subject, Duration timeout, Check check) {

    public PlannedCheck {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(check, "check");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** Stable identity across cycles: {@code kind:subject}. */
    public String id() {
        return kind + ":" + subject.name();
    }
}
