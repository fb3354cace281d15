package dev.swarmwatch.agent.run;

import dev.swarmwatch.alerts.store.AlertStore;
import dev.swarmwatch.checks.patroni.PatroniKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Check memory kept between processes in a real store on disk. */
class CheckMemoryTest {
    private static final String AFTER_FAILOVER = "{\"main\":{\"leader\":\"node3\",\"timeline\":4,"
            + "\"heldLeader\":{\"from\":\"node1\",\"to\":\"node3\",\"fromTimeline\":3,\"toTimeline\":4},"
            + "\"heldTimeline\":null,\"holdLeft\":2,\"leaderChanges\":1,\"promoting\":null}}";

    @TempDir
    Path dir;

    @Test
    void patroniMemorySavedByOneRunIsWhatTheNextRunStartsFrom() {
        PatroniKind first = new PatroniKind();
        assertThat(first.restoreMemory(AFTER_FAILOVER)).isTrue();
        try (CheckMemory memory = CheckMemory.open(dir.resolve("state"), Clock.systemUTC())) {
            memory.load(List.of(first));
            // nothing stored yet: the kind keeps what it has
            assertThat(first.exportMemory()).contains("\"leader\":\"node3\"");
            memory.save(List.of(first));
            assertThat(memory.missing()).isEmpty();
        }
        assertThat(dir.resolve("state").resolve(AlertStore.FILE)).exists();

        PatroniKind next = new PatroniKind();
        String fresh = next.exportMemory();
        try (CheckMemory memory = CheckMemory.open(dir.resolve("state"), Clock.systemUTC())) {
            memory.load(List.of(next));
            assertThat(memory.missing()).isEmpty();
        }
        assertThat(next.exportMemory()).isEqualTo(first.exportMemory()).isNotEqualTo(fresh)
                .contains("\"from\":\"node1\",\"to\":\"node3\"");
    }

    @Test
    void withoutAWritableStateDirectoryTheCycleRunsWithoutMemoryAndSaysWhy() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        PatroniKind kind = new PatroniKind();
        String fresh = kind.exportMemory();
        try (CheckMemory memory = CheckMemory.open(file.resolve("state"), Clock.systemUTC())) {
            memory.load(List.of(kind));
            memory.save(List.of(kind));
            assertThat(memory.missing()).hasValueSatisfying(why -> assertThat(why).isNotBlank());
        }
        assertThat(kind.exportMemory()).isEqualTo(fresh);
    }

    @Test
    void memoryThatCannotBeReadIsDroppedTheKindStartsAfreshAndTheNoteNamesTheKind() {
        Path state = dir.resolve("state");
        try (AlertStore store = AlertStore.open(state)) {
            store.putMemory("kind:patroni", "{not json").join();
        }
        PatroniKind kind = new PatroniKind();
        String fresh = kind.exportMemory();
        try (CheckMemory memory = CheckMemory.open(state, Clock.systemUTC())) {
            memory.load(List.of(kind));
            assertThat(memory.missing()).hasValueSatisfying(why -> assertThat(why).contains("patroni memory"));
        }
        assertThat(kind.exportMemory()).isEqualTo(fresh);
    }

    @Test
    void aSharedStoreIsLeftOpenForItsOwner() {
        try (AlertStore store = AlertStore.open(dir.resolve("state"))) {
            PatroniKind kind = new PatroniKind();
            kind.restoreMemory(AFTER_FAILOVER);
            try (CheckMemory memory = CheckMemory.in(store)) {
                memory.save(List.of(kind));
            }
            assertThat(store.memory("kind:patroni").join()).hasValueSatisfying(json -> assertThat(json).contains("node3"));
        }
    }
}
