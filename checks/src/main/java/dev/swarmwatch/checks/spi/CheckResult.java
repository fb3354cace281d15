package dev.swarmwatch.checks.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one run of one check found. Immutable; a check builds it with the factories
 * ({@link #ok}, {@link #warning}, {@link #critical}, {@link #unknown}) and the runner stamps
 * {@link #time} and {@link #duration} with {@link #timed}.
 *
 * @param status   the verdict
 * @param summary  one line a human reads first, without the status word
 * @param details  further lines, most important first
 * @param perfdata measured values
 * @param time     when the check started (the epoch until the runner stamps it)
 * @param duration how long it took (zero until the runner stamps it)
 * @param labels   facts about the subject for alert rules, none of them shown as the result: {@code nodes},
 *                 the hostnames its current tasks are on, comma-separated; {@code nodes_down} and
 *                 {@code nodes_drained}, those of them that are down or drained; {@code label.K}, the
 *                 service's Docker label K; {@code node}, the one node a check is about
 */
public record CheckResult(Status status, String summary, List<String> details, List<PerfDatum> perfdata,
                          Instant time, Duration duration, Map<String, String> labels) {

    public CheckResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        details = List.copyOf(details);
        perfdata = List.copyOf(perfdata);
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration " + duration);
        }
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    public CheckResult(Status status, String summary, List<String> details, List<PerfDatum> perfdata,
                       Instant time, Duration duration) {
        this(status, summary, details, perfdata, time, duration, Map.of());
    }

    public static CheckResult of(Status status, String summary) {
        return new CheckResult(status, summary, List.of(), List.of(), Instant.EPOCH, Duration.ZERO);
    }

    public static CheckResult ok(String summary) {
        return of(Status.OK, summary);
    }

    public static CheckResult warning(String summary) {
        return of(Status.WARNING, summary);
    }

    public static CheckResult critical(String summary) {
        return of(Status.CRITICAL, summary);
    }

    public static CheckResult unknown(String summary) {
        return of(Status.UNKNOWN, summary);
    }

    /**
     * The one place an exception becomes a result, as the runner reports it: the summary in an
     * operator's words ({@link FailureWords#summary}), the classes only in a detail line.
     */
    public static CheckResult failed(Status status, Throwable error) {
        return of(status, describe(error)).withDetails(List.of(FailureWords.detail(error)));
    }

    /** A failure in an operator's words, without class names: "connection refused", "host not found: db". */
    public static String describe(Throwable error) {
        return FailureWords.summary(error);
    }

    public CheckResult withDetails(List<String> moreDetails) {
        return new CheckResult(status, summary, moreDetails, perfdata, time, duration, labels);
    }

    public CheckResult withPerfdata(List<PerfDatum> values) {
        return new CheckResult(status, summary, details, values, time, duration, labels);
    }

    public CheckResult timed(Instant started, Duration took) {
        return new CheckResult(status, summary, details, perfdata, started, took, labels);
    }

    /** These labels added to (and replacing) the ones already set. */
    public CheckResult withLabels(Map<String, String> more) {
        Map<String, String> merged = new TreeMap<>(labels);
        merged.putAll(more);
        return new CheckResult(status, summary, details, perfdata, time, duration, merged);
    }
}
