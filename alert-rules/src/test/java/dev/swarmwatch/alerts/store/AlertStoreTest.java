package dev.swarmwatch.alerts.store;

import dev.swarmwatch.alerts.notify.Notification;
import dev.swarmwatch.alerts.testing.Alerts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertStoreTest {
    @TempDir
    Path tmp;

    private final Instant t0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void stateAndOutboxEntriesCommitTogetherAndSurviveReopening() {
        Path dir = tmp.resolve("state");
        Notification n = Alerts.one("n1", "ops", Alerts.firing("web", t0), t0);
        try (AlertStore store = AlertStore.open(dir)) {
            store.commit("{\"v\":1}", List.of(n)).join();
        }
        try (AlertStore store = AlertStore.open(dir)) {
            assertThat(store.loadState().join()).contains("{\"v\":1}");
            OutboxEntry e = store.oldestPending("ops").join().orElseThrow();
            assertThat(e.notification()).isEqualTo(n);
            assertThat(e.state()).isEqualTo(OutboxState.PENDING);
            assertThat(e.attempts()).isZero();
            assertThat(store.health().ok()).isTrue();
        }
    }

    @Test
    void stateDirectoryIsCreatedPrivateAndTheFileIsWalForSqlite3() throws Exception {
        Path dir = tmp.resolve("a/b");
        try (AlertStore store = AlertStore.open(dir)) {
            store.commit("{}", List.of()).join();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            Process p = new ProcessBuilder("sqlite3", store.file().toString(), "PRAGMA journal_mode; SELECT count(*) FROM outbox;")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            assertThat(p.waitFor()).isZero();
            assertThat(out).isEqualTo("wal\n0");
        }
    }

    @Test
    void committingTheSameNotificationTwiceKeepsOneRow() {
        try (AlertStore store = AlertStore.open(tmp)) {
            Notification n = Alerts.one("n1", "ops", Alerts.firing("web", t0), t0);
            store.commit("{}", List.of(n)).join();
            store.commit("{}", List.of(n)).join();
            assertThat(store.summary().join().get("ops").pending()).isEqualTo(1);
        }
    }

    @Test
    void pendingComeOldestFirstAndLeaveOnlyOnce() {
        try (AlertStore store = AlertStore.open(tmp)) {
            Notification older = Alerts.one("a", "ops", Alerts.firing("web", t0), t0);
            Notification newer = Alerts.one("b", "ops", Alerts.firing("api", t0), t0.plusSeconds(5));
            store.commit("{}", List.of(newer, older)).join();
            assertThat(store.oldestPending("ops").join().orElseThrow().id()).isEqualTo("a");
            assertThat(store.markRetry("ops", "a", 1, t0.plusSeconds(9), "HTTP 503").join()).isTrue();
            OutboxEntry retried = store.oldestPending("ops").join().orElseThrow();
            assertThat(retried.attempts()).isEqualTo(1);
            assertThat(retried.lastError()).contains("HTTP 503");
            assertThat(retried.nextAttempt()).isEqualTo(t0.plusSeconds(9));
            assertThat(store.markDelivered("ops", "a", 2).join()).isTrue();
            assertThat(store.markDelivered("ops", "a", 3).join()).as("already settled").isFalse();
            assertThat(store.oldestPending("ops").join().orElseThrow().id()).isEqualTo("b");
            assertThat(store.markUndeliverable("ops", "b", 1, "rejected, not retried: HTTP 400").join()).isTrue();
            assertThat(store.oldestPending("ops").join()).isEmpty();
            ReceiverSummary s = store.summary().join().get("ops");
            assertThat(s.pending()).isZero();
            assertThat(s.undeliverable()).isEqualTo(1);
            assertThat(store.outbox(OutboxState.UNDELIVERABLE, 10).join()).singleElement()
                    .satisfies(e -> assertThat(e.lastError()).contains("rejected, not retried: HTTP 400"));
        }
    }

    @Test
    void silencesAreKeptListedAndExpired() {
        try (AlertStore store = AlertStore.open(tmp)) {
            StoredSilence s = new StoredSilence("s1", "[{\"name\":\"service\",\"op\":\"=\",\"value\":\"web\"}]",
                    Instant.now().minusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                    Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS), "ops@host", "deploy");
            store.putSilence(s).join();
            assertThat(store.silences().join()).containsExactly(s);
            assertThat(store.expireSilence("s1").join()).isTrue();
            assertThat(store.expireSilence("s1").join()).as("already ended").isFalse();
            assertThat(store.expireSilence("nope").join()).isFalse();
            StoredSilence ended = store.silences().join().getFirst();
            assertThat(ended.activeAt(Instant.now().plusMillis(1))).isFalse();
        }
    }

    @Test
    void checkMemoryIsKeptByKey() {
        try (AlertStore store = AlertStore.open(tmp)) {
            assertThat(store.memory("patroni:main").join()).isEmpty();
            store.putMemory("patroni:main", "{\"leader\":\"node1\"}").join();
            store.putMemory("patroni:main", "{\"leader\":\"node3\"}").join();
            assertThat(store.memory("patroni:main").join()).contains("{\"leader\":\"node3\"}");
        }
    }

    @Test
    void aCorruptFileIsALoudStateNotACrash() throws Exception {
        Files.writeString(tmp.resolve(AlertStore.FILE), "this is not a database, it is ".repeat(400));
        try (AlertStore store = AlertStore.open(tmp)) {
            assertThat(store.health().ok()).isFalse();
            assertThat(store.health().problem()).contains(StoreException.Problem.CORRUPT);
            assertThat(store.health().reason()).startsWith("corrupt: ").contains(AlertStore.FILE);
            assertThatThrownBy(() -> store.commit("{}", List.of()).join()).hasCauseInstanceOf(StoreException.class);
        }
    }

    @Test
    void aStateDirThatCannotBeCreatedIsALoudState() throws Exception {
        Path file = tmp.resolve("plain-file");
        Files.writeString(file, "x");
        try (AlertStore store = AlertStore.open(file.resolve("state"))) {
            assertThat(store.health().ok()).isFalse();
            assertThat(store.health().reason()).contains("cannot open").contains("state");
            assertThat(store.loadState().handle((v, e) -> Optional.ofNullable(e)).join()).isPresent();
        }
    }

    @Test
    void alertsAKeepingReceiverTookAreResentUntilResolvedPlusTheirWindow() {
        try (AlertStore store = AlertStore.open(tmp)) {
            Instant now = Instant.now();
            store.remember("am", List.of(Alerts.firing("web", now), Alerts.resolved("api", now.minusSeconds(900), now.minusSeconds(600)),
                    Alerts.resolved("db", now.minusSeconds(120), now.minusSeconds(60))), Duration.ofMinutes(5)).join();
            assertThat(store.resendable("am").join()).extracting(a -> a.label("service")).containsExactly("db", "web");
            store.remember("am", List.of(Alerts.resolved("web", now, now.minusSeconds(400))), Duration.ofMinutes(5)).join();
            assertThat(store.resendable("am").join()).extracting(a -> a.label("service")).containsExactly("db");
        }
    }
}
