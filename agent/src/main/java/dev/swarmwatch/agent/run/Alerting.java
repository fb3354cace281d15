package dev.swarmwatch.agent.run;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.daemon.LogValues;
import dev.swarmwatch.alerts.Notifiers;
import dev.swarmwatch.alerts.outbox.OutboxPolicy;
import dev.swarmwatch.alerts.pipeline.AlertPipeline;
import dev.swarmwatch.checks.spi.CheckResult;
import io.vertx.core.Future;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Wires the config's alerting onto an agent: the one place run, report and watch open the alert
 * pipeline, with its events as structured log lines.
 */
public final class Alerting {
    private Alerting() {
    }

    /** The pipeline, or empty when the config has no receiver (then nothing is evaluated or stored). */
    public static Future<Optional<AlertPipeline>> open(Agent agent, AgentConfig config, Clock clock, PrintStream log,
                                                       String externalUrl) {
        if (!config.alerts().enabled()) {
            return Future.succeededFuture(Optional.empty());
        }
        return AlertPipeline.open(agent.vertx(), config.alerts(), Notifiers.all(), clock, OutboxPolicy.DEFAULTS,
                externalUrl, new LogEvents(log)).map(Optional::of);
    }

    private record LogEvents(PrintStream log) implements AlertPipeline.Events {
        @Override
        public void committed(int notifications) {
            log.printf(Locale.ROOT, "event=alerts_committed notifications=%d%n", notifications);
        }

        @Override
        public void commitFailed(Throwable cause) {
            log.printf(Locale.ROOT, "event=alerts_commit_failed reason=%s%n", LogValues.quoted(CheckResult.describe(cause)));
        }

        @Override
        public void stateDropped(String reason) {
            log.printf(Locale.ROOT, "event=alerts_state_dropped reason=%s%n", LogValues.quoted(reason));
        }
    }
}
