package dev.swarmwatch.tests;

import dev.swarmwatch.alerts.config.AlertsConfig;
import dev.swarmwatch.alerts.config.ReceiverConfig;
import dev.swarmwatch.alerts.eval.AlertEvaluator;
import dev.swarmwatch.alerts.eval.AlertState;
import dev.swarmwatch.alerts.eval.Step;
import dev.swarmwatch.alerts.notify.Alert;
import dev.swarmwatch.alerts.notify.Notification;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.Options;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.swarmwatch.tests.Bed.get;
import static org.assertj.core.api.Assertions.assertThat;

/** The shipped default rules over real cycles of the sandbox swarm, whose services have known health. */
class AlertsOnSandboxTest {
    private static final AlertsConfig ONE_RECEIVER = new AlertsConfig(Path.of("/nonexistent"),
            Map.of("ops", new ReceiverConfig("ops", "test", Options.defaults(List.of()))), Optional.empty(),
            List.of(), List.of(), Map.of(), true);

    @Test
    void anUnschedulableServiceIsOneCriticalAlertAndAHealthyOneNone() throws Exception {
        AlertEvaluator evaluator = new AlertEvaluator(ONE_RECEIVER);
        HealthReport first = Bed.cycle(Bed.sandbox(), Bed.config());

        Step fired = evaluator.step(AlertState.empty(), first, List.of(), first.time());
        Instant groupWaitEnds = fired.nextStepAt().orElseThrow();
        Step sent = evaluator.step(AlertState.fromJson(fired.state().toJson()), first, List.of(), groupWaitEnds);

        assertThat(fired.notifications()).isEmpty();
        Notification critical = sent.notifications().stream()
                .filter(n -> n.groupLabels().get("alertname").equals("SwarmCritical")).findFirst().orElseThrow();
        Alert unschedulable = critical.alerts().stream()
                .filter(a -> a.label("check").equals("replicas:bed-unschedulable")).findFirst().orElseThrow();
        assertThat(unschedulable.labels()).containsEntry("service", "bed-unschedulable")
                .containsEntry("kind", "replicas").containsEntry("severity", "critical");
        assertThat(unschedulable.annotation("summary")).isEqualTo("0/2 running");
        assertThat(sent.notifications()).flatExtracting(Notification::alerts)
                .noneMatch(a -> a.label("service").equals("bed-healthy"));
        // the facts that let a down node mute its services' alerts come from the real engine
        assertThat(get(first, "replicas:bed-healthy").result().labels().get("nodes")).isNotBlank();
        assertThat(get(first, "replicas:bed-healthy").result().labels()).containsEntry("nodes_down", "");

        HealthReport second = Bed.cycle(Bed.sandbox(), Bed.config());
        Step again = evaluator.step(AlertState.fromJson(sent.state().toJson()), second, List.of(),
                groupWaitEnds.plusSeconds(15));

        assertThat(again.notifications()).as("still firing: no second message inside group_interval")
                .noneMatch(n -> n.groupLabels().get("alertname").equals("SwarmCritical"));
        assertThat(again.view().firing()).filteredOn(e -> e.label("check").equals("replicas:bed-unschedulable"))
                .singleElement().satisfies(e -> assertThat(e.startsAt()).contains(first.time()));
    }
}
