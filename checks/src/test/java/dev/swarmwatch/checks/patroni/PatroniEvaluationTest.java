package dev.swarmwatch.checks.patroni;

import dev.swarmwatch.checks.patroni.RoleExpectation.Role;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static dev.swarmwatch.checks.patroni.ClusterJson.HEALTHY;
import static dev.swarmwatch.checks.patroni.ClusterJson.edit;
import static org.assertj.core.api.Assertions.assertThat;

class PatroniEvaluationTest {
    private static final PatroniTarget TARGET = PatroniTarget.of(
            Arrays.stream(ClusterJson.DEFAULT_MEMBERS.split(",")).map(URI::create).toList(), Duration.ofSeconds(2));

    private static CheckResult eval(String json, PatroniTarget target) {
        return PatroniEvaluation.evaluate(PatroniCluster.parse(json), target, Optional.empty(), 0, List.of());
    }

    private static CheckResult eval(String json) {
        return eval(json, TARGET);
    }

    @Test
    void healthyClusterIsOkWithLeaderTimelineReplicasAndLag() {
        CheckResult r = eval(HEALTHY);
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.summary()).isEqualTo("leader node1 (timeline 2), 2/2 replicas streaming, max lag 0 B");
        assertThat(r.details()).containsExactly("node1: leader, running, timeline 2",
                "node2: replica, running, timeline 2, lag 0 B", "node3: replica, running, timeline 2, lag 0 B");
        assertThat(r.perfdata()).containsExactly(PerfDatum.of("members", 3, ""), PerfDatum.of("leaders", 1, ""), PerfDatum.of("replicas_streaming", 2, ""),
                PerfDatum.of("max_lag", 0, "B").withThresholds(1 << 20, 16 << 20), PerfDatum.of("timeline", 2, ""),
                PerfDatum.of("leader_changes", 0, "c"));
    }

    @Test
    void noLeaderIsCritical() {
        CheckResult r = eval(edit(HEALTHY, "node1", "\"role\": \"leader\"", "\"role\": \"replica\""));
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("no leader; no leader, 3/3 replicas streaming, max lag 0 B");
        assertThat(r.perfdata()).extracting(PerfDatum::label).doesNotContain("timeline");
        assertThat(r.perfdata()).contains(PerfDatum.of("leaders", 0, ""));
    }

    @Test
    void twoLeadersAreCriticalAndNamed() {
        CheckResult r = eval(edit(HEALTHY, "node3", "\"role\": \"replica\"", "\"role\": \"leader\""));
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).startsWith("2 leaders: node1, node3; ");
    }

    @Test
    void standbyLeaderLeadsAStandbyCluster() {
        CheckResult r = eval(edit(HEALTHY, "node1", "\"role\": \"leader\"", "\"role\": \"standby_leader\""));
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.summary()).startsWith("leader node1 (timeline 2)");
    }

    @Test
    void replicaThatLeftTheClusterWarnsWhenTheSizeIsKnown() {
        // A replica whose Patroni stops cleanly removes itself from /cluster.
        String twoMembers = HEALTHY.substring(0, HEALTHY.indexOf(", {\"name\": \"node3\"")) + "]}";
        CheckResult r = eval(twoMembers, TARGET.withExpectedMembers(3));
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).isEqualTo("1/2 replicas streaming (warning below 2); 2 members listed, 3 expected; "
                + "leader node1 (timeline 2), 1/2 replicas streaming, max lag 0 B");
    }

    @Test
    void noStreamingReplicaIsCriticalAndStoppedOnesAreNamed() {
        String json = edit(edit(HEALTHY, "node2", "\"running\"", "\"stopped\""), "node3", "\"running\"", "\"starting\"");
        CheckResult r = eval(json);
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("0/2 replicas streaming (critical below 1); not streaming: node2 stopped, node3 starting; "
                + "leader node1 (timeline 2), 0/2 replicas streaming, max lag unknown");
        assertThat(r.perfdata()).extracting(PerfDatum::label).doesNotContain("max_lag");
    }

    @Test
    void realPausedAnswerWarnsOfMaintenanceAndTheStoppedReplica() {
        CheckResult r = eval(ClusterJson.PAUSED_WITH_STOPPED_REPLICA);
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).isEqualTo("1/2 replicas streaming (warning below 2); not streaming: node3 stopped; "
                + "maintenance mode (paused); leader node1 (timeline 2), 1/2 replicas streaming, max lag 0 B");
        assertThat(r.details()).contains("node3: replica, stopped, lag unknown");
    }

    @ParameterizedTest(name = "lag {0} B -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1048575 | OK | leader node1 (timeline 2), 2/2 replicas streaming, max lag 1024 KiB",
            "1048576 | WARNING | node2 lag 1 MiB >= 1 MiB; leader node1 (timeline 2), 2/2 replicas streaming, max lag 1 MiB",
            "20000000 | CRITICAL | node2 lag 19.1 MiB >= 16 MiB; leader node1 (timeline 2), 2/2 replicas streaming, max lag 19.1 MiB"})
    void lagAgainstThresholds(long lag, Status status, String summary) {
        CheckResult r = eval(edit(HEALTHY, "node2", "\"lag\": 0", "\"lag\": " + lag));
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.summary()).isEqualTo(summary);
    }

    @Test
    void unknownLagOfAStreamingReplicaWarns() {
        CheckResult r = eval(edit(HEALTHY, "node3", "\"lag\": 0", "\"lag\": \"unknown\""));
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).startsWith("node3 lag unknown; ");
    }

    @Test
    void memberOnAnotherTimelineWarns() {
        CheckResult r = eval(edit(HEALTHY, "node3", "\"timeline\": 2", "\"timeline\": 1"));
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).startsWith("node3 on timeline 1, leader on 2; ");
    }

    @Test
    void pendingRestartWarnsNamingTheMembers() {
        CheckResult r = eval(edit(HEALTHY, "node2", "\"lag\": 0", "\"lag\": 0, \"pending_restart\": true"));
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).startsWith("pending restart: node2; ");
    }

    @Test
    void moreMembersThanExpectedWarns() {
        CheckResult r = eval(HEALTHY, TARGET.withExpectedMembers(2));
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).startsWith("3 members listed, 2 expected; ");
    }

    @Test
    void failoverSeenByTheMemoryWarnsWithOldAndNewLeader() {
        CheckResult r = PatroniEvaluation.evaluate(PatroniCluster.parse(HEALTHY), TARGET,
                Optional.of(new PatroniMemory.LeaderChanged("node2", "node1", 1, 2)), 1, List.of());
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).isEqualTo("failover: leader changed from node2 to node1, timeline 1 -> 2; "
                + "leader node1 (timeline 2), 2/2 replicas streaming, max lag 0 B");
        assertThat(r.perfdata()).contains(PerfDatum.of("leader_changes", 1, "c"));
    }

    @Test
    void failoverComesFirstAmongTheWarningsItExplains() {
        String oldLeaderStopped = edit(edit(edit(HEALTHY, "node1", "\"role\": \"leader\"", "\"role\": \"replica\""),
                "node1", "\"running\"", "\"stopped\""), "node2", "\"role\": \"replica\"", "\"role\": \"leader\"");
        CheckResult r = PatroniEvaluation.evaluate(PatroniCluster.parse(oldLeaderStopped), TARGET,
                Optional.of(new PatroniMemory.LeaderChanged("node1", "node2", 2, 3)), 1, List.of());
        assertThat(r.summary()).isEqualTo("failover: leader changed from node1 to node2, timeline 2 -> 3; "
                + "1/2 replicas streaming (warning below 2); not streaming: node1 stopped; "
                + "leader node2 (timeline 2), 1/2 replicas streaming, max lag 0 B");
    }

    @Test
    void roleEndpointsSayWhichMemberIsNotWhatItShouldBe() {
        RoleExpectation primaryOn1 = new RoleExpectation(URI.create("http://127.0.0.1:8001"), Role.PRIMARY);
        RoleExpectation primaryOn2 = new RoleExpectation(URI.create("http://127.0.0.1:8002/"), Role.PRIMARY);
        RoleExpectation replicaOn9 = new RoleExpectation(URI.create("http://127.0.0.1:8009"), Role.REPLICA);
        CheckResult r = PatroniEvaluation.evaluate(PatroniCluster.parse(HEALTHY), TARGET, Optional.empty(), 0, List.of(
                RoleAnswer.answered(primaryOn1, 200), RoleAnswer.answered(primaryOn2, 503),
                RoleAnswer.failed(replicaOn9, "connection refused")));
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("node2 is not the primary (/primary answered 503); "
                + "http://127.0.0.1:8009 did not answer /replica: connection refused; "
                + "leader node1 (timeline 2), 2/2 replicas streaming, max lag 0 B");
        assertThat(r.details()).contains("node1 is the primary");
    }

    @Test
    void problemsAreListedWorstFirst() {
        String json = edit(edit(HEALTHY, "node2", "\"lag\": 0", "\"lag\": 99999999"), "node3", "\"timeline\": 2", "\"timeline\": 1");
        CheckResult r = eval(json.replace("]}", "], \"pause\": true}"));
        assertThat(r.summary()).startsWith("node2 lag 95.4 MiB >= 16 MiB; node3 on timeline 1, leader on 2; maintenance mode (paused); ");
    }

    @Test
    void maxLagPerfdataCarriesTheLagThresholds() {
        PerfDatum lag = eval(HEALTHY).perfdata().get(3);
        assertThat(lag.warn()).isEqualTo(OptionalDouble.of(1 << 20));
        assertThat(lag.crit()).isEqualTo(OptionalDouble.of(16 << 20));
    }

    @ParameterizedTest
    @CsvSource({"0, 0 B", "1023, 1023 B", "1024, 1 KiB", "1536, 1.5 KiB", "16777216, 16 MiB", "1073741824, 1 GiB"})
    void bytesForHumans(long n, String text) {
        assertThat(PatroniEvaluation.bytes(n)).isEqualTo(text);
    }
}
