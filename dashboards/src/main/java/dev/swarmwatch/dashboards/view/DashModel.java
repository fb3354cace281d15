package dev.swarmwatch.dashboards.view;

import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.SafeText;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the dashboard draws, immutable: the latest cycle's view, the Swarm facts, the score
 * history for the sparkline, recent events, and the alert engine's firing and pending alerts.
 *
 * @param report     the latest cycle, empty before the first one finished
 * @param history    the cluster score of the last cycles, oldest first
 * @param events     recent state changes, newest first
 * @param alerts     firing, then pending alerts; empty when alerts are off (no receiver, or --no-alerts)
 * @param refreshed  when the latest cycle finished
 * @param apiCalls   Docker API calls of the latest cycle
 */
public record DashModel(String engine, Duration interval, Optional<ReportView> report, SwarmFacts facts,
                        List<Integer> history, List<Event> events, Optional<List<AlertView>> alerts,
                        Instant refreshed, long apiCalls, long cycles) {
    public static final int HISTORY = 120;
    public static final int EVENTS = 200;

    public DashModel {
        engine = SafeText.line(engine);
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(facts, "facts");
        history = List.copyOf(history);
        events = List.copyOf(events);
        alerts = alerts.map(List::copyOf);
        Objects.requireNonNull(refreshed, "refreshed");
    }

    /** Before the first cycle. */
    public static DashModel starting(String engine, Duration interval) {
        return new DashModel(engine, interval, Optional.empty(), SwarmFacts.NONE, List.of(), List.of(),
                Optional.empty(), Instant.EPOCH, 0, 0);
    }

    /** The model after one more cycle: events against the previous one, history extended. */
    public DashModel next(HealthReport report, SwarmFacts facts, long calls, Instant finished) {
        ReportView view = ReportView.of(report);
        List<Event> newer = new ArrayList<>();
        this.report.ifPresent(before -> newer.addAll(Transitions.between(before, view, finished)));
        newer.addAll(events);
        List<Integer> scores = new ArrayList<>(history);
        scores.add(view.score());
        return new DashModel(engine, interval, Optional.of(view), facts,
                scores.subList(Math.max(0, scores.size() - HISTORY), scores.size()),
                newer.subList(0, Math.min(EVENTS, newer.size())), alerts, finished, calls, cycles + 1);
    }

    /** The same model with these alerts: where the alert engine feeds the checks panel. */
    public DashModel withAlerts(List<AlertView> alerts) {
        return new DashModel(engine, interval, report, facts, history, events, Optional.of(alerts), refreshed,
                apiCalls, cycles);
    }

    /** Alerts firing now; 0 when alerts are off. */
    public long firing() {
        return alerts.map(a -> a.stream().filter(x -> !x.pending()).count()).orElse(0L);
    }

    /** True when the latest cycle is older than two intervals (or none finished within two). */
    public boolean stale(Instant now) {
        return Duration.between(refreshed, now).compareTo(interval.multipliedBy(2)) > 0;
    }
}
