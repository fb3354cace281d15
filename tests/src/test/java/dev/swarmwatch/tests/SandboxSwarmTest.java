package dev.swarmwatch.tests;

import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static dev.swarmwatch.tests.Bed.cycle;
import static dev.swarmwatch.tests.Bed.get;
import static org.assertj.core.api.Assertions.assertThat;

/** Swarm checks against the sandbox swarm's services of known health. */
class SandboxSwarmTest {
    private static HealthReport report;

    @BeforeAll
    static void oneCycle() throws Exception {
        report = cycle(Bed.sandbox(), Bed.config());
    }

    @Test
    void healthyServiceIsOkWithAllReplicasRunning() {
        CheckReport r = get(report, "replicas:bed-healthy");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.result().summary()).isEqualTo("2/2 running");
        assertThat(r.subject().stack()).isEqualTo("bed");
        assertThat(get(report, "failed_tasks:bed-healthy").status()).isEqualTo(Status.OK);
    }

    @Test
    void unschedulableServiceIsCriticalAtZeroOfTwoWithTheSchedulersReason() {
        CheckReport r = get(report, "replicas:bed-unschedulable");
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.result().summary()).isEqualTo("0/2 running");
        assertThat(r.result().details()).anySatisfy(d -> assertThat(d).contains("pending").contains("no suitable node"));
    }

    @Test
    void crashingServiceShowsFailedTasksWithExitCodeOne() {
        CheckReport r = get(report, "failed_tasks:bed-crashing");
        assertThat(r.status()).isIn(Status.WARNING, Status.CRITICAL);
        assertThat(r.result().summary()).contains("exit 1: task: non-zero exit (1)");
        assertThat(r.result().details()).allSatisfy(d -> assertThat(d).contains("failed, exit 1"));
    }

    @Test
    void globalServiceRunsOnItsOneEligibleNode() {
        CheckReport r = get(report, "replicas:bed-global");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.result().summary()).isEqualTo("1/1 running");
        assertThat(r.result().details()).contains("global service: desired = eligible nodes");
    }

    @Test
    void singleManagerSwarmIsOkWithoutRedundancyAndItsNodeIsReady() {
        assertThat(get(report, "quorum:swarm").status()).isEqualTo(Status.OK);
        assertThat(get(report, "quorum:swarm").result().summary()).startsWith("1 manager: no redundancy");
        assertThat(get(report, "nodes:swarm").result().summary()).isEqualTo("1 node: 1 ready");
    }

    @Test
    void everyServiceGetsReplicaAndFailureChecks() throws Exception {
        String[] names = Bed.docker("service", "ls", "--format", "{{.Name}}").orFail().out().strip().split("\n");
        for (String name : names) {
            assertThat(Bed.find(report, "replicas:" + name)).as(name).isPresent();
            assertThat(Bed.find(report, "failed_tasks:" + name)).as(name).isPresent();
        }
        assertThat(report.worst()).isEqualTo(Status.CRITICAL);
    }

    @Test
    void missingEngineSocketIsReportedAsUnreachableWithItsOwnMessage() throws Exception {
        HealthReport r = cycle(URI.create("unix:///nonexistent/swarmwatch-test/docker.sock"), Bed.config());
        CheckReport quorum = get(r, "quorum:swarm");
        assertThat(quorum.status()).isEqualTo(Status.CRITICAL);
        assertThat(quorum.result().summary()).isEqualTo("Docker engine unreachable: socket /nonexistent/swarmwatch-test/docker.sock"
                + " does not exist (is dockerd running? set DOCKER_HOST or engine.host)");
        assertThat(get(r, "nodes:swarm").status()).isEqualTo(Status.UNKNOWN);
        assertThat(r.checks()).hasSize(2);
    }

    static double perf(CheckReport r, String label) {
        return r.result().perfdata().stream().filter(p -> p.label().equals(label)).mapToDouble(PerfDatum::value)
                .findFirst().orElseThrow();
    }
}
