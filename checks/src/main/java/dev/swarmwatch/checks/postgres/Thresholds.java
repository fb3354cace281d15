package dev.swarmwatch.checks.postgres;

import dev.swarmwatch.checks.spi.Status;

/**
 * A warning and a critical limit on a value where more is worse (replication lag). A value at or
 * above a limit reaches it, as Nagios plugins count {@code -w 10} on lag.
 */
public record Thresholds(double warning, double critical) {

    public Thresholds {
        if (!(warning >= 0) || !(critical >= 0)) {
            throw new IllegalArgumentException("thresholds must be >= 0: warning " + warning + ", critical " + critical);
        }
        if (warning > critical) {
            throw new IllegalArgumentException("warning " + warning + " is above critical " + critical);
        }
    }

    public Status judge(double value) {
        if (value >= critical) {
            return Status.CRITICAL;
        }
        return value >= warning ? Status.WARNING : Status.OK;
    }
}
