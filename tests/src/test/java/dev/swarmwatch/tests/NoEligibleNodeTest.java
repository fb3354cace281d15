package dev.swarmwatch.tests;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.swarmwatch.tests.Bed.get;
import static org.assertj.core.api.Assertions.assertThat;

/** A global service with nowhere to run is "no eligible node" at WARNING, never "scaled to 0" and OK. */
class NoEligibleNodeTest {
    private static final AgentConfig CONFIG = AgentConfig.defaults().withEngineTimeout(Duration.ofSeconds(3));

    @Test
    void aGlobalServiceWhoseConstraintMatchesNoNodeWarnsNoEligibleNode() throws Exception {
        String name = "truthtest-nowhere-" + Long.toString(System.nanoTime(), 36);
        try {
            Bed.docker("service", "create", "--detach", "--quiet", "--no-resolve-image", "--init", "--network", "host",
                    "--mode", "global", "--constraint", "node.labels.truthtest==nowhere", "--name", name,
                    "swarmwatch/busybox:bed", "sleep", "100000").orFail();
            CheckReport r = get(Bed.cycle(Bed.sandbox(), CONFIG), "replicas:" + name);
            assertThat(r.status()).isEqualTo(Status.WARNING);
            assertThat(r.result().summary()).isEqualTo("no eligible node (the only node does not match its placement constraints)");
        } finally {
            Bed.docker("service", "rm", name);
        }
    }

    @Test
    void aGlobalServiceWhoseOnlyMatchingNodeIsDrainedSaysSo() throws Exception {
        // On the three-manager swarm, never the sandbox: other tests need the sandbox's only node active.
        Bed.quorum("reset").orFail();
        String node = NodesQuorumTest.nodeId(3);
        String name = "truthtest-drained-" + Long.toString(System.nanoTime(), 36);
        try {
            q1("node", "update", "--label-add", "truthtest=here", "--availability", "drain", node).orFail();
            q1("service", "create", "--detach", "--quiet", "--no-resolve-image", "--mode", "global",
                    "--constraint", "node.labels.truthtest==here", "--name", name,
                    "swarmwatch/busybox:bed", "sleep", "100000").orFail();
            CheckReport r = get(Bed.cycle(Bed.manager(1), CONFIG), "replicas:" + name);
            assertThat(r.status()).isEqualTo(Status.WARNING);
            assertThat(r.result().summary()).isEqualTo("no eligible node (1 drained, 2 not matching its placement constraints)");
        } finally {
            q1("service", "rm", name);
            q1("node", "update", "--label-rm", "truthtest", "--availability", "active", node).orFail();
        }
    }

    private static Bed.Result q1(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        return Bed.run(cmd, List.of("DOCKER_HOST=" + Bed.manager(1), "DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1"), Duration.ofSeconds(30));
    }
}
