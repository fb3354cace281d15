package dev.swarmwatch.alerts.eval;

import dev.swarmwatch.alerts.notify.Alert;
import dev.swarmwatch.alerts.notify.AlertStatus;
import dev.swarmwatch.alerts.notify.Notification;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static dev.swarmwatch.alerts.eval.Reports.T0;
import static dev.swarmwatch.alerts.eval.Reports.config;
import static dev.swarmwatch.alerts.eval.Reports.replicas;
import static dev.swarmwatch.alerts.eval.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;

class GroupingTest {

    private static HealthReport failing(int n, int warnings) {
        List<CheckReport> checks = new ArrayList<>();
        IntStream.range(0, n).forEach(i -> checks.add(replicas("svc-" + i, Status.CRITICAL, "0/1 running")));
        IntStream.range(0, warnings).forEach(i -> checks.add(replicas("warn-" + i, Status.WARNING, "1/2 running")));
        return report(checks.toArray(CheckReport[]::new));
    }

    @Test
    void aStormOf200FailingServicesIsOneMessagePerReceiver() {
        Driver d = new Driver(config("ops", "chat"));

        d.run(0, 300, 5, failing(200, 0));

        assertThat(d.sent).hasSize(2);
        assertThat(d.sent).allSatisfy(n -> {
            assertThat(n.alerts()).hasSize(200);
            assertThat(n.groupLabels()).containsEntry("alertname", "SwarmCritical").containsEntry("severity", "critical");
            assertThat(n.groupKey()).isEqualTo("{}:{alertname=\"SwarmCritical\", severity=\"critical\"}");
            assertThat(n.createdAt()).isEqualTo(T0.plusSeconds(10));
        });
    }

    @Test
    void aLoneAlertGoesOutWithinGroupWaitWhenTheCallerStepsAtNextStepAt() {
        Driver d = new Driver(config("ops"));
        HealthReport one = failing(1, 0);

        d.at(3, one);
        assertThat(d.last.nextStepAt()).contains(T0.plusSeconds(13));
        List<Notification> out = d.at(d.last.nextStepAt().orElseThrow(), one);

        assertThat(out).singleElement().satisfies(n -> assertThat(n.createdAt()).isEqualTo(T0.plusSeconds(13)));
    }

    @Test
    void laterChangesToAGroupAreBatchedForGroupInterval() {
        Driver d = new Driver(config("ops"));

        d.run(0, 10, 5, failing(3, 0));
        assertThat(d.sent).hasSize(1);
        d.run(15, 35, 5, failing(5, 0));
        assertThat(d.sent).hasSize(1);
        d.at(40, failing(8, 0));

        assertThat(d.sent).hasSize(2);
        assertThat(d.sent.get(1).alerts()).hasSize(8);
        assertThat(d.sent.get(1).createdAt()).isEqualTo(T0.plusSeconds(40));
        assertThat(d.sent.get(1).groupKey()).isEqualTo(d.sent.get(0).groupKey());
    }

    @Test
    void resolvedAlertsOfAGroupStillFiringGoOutBatchedWithTheRest() {
        Driver d = new Driver(config("ops"));
        d.run(0, 10, 5, failing(3, 0));

        d.run(15, 40, 5, failing(2, 0));

        Notification second = d.sent.get(1);
        assertThat(second.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(second.alerts()).extracting(Alert::status)
                .containsExactly(AlertStatus.FIRING, AlertStatus.FIRING, AlertStatus.RESOLVED);
    }

    @Test
    void severitiesGroupApartAndEachMessageListsTheWorstFirst() {
        Driver d = new Driver(config("ops"));

        d.run(0, 400, 5, failing(2, 2));

        assertThat(d.sent).hasSize(2);
        assertThat(d.sent.get(0).groupLabels()).containsEntry("severity", "critical");
        assertThat(d.sent.get(1).groupLabels()).containsEntry("severity", "warning");
        assertThat(d.last.view().alerts()).extracting(e -> e.label("severity"))
                .containsExactly("critical", "critical", "warning", "warning");
    }

    @Test
    void notificationIdsAreTheSameWhenTheSameStepsAreReplayed() {
        Driver first = new Driver(config("ops"));
        Driver again = new Driver(config("ops"));

        first.run(0, 120, 5, failing(4, 0));
        first.run(125, 300, 5, failing(0, 0));
        again.run(0, 120, 5, failing(4, 0));
        again.run(125, 300, 5, failing(0, 0));

        assertThat(first.sent).extracting(Notification::id).hasSize(2).doesNotHaveDuplicates()
                .isEqualTo(again.sent.stream().map(Notification::id).toList());
    }
}
