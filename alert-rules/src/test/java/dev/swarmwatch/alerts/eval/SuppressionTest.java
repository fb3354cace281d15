package dev.swarmwatch.alerts.eval;

import dev.swarmwatch.alerts.notify.Alert;
import dev.swarmwatch.alerts.notify.AlertStatus;
import dev.swarmwatch.alerts.notify.Notification;
import dev.swarmwatch.alerts.route.InhibitRule;
import dev.swarmwatch.alerts.rules.CheckSelector;
import dev.swarmwatch.alerts.rules.Matcher;
import dev.swarmwatch.alerts.rules.Rule;
import dev.swarmwatch.alerts.rules.Severity;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.swarmwatch.alerts.eval.Reports.config;
import static dev.swarmwatch.alerts.eval.Reports.nodes;
import static dev.swarmwatch.alerts.eval.Reports.patroni;
import static dev.swarmwatch.alerts.eval.Reports.postgres;
import static dev.swarmwatch.alerts.eval.Reports.quorum;
import static dev.swarmwatch.alerts.eval.Reports.replicas;
import static dev.swarmwatch.alerts.eval.Reports.replicasOn;
import static dev.swarmwatch.alerts.eval.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;

class SuppressionTest {
    private static final HealthReport QUORUM_LOST = report(quorum(Status.CRITICAL, "quorum lost: 1/3 managers reachable, quorum 2"));

    private static List<String> alertnames(Notification n) {
        return n.alerts().stream().map(a -> a.label("check")).toList();
    }

    @Test
    void lostQuorumIsOneAlertThatListsTheServiceAlertsItMutes() {
        Driver d = new Driver(config("ops"));
        d.run(0, 15, 15, report(quorum(Status.OK, "3/3 managers reachable"), replicas("web", Status.CRITICAL, "0/2 running")));
        assertThat(d.sent).hasSize(1);

        d.run(30, 300, 15, QUORUM_LOST);

        assertThat(d.sent).hasSize(2);
        Alert root = d.sent.get(1).alerts().getFirst();
        assertThat(root.label("check")).isEqualTo("quorum:swarm");
        assertThat(root.mutes()).containsExactly("replicas:web 0/2 running");
        assertThat(d.last.view().firing()).filteredOn(e -> e.label("check").equals("replicas:web"))
                .singleElement().satisfies(e -> assertThat(e.mutedBy()).singleElement().asString()
                        .startsWith("caused by quorum:swarm quorum lost"));
    }

    @Test
    void serviceAlertsThatStartDuringLostQuorumWaitTheirForAfterItReturns() {
        Rule webDown = new Rule("WebDown", CheckSelector.of(List.of("replicas"), Status.CRITICAL), Optional.empty(),
                Severity.CRITICAL, Duration.ofMinutes(1), Duration.ZERO, Duration.ofHours(4), true, Map.of(), Map.of(), List.of());
        Driver d = new Driver(config(List.of(webDown), "ops"));
        HealthReport lostButStillReported = report(quorum(Status.CRITICAL, "quorum lost"),
                replicas("web", Status.CRITICAL, "0/2 running"), replicas("api", Status.CRITICAL, "0/1 running"));

        d.run(0, 300, 15, lostButStillReported);
        assertThat(d.sent).isEmpty();
        HealthReport back = report(quorum(Status.OK, "3/3"), replicas("web", Status.CRITICAL, "0/2 running"),
                replicas("api", Status.OK, "1/1 running"));
        d.run(315, 360, 15, back);
        assertThat(d.sent).as("web's for starts again when quorum returns").isEmpty();
        d.run(375, 420, 15, back);

        assertThat(d.sent).singleElement().satisfies(n -> assertThat(alertnames(n)).containsExactly("replicas:web"));
    }

    @Test
    void aDownNodeMutesAlertsOfServicesWithTasksOnItButNotOthers() {
        Driver d = new Driver(config("ops"));

        d.run(0, 60, 15, report(nodes(Status.CRITICAL, "3 nodes: 2 ready, 1 down (n2)"),
                replicasOn("web", Status.CRITICAL, "0/2 running", "n2", "n2", ""),
                replicasOn("api", Status.CRITICAL, "0/1 running", "n1", "", "")));

        assertThat(d.sent).hasSize(1);
        assertThat(alertnames(d.sent.getFirst())).containsExactly("nodes:swarm", "replicas:api");
        assertThat(d.sent.getFirst().alerts().getFirst().mutes()).containsExactly("replicas:web 0/2 running");
    }

    @Test
    void noPatroniLeaderMutesReplicaLagAlertsOfItsStack() {
        Driver d = new Driver(config("ops"));

        d.run(0, 120, 15, report(patroni(0), postgres("pg-replica", Status.CRITICAL, "replication lag 90 MB"),
                postgres("pg-other", Status.CRITICAL, "connection refused")));

        assertThat(d.sent).hasSize(1);
        assertThat(alertnames(d.sent.getFirst())).containsExactlyInAnyOrder("patroni:pg", "postgres:pg-other");
        assertThat(d.sent.getFirst().alerts()).filteredOn(a -> a.label("check").equals("patroni:pg"))
                .singleElement().satisfies(a -> assertThat(a.mutes()).containsExactly("postgres:pg-replica replication lag 90 MB"));
    }

    @Test
    void aServiceInARollingUpdateIsQuietAndAlertsIfItStillFailsAfterwards() {
        Driver d = new Driver(config("ops"));

        d.run(0, 600, 15, report(replicas("web", Status.WARNING, "1/2 running, converging (rolling update in progress)")));
        assertThat(d.sent).isEmpty();
        assertThat(d.last.view().alerts()).singleElement()
                .satisfies(e -> assertThat(e.mutedBy()).containsExactly("quiet: web is converging (rolling update)"));
        d.run(615, 630, 15, report(replicas("web", Status.WARNING, "1/2 running")));

        assertThat(d.sent).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(AlertStatus.FIRING));
    }

    @Test
    void tasksOnADrainedNodeAreQuiet() {
        Driver d = new Driver(config("ops"));

        d.run(0, 600, 15, report(replicasOn("web", Status.WARNING, "1/2 running", "n1,n3", "", "n3")));

        assertThat(d.sent).isEmpty();
        assertThat(d.last.view().alerts().getFirst().mutedBy()).containsExactly("quiet: tasks on drained node n3");
    }

    @Test
    void inhibitRulesMuteTargetsWithEqualLabelsWhileTheSourceFires() {
        InhibitRule rule = new InhibitRule(List.of(Matcher.parse("severity=critical")),
                List.of(Matcher.parse("severity=warning")), List.of("service"));
        Driver d = new Driver(config(Optional.empty(), List.of(), List.of(rule), Map.of(), "ops"));

        d.run(0, 600, 15, report(replicas("web", Status.CRITICAL, "0/2 running"),
                new dev.swarmwatch.checks.spi.CheckReport("failed_tasks",
                        dev.swarmwatch.checks.spi.Subject.service("web", "shop"),
                        dev.swarmwatch.checks.spi.CheckResult.warning("2 failed tasks")),
                new dev.swarmwatch.checks.spi.CheckReport("failed_tasks",
                        dev.swarmwatch.checks.spi.Subject.service("api", "shop"),
                        dev.swarmwatch.checks.spi.CheckResult.warning("1 failed task"))));

        assertThat(d.sent).extracting(n -> alertnames(n))
                .containsExactly(List.of("replicas:web"), List.of("failed_tasks:api"));
        assertThat(d.sent.getFirst().alerts().getFirst().mutes()).containsExactly("failed_tasks:web 2 failed tasks");
    }
}
