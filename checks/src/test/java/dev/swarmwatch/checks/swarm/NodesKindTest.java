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
}
