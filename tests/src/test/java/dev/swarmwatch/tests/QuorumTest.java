package dev.swarmwatch.tests;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.Predicate;

import static dev.swarmwatch.tests.Bed.get;
import static org.assertj.core.api.Assertions.assertThat;

/** Manager quorum on a real three-manager swarm whose managers are stopped one by one. */
class QuorumTest {
    private static final Duration ENGINE_TIMEOUT = Duration.ofSeconds(3);
    private static final AgentConfig CONFIG = AgentConfig.defaults().withEngineTimeout(ENGINE_TIMEOUT);

    @BeforeAll
    static void threeHealthyManagers() throws Exception {
        Bed.quorum("reset").orFail();
    }

    @AfterAll
    static void restore() throws Exception {
        Bed.quorum("reset").orFail();
    }

    @Test
    void quorumIsOkWithThreeWarnsWithOneManagerStoppedAndIsLostWithTwoStopped() throws Exception {
        CheckReport healthy = quorum(cycle());
        assertThat(healthy.status()).isEqualTo(Status.OK);
        assertThat(healthy.result().summary()).startsWith("3/3 managers reachable, quorum 2, 1 failure tolerated");

        Bed.quorum("stop", "3").orFail();
        CheckReport oneDown = until(r -> r.status() != Status.OK, Duration.ofSeconds(60));
        assertThat(oneDown.status()).isEqualTo(Status.WARNING);
        assertThat(oneDown.result().summary()).startsWith("2/3 managers reachable, quorum 2: no further manager failure tolerated");

        Bed.quorum("stop", "2").orFail();
        long start = System.nanoTime();
        HealthReport lost = cycle();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        CheckReport q = quorum(lost);
        assertThat(q.status()).isEqualTo(Status.CRITICAL);
        assertThat(q.result().summary()).contains("quorum lost").doesNotContain("unreachable:");
        // Every call, /info, the lists and a /_ping asked when /info is slow, ends within the engine timeout.
        assertThat(took).isLessThan(ENGINE_TIMEOUT.plusSeconds(1));
        assertThat(lost.worst()).isEqualTo(Status.CRITICAL);

        // Later, once the survivor has given up on a leader, its own words say so.
        CheckReport later = until(r -> r.result().summary().contains("does not have a leader")
                || r.result().summary().contains("context deadline exceeded"), Duration.ofSeconds(70));
        assertThat(later.status()).isEqualTo(Status.CRITICAL);
        assertThat(later.result().summary()).startsWith("swarm quorum lost");
    }

    private static HealthReport cycle() throws Exception {
        return Bed.cycle(Bed.manager(1), CONFIG);
    }

    private static CheckReport quorum(HealthReport report) {
        return get(report, "quorum:swarm");
    }

    private static CheckReport until(Predicate<CheckReport> condition, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        CheckReport last;
        do {
            last = quorum(cycle());
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not reached within " + within + "; last: " + last.status() + " " + last.result().summary());
    }
}
