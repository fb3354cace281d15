package dev.swarmwatch.agent.daemon;

import dev.swarmwatch.alerts.eval.AlertView;
import dev.swarmwatch.alerts.outbox.OutboxStats;
import dev.swarmwatch.alerts.outbox.ReceiverStats;
import dev.swarmwatch.alerts.rules.Severity;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The alert pipeline's figures as Prometheus series (names in docs/metrics.md), refreshed before
 * each scrape from the pipeline's last committed view and the outbox's figures. Receivers are fixed
 * for the life of the process, so series are only ever added.
 */
final class AlertMetrics {
    static final List<String> OUTCOMES = List.of(ReceiverStats.DELIVERED, ReceiverStats.RETRY, ReceiverStats.REJECTED,
            ReceiverStats.UNDELIVERABLE, ReceiverStats.RESENT, ReceiverStats.RESEND_FAILED);

    private record Key(String name, Tags tags) {
    }

    private static final class Value {
        private volatile double value;
    }

    private static final Map<String, String> HELP = Map.of(
            "swarmwatch_alerts", "alerts by state (firing, pending) and severity",
            "swarmwatch_notifications", "notification send attempts by receiver and outcome",
            "swarmwatch_outbox_depth", "notifications committed for the receiver and not yet delivered",
            "swarmwatch_outbox_oldest_age_seconds", "age of the receiver's oldest undelivered notification, 0 when none",
            "swarmwatch_notifications_undeliverable", "notifications given up on for the receiver, kept in the store",
            "swarmwatch_alert_store_healthy", "1 while the alert store can commit, 0 when degraded (disk full, read-only, damaged)");

    private final MeterRegistry registry;
    private final Map<Key, Value> gauges = new HashMap<>();
    private final Map<Key, Value> counters = new HashMap<>();

    AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void update(AlertView view, OutboxStats stats, Instant now) {
        for (AlertView.State state : AlertView.State.values()) {
            for (Severity severity : Severity.values()) {
                long n = view.alerts().stream()
                        .filter(e -> e.state() == state && e.label("severity").equals(severity.wire())).count();
                gauge("swarmwatch_alerts", Tags.of("state", state.name().toLowerCase(Locale.ROOT),
                        "severity", severity.wire()), n);
            }
        }
        stats.receivers().forEach((receiver, r) -> {
            Tags tags = Tags.of("receiver", receiver);
            gauge("swarmwatch_outbox_depth", tags, r.pending());
            gauge("swarmwatch_outbox_oldest_age_seconds", tags, r.oldestAge(now).toMillis() / 1000.0);
            gauge("swarmwatch_notifications_undeliverable", tags, r.undeliverable());
            for (String outcome : OUTCOMES) {
                counter(tags.and("outcome", outcome), r.outcome(outcome));
            }
        });
        gauge("swarmwatch_alert_store_healthy", Tags.empty(), stats.store().ok() ? 1 : 0);
    }

    private void gauge(String name, Tags tags, double v) {
        gauges.computeIfAbsent(new Key(name, tags), k -> {
            Value holder = new Value();
            Gauge.builder(name, holder, h -> h.value).description(HELP.get(name)).tags(tags).register(registry);
            return holder;
        }).value = v;
    }

    // The outbox counts attempts since start; the counter reads that count, so it only goes up.
    private void counter(Tags tags, double v) {
        String name = "swarmwatch_notifications";
        counters.computeIfAbsent(new Key(name, tags), k -> {
            Value holder = new Value();
            FunctionCounter.builder(name, holder, h -> h.value).description(HELP.get(name)).tags(tags).register(registry);
            return holder;
        }).value = v;
    }
}
