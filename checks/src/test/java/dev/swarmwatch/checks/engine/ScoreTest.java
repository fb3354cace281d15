package dev.swarmwatch.checks.engine;

import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.checks.spi.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreTest {

    @ParameterizedTest(name = "{0} ok, {1} warning, {2} critical, {3} unknown -> {4}")
    @CsvSource({
            "0, 0, 0, 0, 100",
            "10, 0, 0, 0, 100",
            "9, 1, 0, 0, 95",
            "9, 0, 1, 0, 90",
            "9, 0, 0, 1, 90",
            "0, 0, 3, 0, 0",
            "1, 1, 1, 0, 50",
            "2, 0, 1, 0, 67"})
    void scoreIsTheWeightedShareOfPassingChecks(int ok, int warning, int critical, int unknown, int expected) {
        List<CheckReport> checks = new ArrayList<>();
        add(checks, ok, Status.OK);
        add(checks, warning, Status.WARNING);
        add(checks, critical, Status.CRITICAL);
        add(checks, unknown, Status.UNKNOWN);
        assertThat(Score.of(checks).cluster()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"OK, WARNING, WARNING", "WARNING, UNKNOWN, UNKNOWN", "UNKNOWN, CRITICAL, CRITICAL", "CRITICAL, OK, CRITICAL"})
    void worstOfOrdersUnknownBetweenWarningAndCritical(Status a, Status b, Status worst) {
        assertThat(a.worse(b)).isEqualTo(worst);
        assertThat(b.worse(a)).isEqualTo(worst);
    }

    @Test
    void servicesAndStacksAreScoredOverTheirOwnChecks() {
        List<CheckReport> checks = List.of(
                check("quorum", Subject.wholeSwarm(), "", Status.OK),
                check("replicas", Subject.service("web", "shop"), "", Status.OK),
                check("failed_tasks", Subject.service("web", "shop"), "", Status.WARNING),
                check("replicas", Subject.service("db", "shop"), "", Status.CRITICAL),
                check("replicas", Subject.service("cron", ""), "", Status.OK),
                check("http", Subject.wholeSwarm(), "status-page", Status.CRITICAL));
        Score.Scores scores = Score.of(checks);
        assertThat(scores.services()).isEqualTo(Map.of("web", 75, "db", 0, "cron", 100));
        assertThat(scores.stacks()).isEqualTo(Map.of("shop", 50));
        // A declared target outside the swarm failing does not cap the cluster: only the swarm's own checks do.
        assertThat(scores.cluster()).isEqualTo(58);
    }

    @Test
    void aCriticalCheckOfTheSwarmItselfCapsTheClusterScore() {
        List<CheckReport> checks = new ArrayList<>();
        add(checks, 19, Status.OK);
        checks.add(check("quorum", Subject.wholeSwarm(), "", Status.CRITICAL));
        assertThat(Score.of(checks).cluster()).isEqualTo(Score.CLUSTER_CAP);
        checks.set(checks.size() - 1, check("quorum", Subject.wholeSwarm(), "", Status.WARNING));
        assertThat(Score.of(checks).cluster()).isEqualTo(98);
    }

    private static CheckReport check(String kind, Subject subject, String name, Status status) {
        return new CheckReport(kind, subject, name, CheckResult.of(status, "x"));
    }

    private static void add(List<CheckReport> checks, int n, Status status) {
        for (int i = 0; i < n; i++) {
            checks.add(new CheckReport("k", Subject.service("s" + checks.size(), ""), CheckResult.of(status, "x")));
        }
    }
}
