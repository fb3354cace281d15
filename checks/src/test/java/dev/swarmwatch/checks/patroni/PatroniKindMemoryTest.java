package dev.swarmwatch.checks.patroni;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PatroniKindMemoryTest {

    @Test
    void exportedMemoryRestoresEveryClustersLeaderAndTimeline() {
        PatroniKind kind = new PatroniKind();
        assertThat(kind.restoreMemory("{\"pg\":{\"leader\":\"node1\",\"timeline\":3,\"holdLeft\":0,\"leaderChanges\":0}}")).isTrue();
        String json = kind.exportMemory();
        assertThat(json).contains("\"pg\"").contains("\"leader\":\"node1\"").contains("\"timeline\":3");

        PatroniKind next = new PatroniKind();
        assertThat(next.restoreMemory(json)).isTrue();
        assertThat(next.exportMemory()).isEqualTo(json);
    }

    @Test
    void unreadableMemoryIsDroppedAndTheKindStartsAfresh() {
        PatroniKind kind = new PatroniKind();
        assertThat(kind.restoreMemory("not json")).isFalse();
        assertThat(kind.restoreMemory("[1,2]")).isFalse();
        assertThat(kind.restoreMemory("null")).isFalse();
        assertThat(kind.exportMemory()).isEqualTo("{}");
    }
}
