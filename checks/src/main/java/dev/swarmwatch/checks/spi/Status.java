package dev.swarmwatch.checks.spi;

/**
 * The state of one check, with Nagios's meaning and exit code.
 *
 * <p>Severity orders the states for "worst of": OK &lt; WARNING &lt; UNKNOWN &lt; CRITICAL. UNKNOWN
 * ranks above WARNING because a check that could not look may be hiding anything, but below
 * CRITICAL, which is a known outage.
 */
public enum Status {
    OK(0, 0),
    WARNING(1, 1),
    UNKNOWN(3, 2),
    CRITICAL(2, 3);

    private final int exitCode;
    private final int severity;

    Status(int exitCode, int severity) {
        this.exitCode = exitCode;
        this.severity = severity;
    }

    /** The Nagios plugin exit code: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. */
    public int exitCode() {
        return exitCode;
    }

    /** Rank for "worst of"; higher is worse. */
    public int severity() {
        return severity;
    }

    public Status worse(Status other) {
        return other.severity > severity ? other : this;
    }

    public boolean isWorseThan(Status other) {
        return severity > other.severity;
    }
}
