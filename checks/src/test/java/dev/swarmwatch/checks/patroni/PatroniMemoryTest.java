package dev.swarmwatch.checks.patroni;

import dev.swarmwatch.checks.patroni.PatroniMemory.LeaderChanged;
import dev.swarmwatch.checks.patroni.PatroniMemory.TimelineChanged;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PatroniMemoryTest {
    private final PatroniMemory memory = new PatroniMemory();

    @Test
    void firstCycleHasNothingToCompareWith() {
        assertThat(memory.observe(Optional.of("node1"), 3, 1)).isEmpty();
        assertThat(memory.observe(Optional.of("node1"), 3, 1)).isEmpty();
        assertThat(memory.leaderChanges()).isZero();
    }

    @Test
    void failoverIsReportedOnlyOnTheCycleItIsFirstSeenByDefault() {
        memory.observe(Optional.of("node1"), 3, 1);
        assertThat(memory.observe(Optional.of("node2"), 4, 1)).contains(new LeaderChanged("node1", "node2", 3, 4));
        assertThat(memory.observe(Optional.of("node2"), 4, 1)).isEmpty();
        assertThat(memory.leaderChanges()).isEqualTo(1);
        assertThat(new LeaderChanged("node1", "node2", 3, 4).describe())
                .isEqualTo("failover: leader changed from node1 to node2, timeline 3 -> 4");
    }

    @Test
    void holdKeepsTheFailoverReportedForThatManyCycles() {
        memory.observe(Optional.of("node1"), 3, 3);
        LeaderChanged failover = new LeaderChanged("node1", "node2", 3, 4);
        assertThat(memory.observe(Optional.of("node2"), 4, 3)).contains(failover);
        assertThat(memory.observe(Optional.of("node2"), 4, 3)).contains(failover);
        assertThat(memory.observe(Optional.of("node2"), 4, 3)).contains(failover);
        assertThat(memory.observe(Optional.of("node2"), 4, 3)).isEmpty();
    }

    @Test
    void aCycleWithoutLeaderBridgesToTheNextLeader() {
        memory.observe(Optional.of("node1"), 3, 1);
        assertThat(memory.observe(Optional.empty(), 0, 1)).isEmpty();
        assertThat(memory.observe(Optional.of("node3"), 4, 1)).contains(new LeaderChanged("node1", "node3", 3, 4));
    }

    @Test
    void timelineChangeUnderTheSameLeaderIsReportedToo() {
        memory.observe(Optional.of("node1"), 3, 1);
        assertThat(memory.observe(Optional.of("node1"), 5, 1)).contains(new TimelineChanged("node1", 3, 5));
        assertThat(new TimelineChanged("node1", 3, 5).describe()).isEqualTo("timeline changed 3 -> 5 (leader node1 unchanged)");
        assertThat(memory.leaderChanges()).isZero();
    }

    @Test
    void failoverSeenBeforeThePromotionEndedIsReportedAgainWithTheNewTimeline() {
        memory.observe(Optional.of("node1"), 3, 1);
        LeaderChanged underWay = new LeaderChanged("node1", "node2", 3, 3);
        assertThat(memory.observe(Optional.of("node2"), 3, 1)).contains(underWay);
        assertThat(underWay.describe()).isEqualTo("failover: leader changed from node1 to node2, promotion under way (timeline 3)");
        assertThat(memory.observe(Optional.of("node2"), 3, 1)).isEmpty();
        assertThat(memory.observe(Optional.of("node2"), 4, 1)).contains(new LeaderChanged("node1", "node2", 3, 4));
        assertThat(memory.observe(Optional.of("node2"), 5, 1)).contains(new TimelineChanged("node2", 4, 5));
        assertThat(memory.leaderChanges()).isEqualTo(1);
    }

    @Test
    void aNewerChangeReplacesAHeldOne() {
        memory.observe(Optional.of("node1"), 3, 5);
        memory.observe(Optional.of("node2"), 4, 5);
        assertThat(memory.observe(Optional.of("node3"), 5, 5)).contains(new LeaderChanged("node2", "node3", 4, 5));
        assertThat(memory.leaderChanges()).isEqualTo(2);
    }

    @Test
    void savedMemoryGoesOnInAnotherProcessAsIfItHadNeverStopped() {
        memory.observe(Optional.of("node1"), 3, 2);
        PatroniMemory later = PatroniMemory.restore(memory.save());
        LeaderChanged failover = new LeaderChanged("node1", "node2", 3, 4);
        assertThat(later.observe(Optional.of("node2"), 4, 2)).contains(failover);
        PatroniMemory third = PatroniMemory.restore(later.save());
        assertThat(third.observe(Optional.of("node2"), 4, 2)).contains(failover);
        assertThat(third.observe(Optional.of("node2"), 4, 2)).isEmpty();
        assertThat(third.leaderChanges()).isEqualTo(1);
    }

    @Test
    void aPromotionUnderWaySurvivesARestart() {
        memory.observe(Optional.of("node1"), 3, 1);
        memory.observe(Optional.of("node2"), 3, 1);
        PatroniMemory later = PatroniMemory.restore(memory.save());
        assertThat(later.observe(Optional.of("node2"), 4, 1)).contains(new LeaderChanged("node1", "node2", 3, 4));
    }
}
