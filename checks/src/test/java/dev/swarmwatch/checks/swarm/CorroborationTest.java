package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Subject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static dev.swarmwatch.checks.swarm.Fixtures.task;
import static dev.swarmwatch.checks.swarm.Fixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;

class CorroborationTest {
    private static final Subject WEB = Subject.service("web", "");
    private static final SwarmService SERVICE = new SwarmService("svc-web", "web", "", "replicated", 2,
            OptionalInt.of(2), OptionalInt.of(2), "", "", Map.of());
    private static final Map<String, SwarmNode> NODES = Map.of("vm", worker("vm", "down", "active"));

    @Test
    void replicasAnsweringTheirHttpChecksWhileTheTasksSayNoneRunIsNamedAsAContradiction() {
        CheckResult replicas = ReplicasKind.evaluate(SERVICE,
                List.of(task("t1", 1, "vm", "running", "running"), task("t2", 2, "vm", "running", "running")), NODES, 1);
        HealthReport report = Corroboration.apply(report(new CheckReport("replicas", WEB, replicas),
                new CheckReport("http", WEB, "web#1", CheckResult.ok("200 OK in 3 ms")),
                new CheckReport("http", WEB, "web#2", CheckResult.ok("200 OK in 2 ms"))));

        CheckReport named = report.checks().stream().filter(c -> c.kind().equals("replicas")).findFirst().orElseThrow();
        assertThat(named.status()).isEqualTo(replicas.status());
        assertThat(named.result().summary()).isEqualTo("0/2 running: both tasks on node host-vm, which the engine marks down"
                + "; tasks say 0/2, ServiceStatus says 2/2; yet 2 of 2 replicas answer their HTTP check");
        assertThat(named.result().details()).last().asString()
                .isEqualTo("contradiction: tasks say 0 running, live HTTP checks answer on web#1, web#2: "
                        + "the engine's view of the tasks is likely stale (see the nodes check)");
    }

    @Test
    void probesThatAgreeWithTheTasksOrFailLeaveTheReportAsItIs() {
        CheckResult replicas = ReplicasKind.evaluate(SERVICE, List.of(task("t1", 1, "n1", "running", "running")),
                Map.of("n1", worker("n1", "ready", "active")), 1);
        HealthReport before = report(new CheckReport("replicas", WEB, replicas),
                new CheckReport("http", WEB, "web#1", CheckResult.ok("200 OK")),
                new CheckReport("http", WEB, "web#2", CheckResult.critical("connection refused: http://x/")));
        assertThat(Corroboration.apply(before).checks()).isEqualTo(before.checks());
    }

    private static HealthReport report(CheckReport... checks) {
        return new HealthReport(Fixtures.NOW, Duration.ZERO, List.of(checks));
    }
}
