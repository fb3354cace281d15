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

    @Test
    void aManagerThawedFromAFreezeReadingItselfDownIsAMissedHeartbeatNotALostNode() throws Exception {
        String pid = recordedPid("q3");
        List<String> seen = new ArrayList<>();
        int selfDown = 0;
        try {
            signal("STOP", pid);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!get(cycle(), "nodes:swarm").result().summary().contains("1 down")) {
                assertThat(System.nanoTime()).as("the frozen manager is marked down within 60 s").isLessThan(deadline);
                Thread.sleep(500);
            }
            signal("CONT", pid);
            // The thawed engine answers at once; its node reads down until its next heartbeat lands.
            for (int i = 0; i < 40; i++) {
                CheckReport nodes = get(Bed.cycle(Bed.manager(3), CONFIG), "nodes:swarm");
                seen.add(nodes.status() + " " + nodes.result().summary());
                assertThat(nodes.result().summary()).as("read from the thawed engine itself").doesNotContain("1 down");
                if (nodes.result().summary().contains("marked down but answering (swq3)")) {
                    selfDown++;
                    assertThat(nodes.status()).isEqualTo(Status.WARNING);
                }
                if (nodes.result().summary().equals("3 nodes: 3 ready")) {
                    break;
                }
                Thread.sleep(100);
            }
        } finally {
            signal("CONT", pid);
            System.out.println("NodesQuorumTest readings from the thawed manager:\n  " + String.join("\n  ", seen));
            Bed.quorum("reset").orFail();
        }
        assertThat(selfDown).as("reports in which the thawed engine's own node read down: " + seen).isPositive();
        assertThat(seen.getLast()).endsWith("3 nodes: 3 ready");
    }

    // The bed records "PID STARTTIME"; a PID reused by another process is never signalled.
    private static String recordedPid(String name) throws Exception {
        String[] recorded = java.nio.file.Files.readString(Bed.DIR.resolve("pids").resolve(name + ".pid")).strip().split(" ");
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", recorded[0], "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        assertThat(fields[19]).as("start time of recorded " + name + " dockerd").isEqualTo(recorded[1]);
        return recorded[0];
    }

    private static void signal(String signal, String pid) throws Exception {
        Bed.run(List.of("kill", "-" + signal, pid), List.of(), Duration.ofSeconds(5)).orFail();
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
