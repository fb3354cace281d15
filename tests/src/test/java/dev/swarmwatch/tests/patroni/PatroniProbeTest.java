package dev.swarmwatch.tests.patroni;

import dev.swarmwatch.checks.patroni.PatroniMemory;
import dev.swarmwatch.checks.patroni.PatroniProbe;
import dev.swarmwatch.checks.patroni.PatroniTarget;
import dev.swarmwatch.checks.patroni.RoleExpectation;
import dev.swarmwatch.checks.patroni.RoleExpectation.Role;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.Status;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Patroni check against the real three-member cluster of tests/bed/patroni.sh. Each test starts
 * from {@code reset}: all members up, not paused, node1 leader, two replicas streaming.
 */
class PatroniProbeTest {
    private static final URI NODE1 = URI.create("http://127.0.0.1:8001");
    private static final URI NODE2 = URI.create("http://127.0.0.1:8002");
    private static final URI NODE3 = URI.create("http://127.0.0.1:8003");
    private static final PatroniTarget CLUSTER = PatroniTarget.of(List.of(NODE1, NODE2, NODE3), Duration.ofSeconds(2))
            .withExpectedMembers(3);

    private static Vertx vertx;
    private static ExecutorService blocking;
    private long timeline;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        blocking = Executors.newVirtualThreadPerTaskExecutor();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            PatroniBed.script("reset");
        } finally {
            blocking.close();
            vertx.close().await();
        }
    }

    @BeforeEach
    void healthyClusterLedByNode1() throws Exception {
        PatroniBed.script("reset");
        timeline = PatroniBed.timelineOfLeader("node1");
    }

    private static CheckResult cycle(PatroniProbe probe, PatroniTarget target) throws Exception {
        return PatroniBed.cycle(vertx, blocking, probe, target);
    }

    private static CheckResult cycle(PatroniTarget target) throws Exception {
        return cycle(new PatroniProbe(new PatroniMemory()), target);
    }

    private String state(String replicas) {
        return "leader node1 (timeline " + timeline + "), " + replicas + " replicas streaming, max lag 0 B";
    }

    @Test
    void healthyClusterIsOkAndSaysLeaderTimelineReplicasAndLag() throws Exception {
        CheckResult r = cycle(CLUSTER);
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.summary()).isEqualTo(state("2/2"));
        assertThat(r.details()).containsExactly("node1: leader, running, timeline " + timeline,
                "node2: replica, running, timeline " + timeline + ", lag 0 B",
                "node3: replica, running, timeline " + timeline + ", lag 0 B");
        assertThat(r.perfdata()).extracting(PerfDatum::label, PerfDatum::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("members", 3.0), org.assertj.core.groups.Tuple.tuple("leaders", 1.0),
                org.assertj.core.groups.Tuple.tuple("replicas_streaming", 2.0),
                org.assertj.core.groups.Tuple.tuple("max_lag", 0.0), org.assertj.core.groups.Tuple.tuple("timeline", (double) timeline),
                org.assertj.core.groups.Tuple.tuple("leader_changes", 0.0));
    }

    @Test
    void deadFirstMemberIsSkippedForTheNextOneThatAnswers() throws Exception {
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            URI dead = URI.create("http://127.0.0.1:" + closed.getLocalPort());
            closed.close();
            CheckResult r = cycle(PatroniTarget.of(List.of(dead, NODE2), Duration.ofSeconds(2)).withExpectedMembers(3));
            assertThat(r.status()).isEqualTo(Status.OK);
            assertThat(r.summary()).isEqualTo(state("2/2"));
        }
    }

    @Test
    void noMemberAnsweringIsUnknownWithEachMembersReason() throws Exception {
        // One port refuses; the other accepts connections (backlog) but never answers.
        try (ServerSocket refusing = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            URI refused = URI.create("http://127.0.0.1:" + refusing.getLocalPort());
            URI mute = URI.create("http://127.0.0.1:" + silent.getLocalPort());
            refusing.close();
            CheckResult r = cycle(PatroniTarget.of(List.of(refused, mute), Duration.ofMillis(500)));
            assertThat(r.status()).isEqualTo(Status.UNKNOWN);
            assertThat(r.summary()).isEqualTo("no Patroni member answered: " + refused + ": connection refused; "
                    + mute + ": no answer within 500ms");
        }
    }

    @Test
    void primaryEndpointIsMetOnTheLeaderAndCriticalOnAReplica() throws Exception {
        CheckResult met = cycle(CLUSTER.withRoles(List.of(new RoleExpectation(NODE1, Role.PRIMARY),
                new RoleExpectation(NODE2, Role.REPLICA), new RoleExpectation(NODE3, Role.HEALTHY))));
        assertThat(met.status()).isEqualTo(Status.OK);
        assertThat(met.summary()).isEqualTo(state("2/2"));
        assertThat(met.details()).endsWith("node1 is the primary", "node2 is a replica", "node3 is healthy");

        CheckResult wrong = cycle(CLUSTER.withRoles(List.of(new RoleExpectation(NODE2, Role.PRIMARY),
                new RoleExpectation(NODE1, Role.REPLICA))));
        assertThat(wrong.status()).isEqualTo(Status.CRITICAL);
        assertThat(wrong.summary()).isEqualTo("node2 is not the primary (/primary answered 503); "
                + "node1 is not a replica (/replica answered 503); " + state("2/2"));
    }

    @Test
    void stoppedReplicaWarnsOfTooFewStreamingReplicas() throws Exception {
        PatroniBed.script("stop", "3");
        CheckResult r = cycle(CLUSTER);
        assertThat(r.status()).isEqualTo(Status.WARNING);
        // Patroni lists a stopped member as "stopped" until its key expires (ttl 10 s), then not at all.
        assertThat(r.summary()).isIn(
                "1/2 replicas streaming (warning below 2); not streaming: node3 stopped; " + state("1/2"),
                "1/2 replicas streaming (warning below 2); 2 members listed, 3 expected; " + state("1/2"));
    }

    @Test
    void maintenanceModeWarns() throws Exception {
        PatroniBed.script("pause");
        CheckResult r = cycle(CLUSTER);
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).isEqualTo("maintenance mode (paused); " + state("2/2"));
    }

    @Test
    void leaderStoppedIsReportedAsFailoverWithOldAndNewLeaderOnce() throws Exception {
        PatroniProbe probe = new PatroniProbe(new PatroniMemory());
        assertThat(cycle(probe, CLUSTER).summary()).isEqualTo(state("2/2"));

        long stopped = System.nanoTime();
        PatroniBed.script("stop", "1");
        Pattern failover = Pattern.compile("^failover: leader changed from node1 to (node[23]), timeline "
                + timeline + " -> " + (timeline + 1) + "; .*leader (node[23]) \\(timeline " + (timeline + 1) + "\\), .*");
        // Cycle once a second, as a fast agent would, until the new leader has its new timeline (within
        // ttl, 10 s). Cycles before may see node1 still, no leader, or the promotion under way.
        CheckResult r = cycle(probe, CLUSTER);
        while (!r.summary().matches("(?s).*leader node[23] \\(timeline " + (timeline + 1) + "\\).*")
                && System.nanoTime() - stopped < Duration.ofSeconds(20).toNanos()) {
            assertThat(r.summary()).matches("(?s)(leader node1 |no leader|failover: leader changed from node1 to node[23], "
                    + "promotion under way|.*; leader node1 |.*leader node[23] \\(timeline " + timeline + "\\)).*");
            Thread.sleep(1000);
            r = cycle(probe, CLUSTER);
        }
        Matcher m = failover.matcher(r.summary());
        assertThat(m.matches()).as(r.summary()).isTrue();
        assertThat(m.group(2)).isEqualTo(m.group(1));
        System.out.printf("patroni failover seen %d ms after stopping the leader: %s%n",
                Duration.ofNanos(System.nanoTime() - stopped).toMillis(), r.summary());
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.perfdata()).contains(PerfDatum.of("leader_changes", 1, "c"));

        CheckResult next = cycle(probe, CLUSTER);
        assertThat(next.summary()).doesNotContain("failover").contains("leader " + m.group(1));
        assertThat(next.perfdata()).contains(PerfDatum.of("leader_changes", 1, "c"));
    }
}
