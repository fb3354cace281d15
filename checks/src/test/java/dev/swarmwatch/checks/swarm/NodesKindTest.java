package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Options;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.swarmwatch.checks.swarm.Fixtures.manager;
import static dev.swarmwatch.checks.swarm.Fixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;

class NodesKindTest {
    private final Options defaults = Options.defaults(new NodesKind(null).options());

    @Test
    void allReadyIsOk() {
        CheckResult r = NodesKind.evaluate(List.of(manager("m", "reachable", true), worker("w", "ready", "active")), defaults);
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.summary()).isEqualTo("2 nodes: 2 ready");
    }

    @Test
    void downNodeIsCriticalAndNamed() {
        CheckResult r = NodesKind.evaluate(List.of(manager("m", "reachable", true), worker("w", "down", "active")), defaults);
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("2 nodes: 1 ready, 1 down (host-w)");
    }

    @Test
    void disconnectedNodeWarns() {
        CheckResult r = NodesKind.evaluate(List.of(worker("w", "disconnected", "active")), defaults);
        assertThat(r.status()).isEqualTo(Status.WARNING);
    }

    @Test
    void drainedNodeIsReportedButOkByDefault() {
        CheckResult r = NodesKind.evaluate(List.of(worker("w", "ready", "drain")), defaults);
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.summary()).isEqualTo("1 node: 1 ready, 1 drained/paused (host-w)");
    }

    @Test
    void drainedStatusIsConfigurable() {
        Options strict = defaults.with(Map.of(NodesKind.DRAINED, Status.WARNING));
        assertThat(NodesKind.evaluate(List.of(worker("w", "ready", "drain")), strict).status()).isEqualTo(Status.WARNING);
    }

    @Test
    void aManagerTheQuorumFindsUnreachableIsNotReadyWhateverItsHeartbeatSays() {
        SwarmNode heartbeatReady = new SwarmNode("m3", "q3", true, "ready", "active", "", "unreachable", false, "10.0.0.3:2377");
        CheckResult r = NodesKind.evaluate(List.of(manager("m1", "reachable", true), manager("m2", "reachable", false),
                heartbeatReady), defaults);
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).isEqualTo("3 nodes: 2 ready, 1 manager unreachable (q3)");
        assertThat(r.details()).containsExactly("manager q3 (m3) reads ready by its heartbeat, but the managers find it unreachable (see the quorum check)");
        // the same snapshot's quorum check: 2 of 3 reachable
        assertThat(QuorumKind.evaluate(List.of(manager("m1", "reachable", true), manager("m2", "reachable", false),
                heartbeatReady)).summary()).startsWith("2/3 managers reachable");
    }

    @Test
    void theAnsweringEnginesOwnNodeMarkedDownIsAStaleHeartbeatNotALostNode() {
        SwarmNode vm = new SwarmNode("vm1", "vm", false, "down", "active", "heartbeat failure", "", false, "10.0.0.5");
        CheckResult r = NodesKind.evaluate(List.of(vm), "vm1", defaults);
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).isEqualTo("1 node: 0 ready, 1 marked down but answering (vm)");
        assertThat(r.details()).containsExactly("worker vm (vm1) is marked down (heartbeat failure), but its engine answered "
                + "this read: a missed heartbeat (after a freeze or restart?), not a lost node");
        // another node marked down is down
        assertThat(NodesKind.evaluate(List.of(vm), "other", defaults).status()).isEqualTo(Status.CRITICAL);
    }
}
