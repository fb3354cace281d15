package dev.swarmwatch.checks.engine;

import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.PlannedCheck;
import dev.swarmwatch.checks.spi.Subject;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Runs cycles: every kind plans its checks (sharing per-cycle values such as the Swarm snapshot),
 * every planned check runs concurrently under the {@link CheckRunner}, and the reports become one
 * {@link HealthReport}. A cycle has a deadline: whatever is still running then is reported for what
 * it is and the cycle ends, so a hung engine or probe never holds a cycle, or the next one. Runs on
 * an event-loop context; blocking work goes to the blocking executor (virtual threads).
 */
public final class CycleRunner {
    /** Added to the kinds' largest check timeout when no deadline is given: the default engine timeout. */
    static final Duration DEFAULT_MARGIN = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final Clock clock;
    private final Executor blockingExecutor;
    private final List<ConfiguredKind> kinds;
    private final Duration deadline;
    private final CheckRunner runner = new CheckRunner();
    // The last cycle's reports by id, for checks that run less often than every cycle.
    private volatile Map<String, CheckReport> previous = Map.of();

    /**
     * @param deadline how long a cycle may take as a whole, e.g. the largest check timeout plus the
     *                 engine timeout (a snapshot first, then the checks)
     */
    public CycleRunner(Vertx vertx, Clock clock, Executor blockingExecutor,
                       List<ConfiguredKind> kinds, Duration deadline) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.blockingExecutor = Objects.requireNonNull(blockingExecutor, "blockingExecutor");
        this.kinds = List.copyOf(kinds);
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        if (deadline.isZero() || deadline.isNegative()) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
    }

    /** A deadline of the kinds' largest default check timeout plus {@link #DEFAULT_MARGIN}. */
    public CycleRunner(Vertx vertx, Clock clock, Executor blockingExecutor, List<ConfiguredKind> kinds) {
        this(vertx, clock, blockingExecutor, kinds, kinds.stream().map(k -> k.options().timeout())
                .max(Duration::compareTo).orElse(Duration.ZERO).plus(DEFAULT_MARGIN));
    }

    public Duration deadline() {
        return deadline;
    }

    /** Runs one cycle; the future never fails. May be called from any thread. */
    public Future<HealthReport> runOnce() {
        return runOnce(Promise.promise().future());
    }

    /**
     * Runs one cycle that also ends, reporting what is unfinished, when {@code endEarly} completes
     * (the daemon's next cycle being due). The future never fails. May be called from any thread.
     */
    public Future<HealthReport> runOnce(Future<?> endEarly) {
        Context eventLoop = vertx.getOrCreateContext();
        Promise<HealthReport> done = Promise.promise();
        eventLoop.runOnContext(v -> new Cycle(new CycleContext(vertx, eventLoop, clock, blockingExecutor), runner, previous)
                .start(kinds, deadline, endEarly)
                .onSuccess(report -> previous = report.checks().stream()
                        // What a cycle's end cut short is no result to reuse: it runs again next cycle.
                        .filter(r -> !report.unfinished().contains(r.id()))
                        .collect(Collectors.toMap(CheckReport::id, r -> r, (a, b) -> a)))
                .onComplete(done));
        return done.future();
    }

    // A kind that cannot plan is reported as one UNKNOWN result instead of vanishing from the report.
    static Future<List<PlannedCheck>> planSafely(ConfiguredKind configured, CycleContext context) {
        CheckKind kind = configured.kind();
        Future<List<PlannedCheck>> plan;
        try {
            plan = kind.plan(context, configured.options());
            if (plan == null) {
                plan = Future.failedFuture(new IllegalStateException("plan returned no future"));
            }
        } catch (RuntimeException e) {
            plan = Future.failedFuture(e);
        }
        return plan.recover(error -> Future.succeededFuture(List.of(new PlannedCheck(
                kind.name(), Subject.wholeSwarm(), configured.options().timeout(),
                ctx -> Future.succeededFuture(CheckResult.unknown(
                        "could not plan " + kind.name() + " checks: " + CheckResult.describe(error)))))));
    }
}
