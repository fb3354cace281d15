package dev.swarmwatch.agent.daemon;

import dev.swarmwatch.alerts.eval.AlertView;
import dev.swarmwatch.alerts.outbox.OutboxStats;
import dev.swarmwatch.alerts.outbox.ReceiverStats;
import dev.swarmwatch.alerts.store.StoreException;
import dev.swarmwatch.alerts.store.StoreHealth;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert figures as Prometheus series: pure values in, the scrape text out. */
class AlertMetricsTest {
    private final Instant now = Instant.parse("2026-12-02T10:00:00Z");

    private static AlertView.Entry alert(String severity, AlertView.State state, Instant since) {
        return new AlertView.Entry("fp-" + severity + state, Map.of("alertname", "X", "severity", severity), Map.of(),
                state, since, state == AlertView.State.FIRING ? Optional.of(since) : Optional.empty(), List.of(), List.of());
    }

    @Test
    void countsAlertsByStateAndSeverityAndTheOutboxPerReceiver() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AlertMetrics metrics = new AlertMetrics(registry);
        AlertView view = new AlertView(List.of(alert("critical", AlertView.State.FIRING, now),
                alert("warning", AlertView.State.PENDING, now)), List.of());
        OutboxStats stats = new OutboxStats(Map.of("ops", new ReceiverStats(Map.of("delivered", 3L, "retry", 2L), 4,
                Optional.of(now.minusSeconds(90)), 1)), StoreHealth.OK);

        metrics.update(view, stats, now);
        String scrape = registry.scrape();

        assertThat(scrape).contains("swarmwatch_alerts{severity=\"critical\",state=\"firing\"} 1.0")
                .contains("swarmwatch_alerts{severity=\"warning\",state=\"pending\"} 1.0")
                .contains("swarmwatch_alerts{severity=\"critical\",state=\"pending\"} 0.0")
                .contains("swarmwatch_notifications_total{outcome=\"delivered\",receiver=\"ops\"} 3.0")
                .contains("swarmwatch_notifications_total{outcome=\"undeliverable\",receiver=\"ops\"} 0.0")
                .contains("swarmwatch_outbox_depth{receiver=\"ops\"} 4.0")
                .contains("swarmwatch_outbox_oldest_age_seconds{receiver=\"ops\"} 90.0")
                .contains("swarmwatch_notifications_undeliverable{receiver=\"ops\"} 1.0")
                .contains("swarmwatch_alert_store_healthy 1.0");

        StoreHealth full = StoreHealth.degraded(new StoreException(StoreException.Problem.DISK_FULL, "disk full: /x/alerts.db", null));
        metrics.update(new AlertView(List.of(), List.of()), new OutboxStats(stats.receivers(), full), now);
        assertThat(registry.scrape()).contains("swarmwatch_alert_store_healthy 0.0")
                .contains("swarmwatch_alerts{severity=\"critical\",state=\"firing\"} 0.0");
    }
}
