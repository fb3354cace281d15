package dev.swarmwatch.checks.engine;

import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything one cycle found: the health model the front-ends render.
 *
 * @param time     when the cycle started
 * @param duration how long the whole cycle took
 * @param checks     every check's report, sorted by subject (cluster first) then kind
 * @param unfinished what was still running when the cycle ended (check ids, or a kind's name
 *                   when it had not planned yet), each reported as such in {@code checks};
 *                   empty when the cycle finished by itself
 */
public record HealthReport(Instant time, Duration duration, List<CheckReport> checks, List<String> unfinished) {

    private static final Comparator<CheckReport> ORDER = Comparator
            .comparing((CheckReport r) -> !r.subject().cluster())
            .thenComparing(r -> r.subject().stack())
            .thenComparing(r -> r.subject().name())
            .thenComparing(CheckReport::kind)
            .thenComparing(CheckReport::name);

    public HealthReport {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(duration, "duration");
        checks = checks.stream().sorted(ORDER).toList();
        unfinished = List.copyOf(unfinished);
    }

    public HealthReport(Instant time, Duration duration, List<CheckReport> checks) {
        this(time, duration, checks, List.of());
    }

    /** Whether the cycle ended (deadline, or the next cycle due) before everything in it had finished. */
    public boolean overran() {
        return !unfinished.isEmpty();
    }

    /** The worst status of all checks; OK when there are none. */
    public Status worst() {
        return checks.stream().map(CheckReport::status).reduce(Status.OK, Status::worse);
    }

    public long count(Status status) {
        return checks.stream().filter(r -> r.status() == status).count();
    }

    /** The cluster's health score 0-100, see {@link Score}. */
    public int score() {
        return scores().cluster();
    }

    /** The scores of the cluster, each stack and each service, see {@link Score}. */
    public Score.Scores scores() {
        return Score.of(checks);
    }
}
