package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.swarmwatch.checks.swarm.Fixtures.NOW;
import static dev.swarmwatch.checks.swarm.Fixtures.failed;
import static dev.swarmwatch.checks.swarm.Fixtures.replicated;
import static dev.swarmwatch.checks.swarm.Fixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;

class FailedTasksKindTest {
    private static final Map<String, SwarmNode> NODES = Map.of("n1", worker("n1", "ready", "active"));
    private static final Duration WINDOW = Duration.ofMinutes(10);

    private static CheckResult evaluate(List<SwarmTask> tasks) {
        return FailedTasksKind.evaluate(replicated("api", 2), tasks, NODES, NOW, WINDOW, 1, 3);
    }

    @Test
    void noFailuresIsOk() {
        assertThat(evaluate(List.of()).summary()).isEqualTo("no failed tasks in the last 10m");
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        assertThat(evaluate(List.of(failed("t1", 1, 1, NOW.minus(Duration.ofMinutes(11))))).status()).isEqualTo(Status.OK);
    }

    @Test
    void oneFailureWarnsWithExitCodeAndError() {
        CheckResult r = evaluate(List.of(failed("t1", 1, 137, NOW.minusSeconds(30))));
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).isEqualTo("1 failed task in the last 10m, last: exit 137: task: non-zero exit (137)");
        assertThat(r.details()).singleElement().asString()
                .isEqualTo("slot 1 on host-n1 at 2026-11-23T11:59:30Z: failed, exit 137: task: non-zero exit (137)");
    }

    @Test
    void repeatedFailuresOfOneSlotAreACrashLoop() {
        CheckResult r = evaluate(List.of(
                failed("t1", 1, 1, NOW.minusSeconds(30)),
                failed("t2", 1, 1, NOW.minusSeconds(20)),
                failed("t3", 1, 1, NOW.minusSeconds(10)),
                failed("t4", 2, 1, NOW.minusSeconds(15))));
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("crash loop: slot 1 failed 3 times in the last 10m, last: exit 1: task: non-zero exit (1)");
        assertThat(r.perfdata()).extracting(p -> p.label() + "=" + (long) p.value()).containsExactly("failed=4", "crash_loop=1");
    }

    @Test
    void failuresSpreadOverSlotsAreNotACrashLoop() {
        CheckResult r = evaluate(List.of(
                failed("t1", 1, 1, NOW.minusSeconds(30)),
                failed("t2", 2, 1, NOW.minusSeconds(20))));
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).startsWith("2 failed tasks in the last 10m");
        assertThat(r.perfdata()).extracting(p -> p.label() + "=" + (long) p.value()).containsExactly("failed=2", "crash_loop=0");
    }

    @Test
    void rejectedTaskShowsItsReasonWithoutExitCode() {
        SwarmTask rejected = new SwarmTask("t9", "svc", 1, "n1", "rejected", "shutdown",
                "No such image: nope:latest", "preparing", java.util.OptionalInt.empty(), NOW.minusSeconds(3), "");
        assertThat(evaluate(List.of(rejected)).summary())
                .isEqualTo("1 failed task in the last 10m, last: No such image: nope:latest");
    }
}
