package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.swarmwatch.checks.swarm.Fixtures.global;
import static dev.swarmwatch.checks.swarm.Fixtures.replicated;
import static dev.swarmwatch.checks.swarm.Fixtures.task;
import static dev.swarmwatch.checks.swarm.Fixtures.updating;
import static dev.swarmwatch.checks.swarm.Fixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;

class ReplicasKindTest {
    private static final Map<String, SwarmNode> NODES = Map.of(
            "n1", worker("n1", "ready", "active"),
            "n2", worker("n2", "ready", "active"),
            "down", worker("down", "down", "active"),
            "unknown", worker("unknown", "unknown", "active"));

    @Test
    void allReplicasRunningIsOk() {
        CheckResult r = ReplicasKind.evaluate(replicated("web", 2),
                List.of(task("t1", 1, "n1", "running", "running"), task("t2", 2, "n2", "running", "running")), NODES, 1);
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.summary()).isEqualTo("2/2 running");
    }

    @Test
    void runningIsCountedByStateNeverByDesiredState() {
        // Desired running but still pending: the orchestrator's wish is not a running replica.
        CheckResult r = ReplicasKind.evaluate(replicated("web", 2),
                List.of(task("t1", 1, "n1", "running", "running"), task("t2", 2, "", "pending", "running")), NODES, 1);
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).isEqualTo("1/2 running");
        assertThat(r.details()).contains("slot 2: pending");
    }

    @Test
    void noneRunningOfSomeDesiredIsCritical() {
        SwarmTask pending = new SwarmTask("t1", "svc", 1, "", "pending", "running", "",
                "no suitable node (scheduling constraints not satisfied on 1 node)", java.util.OptionalInt.empty(), Fixtures.NOW, "");
        CheckResult r = ReplicasKind.evaluate(replicated("db", 2), List.of(pending), NODES, 1);
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("0/2 running");
        assertThat(r.details()).contains("slot 1: pending (no suitable node (scheduling constraints not satisfied on 1 node))");
    }

    @Test
    void criticalBelowThresholdIsHonoured() {
        CheckResult r = ReplicasKind.evaluate(replicated("web", 5),
                List.of(task("t1", 1, "n1", "running", "running"), task("t2", 2, "n2", "running", "running")), NODES, 3);
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
    }

    @Test
    void tasksOnDownNodesAreNotCountedEvenIfReportedRunning() {
        CheckResult r = ReplicasKind.evaluate(replicated("web", 2),
                List.of(task("t1", 1, "n1", "running", "running"), task("t2", 2, "down", "running", "running")), NODES, 1);
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).isEqualTo("1/2 running: 1 task on node host-down, which the engine marks down");
        assertThat(r.details()).anySatisfy(d -> assertThat(d).startsWith("caused by: node host-down down (see the nodes check)"));
    }

    @Test
    void allTasksOnADownNodeNameTheNodeAsTheCause() {
        CheckResult r = ReplicasKind.evaluate(replicated("web", 2),
                List.of(task("t1", 1, "down", "running", "running"), task("t2", 2, "down", "running", "running")), NODES, 1);
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("0/2 running: both tasks on node host-down, which the engine marks down");
    }

    @Test
    void serviceStatusDisagreeingWithTheTasksIsSaidInTheSummary() {
        SwarmService web = new SwarmService("svc-web", "web", "", "replicated", 2, java.util.OptionalInt.of(2),
                java.util.OptionalInt.of(2), "", "", Map.of());
        CheckResult r = ReplicasKind.evaluate(web,
                List.of(task("t1", 1, "down", "running", "running"), task("t2", 2, "down", "running", "running")), NODES, 1);
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("0/2 running: both tasks on node host-down, which the engine marks down"
                + "; tasks say 0/2, ServiceStatus says 2/2");
        SwarmService agreeing = new SwarmService("svc-web", "web", "", "replicated", 2, java.util.OptionalInt.of(2),
                java.util.OptionalInt.of(2), "", "", Map.of());
        assertThat(ReplicasKind.evaluate(agreeing, List.of(task("t1", 1, "n1", "running", "running"),
                task("t2", 2, "n2", "running", "running")), NODES, 1).summary()).isEqualTo("2/2 running");
    }

    @Test
    void globalServiceWithItsOnlyNodeDrainedHasNoEligibleNodeAndWarns() {
        CheckResult r = ReplicasKind.evaluate(global("agent", 0), List.of(),
                Map.of("n1", worker("n1", "ready", "drain")), 1);
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).isEqualTo("no eligible node (1 drained)");
    }

    @Test
    void globalServiceMatchingNoNodeSaysItsPlacementExcludesThemAll() {
        CheckResult r = ReplicasKind.evaluate(global("agent", 0), List.of(),
                Map.of("n1", worker("n1", "ready", "active"), "n2", worker("n2", "ready", "drain")), 1);
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).isEqualTo("no eligible node (1 drained, 1 not matching its placement constraints)");
        assertThat(ReplicasKind.evaluate(global("agent", 0), List.of(), Map.of("n1", worker("n1", "ready", "active")), 1)
                .summary()).isEqualTo("no eligible node (the only node does not match its placement constraints)");
    }

    @Test
    void tasksOnNodesInUnknownStateStillCountAsAfterALeaderChange() {
        CheckResult r = ReplicasKind.evaluate(replicated("web", 1),
                List.of(task("t1", 1, "unknown", "running", "running")), NODES, 1);
        assertThat(r.summary()).isEqualTo("1/1 running");
    }

    @Test
    void oldAndNewTaskOfOneSlotCountOnce() {
        CheckResult r = ReplicasKind.evaluate(replicated("web", 1),
                List.of(task("old", 1, "n1", "running", "shutdown"), task("new", 1, "n2", "running", "running")), NODES, 1);
        assertThat(r.summary()).isEqualTo("1/1 running");
    }

    @Test
    void globalServiceDesiresEligibleNodes() {
        CheckResult r = ReplicasKind.evaluate(global("agent", 2),
                List.of(task("t1", 0, "n1", "running", "running")), NODES, 1);
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).isEqualTo("1/2 running");
    }

    @Test
    void rollingUpdateIsConvergingNotDown() {
        CheckResult r = ReplicasKind.evaluate(updating("web", 2, "updating", "update in progress"),
                List.of(task("t1", 1, "n1", "running", "running")), NODES, 1);
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).isEqualTo("1/2 running, converging (rolling update in progress)");
    }

    @Test
    void pausedUpdateIsCriticalWithTheEnginesMessage() {
        CheckResult r = ReplicasKind.evaluate(updating("web", 1, "paused", "update paused due to failure or early termination of task x"),
                List.of(task("t1", 1, "n1", "running", "running")), NODES, 1);
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("1/1 running, update paused: update paused due to failure or early termination of task x");
    }

    @Test
    void rolledBackUpdateWarns() {
        CheckResult r = ReplicasKind.evaluate(updating("web", 1, "rollback_completed", "rollback completed"),
                List.of(task("t1", 1, "n1", "running", "running")), NODES, 1);
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).isEqualTo("1/1 running, update rolled back: rollback completed");
    }

    @Test
    void scaledToZeroIsOk() {
        CheckResult r = ReplicasKind.evaluate(replicated("batch", 0), List.of(), NODES, 1);
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.summary()).isEqualTo("scaled to 0");
    }

    @Test
    void globalServiceWaitingOutARestartDelayStillWantsItsNode() {
        // The engine's DesiredTasks reads 0 while the successor of a failed task is desired "ready".
        CheckResult r = ReplicasKind.evaluate(global("agent", 0), List.of(
                task("old", 0, "n1", "failed", "shutdown"), task("next", 0, "n1", "ready", "ready")),
                Map.of("n1", worker("n1", "ready", "active")), 1);
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("0/1 running");
    }

    @Test
    void globalServiceWhoseTasksEndedAndAreNotRestartedIsNotCalledIneligible() {
        CheckResult r = ReplicasKind.evaluate(global("agent", 0), List.of(task("old", 0, "n1", "failed", "shutdown")),
                Map.of("n1", worker("n1", "ready", "active")), 1);
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).isEqualTo("none running: its tasks ended on 1 eligible node and are not restarted");
        // a task the orchestrator shut down (its placement changed) leaves the node ineligible
        assertThat(ReplicasKind.evaluate(global("agent", 0), List.of(task("old", 0, "n1", "shutdown", "shutdown")),
                Map.of("n1", worker("n1", "ready", "active")), 1).summary())
                .isEqualTo("no eligible node (the only node does not match its placement constraints)");
    }
}
