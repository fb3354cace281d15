package dev.swarmwatch.dashboards.view;

import dev.swarmwatch.dashboards.fixtures.Scenes;
import dev.swarmwatch.dashboards.fixtures.Swarms;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransitionsTest {
    @Test
    void replicaCountsLeaderChangesAndStatusChangesBecomeEvents() {
        ReportView before = ReportView.of(Scenes.healthySwarm(Swarms.NOW.minusSeconds(4)).report());
        ReportView after = ReportView.of(Scenes.degradedSwarm(Swarms.NOW).report());
        assertThat(Transitions.between(before, after, Swarms.NOW)).extracting(Event::text).containsExactly(
                "api OK -> CRITICAL", "worker-2 OK -> WARNING", "web 3/3 -> 1/3", "patroni pg-cluster leader node1 -> node2");
    }

    @Test
    void lostQuorumIsOneEventAndUnseenServicesAreNotCalledRemoved() {
        DashModel model = Scenes.lostQuorum();
        assertThat(model.events()).extracting(Event::text).containsExactly("quorum lost", "nodes OK -> UNKNOWN");
    }

    @Test
    void theModelKeepsTheScoreHistoryOldestFirst() {
        assertThat(Scenes.degraded().history()).containsExactly(100, 84);
    }
}
