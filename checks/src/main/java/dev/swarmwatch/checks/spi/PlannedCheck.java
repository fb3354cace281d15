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
 * @param name    the declared target's name (unique within the kind), "" for checks of the swarm
 * @param every   run at most this often, reusing the last result in between; zero: every cycle
 */
public record PlannedCheck(String kind, Subject subject, Duration timeout, Check check, String name, Duration every) {

    public PlannedCheck {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(every, "every");
        if (every.isNegative()) {
            throw new IllegalArgumentException("every must not be negative: " + every);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    public PlannedCheck(String kind, Subject subject, Duration timeout, Check check) {
        this(kind, subject, timeout, check, "", Duration.ZERO);
    }

    public PlannedCheck(String kind, Subject subject, Duration timeout, Check check, String name) {
        this(kind, subject, timeout, check, name, Duration.ZERO);
    }

    /** Stable identity across cycles: {@code kind:name} for targets, {@code kind:subject} otherwise. */
    public String id() {
        return CheckReport.id(kind, subject, name);
    }
}
