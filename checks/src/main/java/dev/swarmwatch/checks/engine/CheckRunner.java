package dev.swarmwatch.checks.engine;

import dev.swarmwatch.checks.spi.CheckContext;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Durations;
import dev.swarmwatch.checks.spi.PlannedCheck;
import dev.swarmwatch.checks.spi.Status;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs one check with its deadline and maps every failure to a result, in one place: a check that
 * throws or fails its future becomes UNKNOWN in an operator's words (the class in a detail); one
 * that does not answer in time becomes CRITICAL "no result within ...", and so does one still
 * running when its cycle ends. The returned future never fails.
 */
public final class CheckRunner {

    public Future<CheckReport> run(PlannedCheck planned, CheckContext context) {
        return run(planned, context, Promise.<String>promise().future());
    }

    /**
     * @param cycleOver completes, with why, when the cycle ends: a check still running then is
     *                  CRITICAL, its late result is dropped
     */
    public Future<CheckReport> run(PlannedCheck planned, CheckContext context, Future<String> cycleOver) {
        Instant started = context.clock().instant();
        long startNanos = System.nanoTime();
        Promise<CheckResult> outcome = Promise.promise();

        long timer = context.vertx().setTimer(Math.max(1, planned.timeout().toMillis()), id ->
                outcome.tryComplete(CheckResult.critical(
                        "no result within " + Durations.format(planned.timeout()) + " (check timed out)")));
        Future<CheckResult> running;
        try {
            running = planned.check().run(context);
            if (running == null) {
                running = Future.failedFuture(new IllegalStateException("check returned no future"));
            }
        } catch (RuntimeException e) {
            running = Future.failedFuture(e);
        }
        running.onComplete(ar -> outcome.tryComplete(ar.succeeded()
                ? ar.result()
                : CheckResult.failed(Status.UNKNOWN, ar.cause())));
        // After the check's own outcome is hooked, so a result already there wins over an ended cycle.
        cycleOver.onSuccess(why -> outcome.tryComplete(CheckResult.critical("no result within "
                + Durations.format(Cycle.rounded(Duration.ofNanos(System.nanoTime() - startNanos)))
                + " (" + why + ")")));

        return outcome.future().map(result -> {
            context.vertx().cancelTimer(timer);
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            return new CheckReport(planned.kind(), planned.subject(), planned.name(), result.timed(started, took));
        });
    }
}
