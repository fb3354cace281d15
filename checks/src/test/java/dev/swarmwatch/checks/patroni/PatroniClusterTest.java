package dev.swarmwatch.checks.patroni;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatroniClusterTest {

    @Test
    void readsEveryMemberOfARealAnswer() {
        PatroniCluster c = PatroniCluster.parse(ClusterJson.HEALTHY);
        assertThat(c.paused()).isFalse();
        assertThat(c.members()).containsExactly(
                new PatroniMember("node1", "leader", "running", "http://127.0.0.1:8001/patroni", OptionalLong.of(2),
                        OptionalLong.empty(), "", false),
                new PatroniMember("node2", "replica", "running", "http://127.0.0.1:8002/patroni", OptionalLong.of(2),
                        OptionalLong.of(0), "", false),
                new PatroniMember("node3", "replica", "running", "http://127.0.0.1:8003/patroni", OptionalLong.of(2),
                        OptionalLong.of(0), "", false));
    }

    @Test
    void unknownLagIsKeptAsTextAndAMissingTimelineIsEmpty() {
        PatroniCluster c = PatroniCluster.parse(ClusterJson.PAUSED_WITH_STOPPED_REPLICA);
        assertThat(c.paused()).isTrue();
        PatroniMember node3 = c.members().get(2);
        assertThat(node3.state()).isEqualTo("stopped");
        assertThat(node3.timeline()).isEmpty();
        assertThat(node3.lagBytes()).isEmpty();
        assertThat(node3.lagText()).isEqualTo("unknown");
        assertThat(node3.streamingReplica()).isFalse();
    }

    @Test
    void pendingRestartAndStandbyLeaderAreRead() {
        String json = ClusterJson.edit(ClusterJson.edit(ClusterJson.HEALTHY, "node1", "\"role\": \"leader\"", "\"role\": \"standby_leader\""),
                "node3", "\"lag\": 0", "\"lag\": 0, \"pending_restart\": true");
        PatroniCluster c = PatroniCluster.parse(json);
        assertThat(c.members().get(0).leader()).isTrue();
        assertThat(c.members().get(2).pendingRestart()).isTrue();
        assertThat(c.members().get(1).pendingRestart()).isFalse();
    }

    @Test
    void streamingStateOfPatroni304CountsAsStreaming() {
        PatroniCluster c = PatroniCluster.parse(ClusterJson.edit(ClusterJson.HEALTHY, "node2", "\"running\"", "\"streaming\""));
        assertThat(c.members().get(1).streamingReplica()).isTrue();
    }

    @Test
    void unreadableAnswersSayWhatIsWrong() {
        assertThatThrownBy(() -> PatroniCluster.parse("<html>")).hasMessage("not a JSON object");
        assertThatThrownBy(() -> PatroniCluster.parse("{\"state\": \"running\"}")).hasMessage("no \"members\" array");
        assertThatThrownBy(() -> PatroniCluster.parse("{\"members\": [1]}")).hasMessage("members[0] is not an object");
        assertThatThrownBy(() -> PatroniCluster.parse("{\"members\": [{\"role\": \"leader\"}]}")).hasMessage("members[0] has no name");
    }
}
