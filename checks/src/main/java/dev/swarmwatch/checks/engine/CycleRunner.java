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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Runs one cycle: every kind plans its checks (sharing per-cycle values such as the Swarm
 * snapshot), every planned check runs concurrently under the {@link CheckRunner}, and the reports
 * become one {@link HealthReport}. Runs on an event-loop context; blocking work goes to the
 * blocking executor (virtual threads).
 */
public final class CycleRunner {
    private final Vertx vertx;
    private final Clock clock;
    private final Executor blockingExecutor;
    private final List<ConfiguredKind> kinds;
    private final CheckRunner runner = new CheckRunner();
    // The last cycle's reports by id, for checks that run less often than every cycle.
    private volatile Map<String, CheckReport> previous = Map.of();

    public CycleRunner(Vertx vertx, Clock clock, Executor blockingExecutor,
                       List<ConfiguredKind> kinds) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.blockingExecutor = Objects.requireNonNull(blockingExecutor, "blockingExecutor");
        this.kinds = List.copyOf(kinds);
    }

    /** Runs one cycle; the future never fails. May be called from any thread. */
    public Future<HealthReport> runOnce() {
        Context eventLoop = vertx.getOrCreateContext();
        Promise<HealthReport> done = Promise.promise();
        eventLoop.runOnContext(v -> cycle(eventLoop).onComplete(done));
        return done.future();
    }

    private Future<HealthReport> cycle(Context eventLoop) {
        long startNanos = System.nanoTime();
        CycleContext context = new CycleContext(vertx, eventLoop, clock, blockingExecutor);
        List<Future<List<CheckReport>>> perKind = new ArrayList<>();
        for (ConfiguredKind kind : kinds) {
            perKind.add(planSafely(kind, context).compose(planned -> runAll(planned, context)));
        }
        return Future.join(perKind).transform(ignored -> {
            List<CheckReport> reports = new ArrayList<>();
            perKind.forEach(f -> reports.addAll(f.result()));
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            previous = reports.stream().collect(Collectors.toMap(CheckReport::id, r -> r, (a, b) -> a));
            return Future.succeededFuture(new HealthReport(context.cycleStart(), took, reports));
        });
    }

    // A kind that cannot plan is reported as one UNKNOWN result instead of vanishing from the report.
    private Future<List<PlannedCheck>> planSafely(ConfiguredKind configured, CycleContext context) {
        CheckKind kind = configured.kind();
        Future<List<PlannedCheck>> plan;
        try {
            plan = kind.plan(context, configured.options());
        } catch (RuntimeException e) {
            plan = Future.failedFuture(e);
        }
        return plan.recover(error -> Future.succeededFuture(List.of(new PlannedCheck(
                kind.name(), Subject.wholeSwarm(), configured.options().timeout(),
                ctx -> Future.succeededFuture(CheckResult.unknown(
                        "could not plan " + kind.name() + " checks: " + CheckResult.describe(error)))))));
    }

    private Future<List<CheckReport>> runAll(List<PlannedCheck> planned, CycleContext context) {
        Map<String, CheckReport> last = previous;
        List<Future<CheckReport>> running = planned.stream().map(p -> {
            CheckReport before = last.get(p.id());
            boolean notDue = !p.every().isZero() && before != null
                    && Duration.between(before.result().time(), context.cycleStart()).compareTo(p.every()) < 0;
            return notDue ? Future.succeededFuture(before) : runner.run(p, context);
        }).toList();
        return Future.all(running).map(all -> running.stream().map(Future::result).toList());
    }
}
