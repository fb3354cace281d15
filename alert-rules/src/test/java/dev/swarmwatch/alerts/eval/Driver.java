package dev.swarmwatch.alerts.eval;

import dev.swarmwatch.alerts.config.AlertsConfig;
import dev.swarmwatch.alerts.notify.Notification;
import dev.swarmwatch.alerts.silence.Silence;
import dev.swarmwatch.checks.engine.HealthReport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake clock and the state between steps: each {@link #at} steps the evaluator at T0 + offset,
 * keeping (as the store would) the state, and collecting every notification.
 */
final class Driver {
    private final AlertEvaluator evaluator;
    AlertState state = AlertState.empty();
    final List<Notification> sent = new ArrayList<>();
    List<Silence> silences = List.of();
    Step last;

    Driver(AlertsConfig config) {
        this.evaluator = new AlertEvaluator(config);
    }

    /** Steps at T0 + seconds; returns this step's notifications. */
    List<Notification> at(long seconds, HealthReport report) {
        return at(Reports.T0.plus(Duration.ofSeconds(seconds)), report);
    }

    List<Notification> at(Instant now, HealthReport report) {
        last = evaluator.step(state, report, silences, now);
        // Every step's state goes through JSON, as through the store: a restart at any step is the same.
        state = AlertState.fromJson(last.state().toJson());
        sent.addAll(last.notifications());
        return last.notifications();
    }

    /** Steps every {@code every} seconds from {@code from} to {@code to} (inclusive) with the same report. */
    List<Notification> run(long from, long to, long every, HealthReport report) {
        List<Notification> out = new ArrayList<>();
        for (long t = from; t <= to; t += every) {
            out.addAll(at(t, report));
        }
        return out;
    }
}
