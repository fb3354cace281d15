package dev.swarmwatch.checks.engine;

import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.Status;

import java.util.Collection;

/**
 * The health score: the weighted share of checks that pass, 0-100.
 *
 * <p>Each check earns OK = 1, WARNING = 0.5, UNKNOWN = 0, CRITICAL = 0; the score is
 * {@code round(100 * earned / checks)}, and 100 when there are no checks. Pure and predictable:
 * 10 checks with one WARNING score 95, with one CRITICAL 90.
 */
public final class Score {
    private Score() {
    }

    public static int of(Collection<CheckReport> checks) {
        if (checks.isEmpty()) {
            return 100;
        }
        double earned = checks.stream().mapToDouble(r -> weight(r.status())).sum();
        return (int) Math.round(100.0 * earned / checks.size());
    }

    static double weight(Status status) {
        return switch (status) {
            case OK -> 1.0;
            case WARNING -> 0.5;
            case UNKNOWN, CRITICAL -> 0.0;
        };
    }
}
