package dev.swarmwatch.checks.swarm;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static dev.swarmwatch.checks.swarm.Fixtures.task;
import static dev.swarmwatch.checks.swarm.Fixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;

/** The facts per-service results carry for alert rules: where the tasks are, which of those nodes are down or drained. */
class SwarmSourceFactsTest {

    @Test
    void nodesOfCurrentTasksWithTheDownAndDrainedOnesAndTheServiceLabels() {
        SwarmService web = new SwarmService("svc", "web", "shop", "replicated", 3, OptionalInt.empty(),
                OptionalInt.empty(), "", "", Map.of("team", "payments"));
        Map<String, SwarmNode> nodes = Map.of("n1", worker("n1", "ready", "active"), "n2", worker("n2", "down", "active"),
                "n3", worker("n3", "ready", "drain"), "n4", worker("n4", "ready", "active"));
        List<SwarmTask> tasks = List.of(task("t1", 1, "n1", "running", "running"), task("t2", 2, "n2", "running", "running"),
                task("t3", 3, "n3", "running", "shutdown"), task("t4", 3, "n4", "shutdown", "shutdown"));

        Map<String, String> facts = SwarmSource.facts(web, tasks, nodes);

        assertThat(facts).containsEntry("nodes", "host-n1,host-n2,host-n3").containsEntry("nodes_down", "host-n2")
                .containsEntry("nodes_drained", "host-n3").containsEntry("label.team", "payments");
    }

    @Test
    void theFactsSurviveTheResultsOtherCopies() {
        var result = dev.swarmwatch.checks.spi.CheckResult.critical("0/1").withLabels(Map.of("nodes", "a"))
                .withDetails(List.of("x")).timed(Fixtures.NOW, java.time.Duration.ofMillis(3));

        assertThat(result.labels()).containsEntry("nodes", "a");
    }
}
