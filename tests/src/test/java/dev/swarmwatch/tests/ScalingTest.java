package dev.swarmwatch.tests;

import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.checks.engine.HealthReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dev.swarmwatch.tests.Bed.get;
import static dev.swarmwatch.tests.SandboxSwarmTest.perf;
import static org.assertj.core.api.Assertions.assertThat;

/** Changes to the swarm show on the next cycle of a running agent, at a constant API cost. */
class ScalingTest {
    private final String name = "it-scale-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void remove() throws Exception {
        Bed.docker("service", "rm", name);
    }

    @Test
    void scalingAServiceIsReflectedOnTheNextCycleAndRemovalLeavesNoStaleResult() throws Exception {
        Bed.docker("service", "create", "--detach", "--no-resolve-image", "--init", "--network", "host",
                "--name", name, "--replicas", "1", "swarmwatch/busybox:bed", "sleep", "100000").orFail();
        try (Agent agent = new Agent(Bed.config(), Bed.sandbox(), Clock.systemUTC())) {
            long before = agent.docker().calls();
            HealthReport first = next(agent);
            long callsFirst = agent.docker().calls() - before;
            assertThat(perf(get(first, "replicas:" + name), "desired")).isEqualTo(1);

            Bed.docker("service", "scale", "--detach", name + "=3").orFail();
            before = agent.docker().calls();
            HealthReport second = next(agent);
            long callsSecond = agent.docker().calls() - before;
            assertThat(perf(get(second, "replicas:" + name), "desired")).isEqualTo(3);
            assertThat(callsSecond).isEqualTo(callsFirst).isEqualTo(4);

            Bed.docker("service", "rm", name).orFail();
            HealthReport third = next(agent);
            assertThat(Bed.find(third, "replicas:" + name)).isEmpty();
            assertThat(Bed.find(third, "failed_tasks:" + name)).isEmpty();
        }
    }

    private static HealthReport next(Agent agent) throws Exception {
        return agent.runOnce().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
