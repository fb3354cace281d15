package dev.swarmwatch.alerts.eval;

import dev.swarmwatch.alerts.notify.AlertStatus;
import dev.swarmwatch.alerts.notify.Notification;
import dev.swarmwatch.alerts.rules.CheckSelector;
import dev.swarmwatch.alerts.rules.Rule;
import dev.swarmwatch.alerts.rules.Severity;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.swarmwatch.alerts.eval.Reports.T0;
import static dev.swarmwatch.alerts.eval.Reports.config;
import static dev.swarmwatch.alerts.eval.Reports.http;
import static dev.swarmwatch.alerts.eval.Reports.replicas;
import static dev.swarmwatch.alerts.eval.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;

class LifecycleTest {
    private static final HealthReport DOWN = report(replicas("web", Status.CRITICAL, "0/2 running"));
    private static final HealthReport UP = report(replicas("web", Status.OK, "2/2 running"));

    private static Rule rule(Duration forDuration, Duration keepFiringFor) {
        return new Rule("WebDown", CheckSelector.of(List.of("replicas"), Status.CRITICAL), Optional.empty(),
                Severity.CRITICAL, forDuration, keepFiringFor, Duration.ofHours(1), true, Map.of(), Map.of(), List.of());
    }

    @Test
    void defaultSwarmCriticalFiresAfterOneCycleAndGoesOutWhenGroupWaitEnds() {
        Driver d = new Driver(config("ops"));

        assertThat(d.at(0, DOWN)).isEmpty();
        assertThat(d.last.view().firing()).hasSize(1);
        assertThat(d.last.nextStepAt()).contains(T0.plusSeconds(10));
        List<Notification> out = d.at(10, DOWN);

        assertThat(out).singleElement().satisfies(n -> {
            assertThat(n.receiver()).isEqualTo("ops");
            assertThat(n.status()).isEqualTo(AlertStatus.FIRING);
            assertThat(n.alerts()).singleElement().satisfies(a -> {
                assertThat(a.labels()).containsEntry("alertname", "SwarmCritical").containsEntry("severity", "critical")
                        .containsEntry("service", "web").containsEntry("stack", "shop")
                        .containsEntry("kind", "replicas").containsEntry("check", "replicas:web");
                assertThat(a.annotation("summary")).isEqualTo("0/2 running");
                assertThat(a.startsAt()).isEqualTo(T0);
            });
        });
    }

    @Test
    void stillFiringSendsNothingMoreUntilItResolvesThenOneResolvedNotice() {
        Driver d = new Driver(config("ops"));
        d.run(0, 120, 15, DOWN);
        assertThat(d.sent).hasSize(1);

        List<Notification> resolved = d.run(135, 300, 15, UP);

        assertThat(d.sent).hasSize(2);
        assertThat(resolved).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(n.alerts().getFirst().endsAt()).contains(T0.plusSeconds(135));
        });
        assertThat(d.state.alerts()).isEmpty();
        assertThat(d.state.groups()).isEmpty();
    }

    @Test
    void blipShorterThanForSendsNothing() {
        Driver d = new Driver(config(List.of(rule(Duration.ofMinutes(1), Duration.ZERO)), "ops"));

        d.run(0, 45, 15, DOWN);
        assertThat(d.last.view().pending()).hasSize(1);
        d.run(60, 600, 15, UP);

        assertThat(d.sent).isEmpty();
        assertThat(d.state.alerts()).isEmpty();
    }

    @Test
    void pendingFiresOnceForHasElapsed() {
        Driver d = new Driver(config(List.of(rule(Duration.ofMinutes(1), Duration.ZERO)), "ops"));

        d.run(0, 45, 15, DOWN);
        assertThat(d.last.view().firing()).isEmpty();
        d.at(60, DOWN);

        assertThat(d.last.view().firing()).singleElement()
                .satisfies(e -> assertThat(e.startsAt()).contains(T0.plusSeconds(60)));
        assertThat(d.at(70, DOWN)).hasSize(1);
    }

    @Test
    void flappingCheckInsideKeepFiringForSendsOneAlertAndOneResolved() {
        Driver d = new Driver(config(List.of(rule(Duration.ZERO, Duration.ofMinutes(2))), "ops"));

        for (int i = 0; i < 20; i++) {
            d.at(i * 15L, i % 2 == 0 ? DOWN : UP);
        }
        assertThat(d.sent).hasSize(1);
        d.run(300, 600, 15, UP);

        assertThat(d.sent).extracting(Notification::status).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
        // it last held at 270 s: resolved two minutes later
        assertThat(d.sent.get(1).alerts().getFirst().endsAt()).contains(T0.plusSeconds(390));
    }

    @Test
    void remindersComeEveryRepeatInterval() {
        Rule hourly = rule(Duration.ZERO, Duration.ZERO);
        Driver d = new Driver(config(List.of(hourly), "ops"));

        d.run(0, 3 * 3600 + 60, 60, DOWN);

        assertThat(d.sent).hasSize(4);
        assertThat(d.sent).extracting(Notification::createdAt).containsExactly(T0.plusSeconds(60),
                T0.plusSeconds(3660), T0.plusSeconds(7260), T0.plusSeconds(10860));
        assertThat(d.sent).extracting(Notification::id).doesNotHaveDuplicates();
    }

    @Test
    void noResolvedNoticeWhenTheRuleSaysSo() {
        Rule quiet = new Rule("WebDown", CheckSelector.of(List.of("replicas"), Status.CRITICAL), Optional.empty(),
                Severity.CRITICAL, Duration.ZERO, Duration.ZERO, Duration.ofHours(1), false, Map.of(), Map.of(), List.of());
        Driver d = new Driver(config(List.of(quiet), "ops"));

        d.run(0, 30, 15, DOWN);
        d.run(45, 300, 15, UP);

        assertThat(d.sent).extracting(Notification::status).containsExactly(AlertStatus.FIRING);
        assertThat(d.state.alerts()).isEmpty();
    }

    @Test
    void defaultWarningWaitsFiveMinutesAndTargetsOneMinute() {
        Driver d = new Driver(config("ops"));
        HealthReport bad = report(replicas("web", Status.WARNING, "1/2 running"), http("api", Status.CRITICAL, "503"));

        d.run(0, 45, 15, bad);
        assertThat(d.sent).isEmpty();
        d.run(60, 75, 15, bad);
        assertThat(d.sent).singleElement().satisfies(n -> assertThat(n.alerts().getFirst().label("alertname"))
                .isEqualTo("TargetCritical"));
        d.run(90, 315, 15, bad);

        assertThat(d.sent).hasSize(2);
        assertThat(d.sent.get(1).alerts().getFirst().labels()).containsEntry("alertname", "SwarmWarning")
                .containsEntry("severity", "warning");
    }

    @Test
    void scaledToZeroIsOkAndNeverAlerts() {
        Driver d = new Driver(config("ops"));

        d.run(0, 900, 15, report(replicas("batch", Status.OK, "scaled to 0")));

        assertThat(d.sent).isEmpty();
    }

    @Test
    void everyReceiverGetsTheDefaultRulesAlerts() {
        Driver d = new Driver(config("ops", "chat"));

        d.run(0, 15, 15, DOWN);

        assertThat(d.sent).extracting(Notification::receiver).containsExactlyInAnyOrder("ops", "chat");
    }
}
