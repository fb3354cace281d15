package dev.swarmwatch.alerts.eval;

import dev.swarmwatch.alerts.notify.AlertStatus;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.swarmwatch.alerts.eval.Reports.T0;
import static dev.swarmwatch.alerts.eval.Reports.config;
import static dev.swarmwatch.alerts.eval.Reports.replicas;
import static dev.swarmwatch.alerts.eval.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateTest {
    private static final HealthReport DOWN = report(replicas("web", Status.CRITICAL, "0/2 running"));
    private static final HealthReport UP = report(replicas("web", Status.OK, "2/2 running"));

    @Test
    void fingerprintIsPinnedToItsLabelsSoItStaysTheSameAcrossVersions() {
        // the value computed independently: python3 sha256 over "k\0v\0" of the sorted labels
        Map<String, String> labels = Map.of("alertname", "SwarmCritical", "severity", "critical", "service", "web",
                "stack", "shop", "kind", "replicas", "check", "replicas:web");

        assertThat(Fingerprint.of(labels)).isEqualTo("9f84555b2aae00cb");
        assertThat(Fingerprint.of(new java.util.TreeMap<>(labels))).isEqualTo(Fingerprint.of(labels));
    }

    @Test
    void stateRoundTripsThroughJsonUnchanged() {
        Driver d = new Driver(config("ops"));
        d.run(0, 30, 15, DOWN);
        AlertState state = d.last.state();

        AlertState back = AlertState.fromJson(state.toJson());

        assertThat(back).isEqualTo(state);
        assertThat(back.alerts()).hasSize(1);
        assertThat(back.groups()).hasSize(1);
        assertThat(state.toJson()).contains("\"version\":1").contains("\"startsAt\":\"2026-03-02T10:00:00Z\"");
    }

    @Test
    void aRestartNeitherReFiresNorForgets() {
        Driver d = new Driver(config("ops"));
        d.run(0, 30, 15, DOWN);
        String stored = d.state.toJson();

        Driver restarted = new Driver(config("ops"));
        restarted.state = AlertState.fromJson(stored);
        restarted.run(600, 900, 15, DOWN);

        assertThat(restarted.sent).isEmpty();
        assertThat(restarted.last.view().firing()).singleElement()
                .satisfies(e -> assertThat(e.startsAt()).contains(T0));
    }

    @Test
    void anAlertThatResolvedWhileTheAgentWasDownResolvesOnTheFirstStep() {
        Driver d = new Driver(config("ops"));
        d.run(0, 30, 15, DOWN);

        Driver restarted = new Driver(config("ops"));
        restarted.state = AlertState.fromJson(d.state.toJson());
        restarted.at(3600, UP);

        assertThat(restarted.sent).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(n.alerts().getFirst().startsAt()).isEqualTo(T0);
        });
    }

    @Test
    void unreadableStateIsAnErrorTheCallerCanReport() {
        assertThatThrownBy(() -> AlertState.fromJson("{not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unreadable alert state");
        assertThatThrownBy(() -> AlertState.fromJson("{\"version\":99}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert state version 99, expected 1");
    }
}
