package dev.swarmwatch.agent.cli;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.agent.run.Alerting;
import dev.swarmwatch.alerts.eval.AlertView;
import dev.swarmwatch.alerts.pipeline.AlertPipeline;
import dev.swarmwatch.checks.engine.HealthReport;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The alert engine inside {@code watch}: opened from the config (nothing when it has no receiver
 * or with {@code --no-alerts}), fed every cycle's report, read by the dashboard through its
 * volatile view, and closed within a bound so that quitting stays fast.
 */
final class WatchAlerts implements AutoCloseable {
    static final Duration OPEN_WITHIN = Duration.ofSeconds(10);
    static final Duration CLOSE_WITHIN = Duration.ofSeconds(2);

    private final Optional<AlertPipeline> pipeline;

    private WatchAlerts(Optional<AlertPipeline> pipeline) {
        this.pipeline = pipeline;
    }

    /** Off with {@code --no-alerts}: then no store is opened and nothing is evaluated or sent. */
    static WatchAlerts open(boolean off, Agent agent, AgentConfig config, Clock clock, PrintStream log) throws Exception {
        if (off) {
            return new WatchAlerts(Optional.empty());
        }
        return new WatchAlerts(Alerting.open(agent, config, clock, log, "").toCompletionStage().toCompletableFuture()
                .get(OPEN_WITHIN.toMillis(), TimeUnit.MILLISECONDS));
    }

    boolean on() {
        return pipeline.isPresent();
    }

    /** Hands a finished cycle over; never waits (the pipeline steps on its own context). */
    void onReport(HealthReport report) {
        pipeline.ifPresent(p -> p.onReport(report));
    }

    /** What the dashboard reads before each frame; empty when alerts are off. */
    Optional<Supplier<AlertView>> view() {
        return pipeline.map(p -> p::view);
    }

    /**
     * Stops the outbox and closes the store, waiting at most {@link #CLOSE_WITHIN}: a send still in
     * flight is then abandoned, its notification stays pending in the store for the next run.
     */
    @Override
    public void close() {
        pipeline.ifPresent(p -> {
            try {
                p.close().toCompletionStage().toCompletableFuture().get(CLOSE_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // Bounded on purpose: what was committed is in the store, the next start delivers it.
            }
        });
    }
}
