package dev.swarmwatch.checks.engine;

import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Durations;
import dev.swarmwatch.checks.spi.PlannedCheck;
import dev.swarmwatch.checks.spi.Subject;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One cycle in flight: its kinds planning and their checks running, until everything has finished
 * or the cycle is over (its deadline, or ended early). Either way it ends with one complete report:
 * what had not finished is reported as such, and whatever finishes later is dropped, so nothing of
 * this cycle reaches the next one. Touched from the cycle's event-loop context only.
 */
final class Cycle {
    /** One kind's part of the cycle. */
    private static final class KindRun {
        final ConfiguredKind configured;
        Future<List<PlannedCheck>> plan;
        List<PlannedCheck> planned = List.of();
        List<Future<CheckReport>> running = List.of();

        KindRun(ConfiguredKind configured) {
            this.configured = configured;
        }
    }

    private final CycleContext context;
    private final CheckRunner runner;
    private final Map<String, CheckReport> previous;
    private final long startNanos = System.nanoTime();
    private final Promise<String> over = Promise.promise();
    private final Promise<HealthReport> done = Promise.promise();
    private final List<KindRun> runs = new ArrayList<>();
    private final List<String> unfinished = new ArrayList<>();

    Cycle(CycleContext context, CheckRunner runner, Map<String, CheckReport> previous) {
        this.context = context;
        this.runner = runner;
        this.previous = previous;
    }

    /** Starts every kind; the report comes when all have finished, or when the cycle is over. */
    Future<HealthReport> start(List<ConfiguredKind> kinds, Duration deadline, Future<?> endEarly) {
        long timer = context.vertx().setTimer(Math.max(1, deadline.toMillis()),
                id -> end("the cycle's deadline of " + Durations.format(deadline) + " came first"));
        endEarly.onComplete(ar -> context.eventLoop().runOnContext(v -> end("the cycle was ended before it finished")));
        List<Future<?>> all = new ArrayList<>();
        for (ConfiguredKind kind : kinds) {
            KindRun run = new KindRun(kind);
            runs.add(run);
            run.plan = CycleRunner.planSafely(kind, context);
            all.add(run.plan.compose(planned -> {
                run.planned = planned;
                run.running = runAll(planned);
                return Future.all(run.running);
            }));
        }
        Future.join(all).onComplete(ar -> finish());
        return done.future().onComplete(ar -> context.vertx().cancelTimer(timer));
    }

    private List<Future<CheckReport>> runAll(List<PlannedCheck> planned) {
        return planned.stream().map(p -> {
            CheckReport before = previous.get(p.id());
            boolean notDue = !p.every().isZero() && before != null
                    && Duration.between(before.result().time(), context.cycleStart()).compareTo(p.every()) < 0;
            return notDue ? Future.succeededFuture(before) : runner.run(p, context, over.future()).onComplete(ar -> {
                if (over.future().isComplete()) {
                    unfinished.add(p.id());
                }
            });
        }).toList();
    }

    private void end(String why) {
        if (done.future().isComplete() || !over.tryComplete(why)) {
            return;
        }
        // Stand-ins first: the kinds waiting on a per-cycle value plan from it and their checks
        // answer at once; what is still running after that is cut by `over`.
        context.expire(elapsed());
        context.eventLoop().runOnContext(v -> finish());
    }

    private void finish() {
        if (done.future().isComplete()) {
            return;
        }
        List<CheckReport> reports = new ArrayList<>();
        for (KindRun run : runs) {
            if (!run.plan.isComplete()) {
                CheckKind kind = run.configured.kind();
                unfinished.add(kind.name());
                reports.add(new CheckReport(kind.name(), Subject.wholeSwarm(), "", CheckResult.critical(
                        "no " + kind.name() + " checks planned within " + Durations.format(elapsed())
                                + " (" + over.future().result() + ")").timed(context.cycleStart(), elapsed())));
                continue;
            }
            for (int i = 0; i < run.running.size(); i++) {
                Future<CheckReport> f = run.running.get(i);
                if (f.isComplete()) {
                    reports.add(f.result());
                } else {
                    // CheckRunner completes every running check when the cycle is over; this is the belt to its braces.
                    PlannedCheck p = run.planned.get(i);
                    unfinished.add(p.id());
                    reports.add(new CheckReport(p.kind(), p.subject(), p.name(), CheckResult.critical(
                            "no result within " + Durations.format(elapsed())).timed(context.cycleStart(), elapsed())));
                }
            }
        }
        done.tryComplete(new HealthReport(context.cycleStart(), elapsed(), reports,
                unfinished.stream().distinct().toList()));
    }

    private Duration elapsed() {
        return rounded(Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** For messages: whole seconds from a second on ("3s", not "3004ms"), milliseconds below. */
    static Duration rounded(Duration d) {
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofMillis(d.toMillis())
                : Duration.ofSeconds(Math.round(d.toMillis() / 1000.0));
    }
}
