package dev.swarmwatch.tests;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.swarmwatch.tests.Bed.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nodes and the quorum checks read one snapshot, so they must agree: on the real three-manager
 * swarm, a manager whose dockerd is stopped is never "ready" in a report whose quorum check finds
 * it unreachable, even while its heartbeat has not yet expired.
 */
class NodesQuorumTest {
    private static final AgentConfig CONFIG = AgentConfig.defaults().withEngineTimeout(Duration.ofSeconds(3));

    @BeforeAll
    static void threeHealthyManagers() throws Exception {
        Bed.quorum("reset").orFail();
    }

    @AfterAll
    static void restore() throws Exception {
        Bed.quorum("reset").orFail();
    }

    @Test
    void aStoppedManagerIsNotReadyInTheNodesCheckWhileTheQuorumCheckFindsItUnreachable() throws Exception {
        String stopped = nodeId(3);
        CheckReport before = get(cycle(), "nodes:swarm");
        assertThat(before.result().summary()).isEqualTo("3 nodes: 3 ready");

        Bed.quorum("stop", "3").orFail();
        List<String> seen = new ArrayList<>();
        int unreachableReports = 0;
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                HealthReport report = cycle();
                CheckReport quorum = get(report, "quorum:swarm");
                CheckReport nodes = get(report, "nodes:swarm");
                seen.add(quorum.result().summary() + " | " + nodes.result().summary());
                if (quorum.result().summary().startsWith("2/3 managers reachable")) {
                    unreachableReports++;
                    assertThat(nodes.status()).as(seen.getLast()).isNotEqualTo(Status.OK);
                    assertThat(nodes.result().summary()).as(seen.getLast()).startsWith("3 nodes: 2 ready, 1 ");
                    assertThat(nodes.result().details()).as(seen.getLast())
                            .anySatisfy(d -> assertThat(d).startsWith("manager ").contains("(" + stopped.substring(0, 12) + ")"));
                    if (nodes.result().summary().contains("1 down")) {
                        break;
                    }
                }
                Thread.sleep(300);
            }
        } finally {
            System.out.println("NodesQuorumTest readings (quorum | nodes):\n  " + String.join("\n  ", seen.stream().distinct().toList()));
            Bed.quorum("reset").orFail();
        }
        assertThat(unreachableReports).as(String.join("\n", seen)).isPositive();
        assertThat(seen.getLast()).contains("1 down");
    }

    private static HealthReport cycle() throws Exception {
        return Bed.cycle(Bed.manager(1), CONFIG);
    }

    static String nodeId(int k) throws Exception {
        String id = Bed.run(List.of("docker", "info", "--format", "{{.Swarm.NodeID}}"),
                List.of("DOCKER_HOST=" + Bed.manager(k)), Duration.ofSeconds(20)).orFail().out().strip();
        assertThat(id).hasSizeGreaterThanOrEqualTo(12);
        return id;
    }
}
