package dev.swarmwatch.tests.alerts;

import dev.swarmwatch.alerts.notify.Alert;
import dev.swarmwatch.alerts.notify.AlertStatus;
import dev.swarmwatch.alerts.notify.Notification;
import dev.swarmwatch.alerts.store.AlertStore;
import dev.swarmwatch.alerts.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The state dir on a real, tiny tmpfs (mounted here, as root): full and read-only are loud states, not crashes. */
class StoreOnFullDiskTest {
    @TempDir
    Path tmp;

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed: " + out);
        }
    }

    private static Notification big(String id) {
        Instant t = Instant.now();
        List<Alert> alerts = IntStream.range(0, 200).mapToObj(i -> new Alert("fp" + i, Map.of("alertname", "A", "service", "svc" + i),
                Map.of("summary", "x".repeat(500)), AlertStatus.FIRING, t, Optional.empty(), List.of())).toList();
        return new Notification(id, "ops", "g", AlertStatus.FIRING, Map.of(), alerts, t);
    }

    private static void fill(Path mount) {
        byte[] chunk = new byte[16 * 1024];
        Path filler = mount.resolve("filler");
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException expected) {
            // No space left on device: the file system is full, as intended.
        }
    }

    @Test
    void aFullDiskDegradesTheStoreLoudlyAndItHealsWhenSpaceReturns() throws Exception {
        assertThat(ProcessHandle.current().info().user()).as("mounting a tmpfs needs root").contains("root");
        Path mount = tmp.resolve("tiny");
        Files.createDirectories(mount);
        run("mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", mount.toString());
        try {
            fullThenBack(mount);
            readOnly(mount);
        } finally {
            run("umount", "-l", mount.toString());
        }
    }

    private static void fullThenBack(Path mount) throws Exception {
        try (AlertStore store = AlertStore.open(mount.resolve("state"))) {
            store.commit("{\"n\":0}", List.of(big("before"))).join();
            assertThat(store.health().ok()).isTrue();

            fill(mount);
            Throwable failure = null;
            for (int i = 0; i < 20 && failure == null; i++) {
                failure = catchThrowable(() -> store.commit("{\"n\":1}", List.of(big("during-" + System.nanoTime()))).join());
            }
            assertThat(failure).isInstanceOf(CompletionException.class).hasCauseInstanceOf(StoreException.class);
            assertThat(store.health().ok()).isFalse();
            assertThat(store.health().problem()).contains(StoreException.Problem.DISK_FULL);
            assertThat(store.health().reason()).startsWith("disk full: ").contains("alerts.db");
            assertThat(store.loadState().join()).as("what was committed before is still there").contains("{\"n\":0}");

            Files.delete(mount.resolve("filler"));
            store.commit("{\"n\":2}", List.of(big("after"))).join();
            assertThat(store.health().ok()).isTrue();
            assertThat(store.loadState().join()).contains("{\"n\":2}");
            assertThat(store.summary().join().get("ops").pending()).isEqualTo(2);
        }
    }

    /** A file system remounted read-only under a stopped agent, which then starts. */
    private static void readOnly(Path mount) throws Exception {
        run("mount", "-o", "remount,ro", mount.toString());
        {
            try (AlertStore store = AlertStore.open(mount.resolve("state"))) {
                Throwable ro = catchThrowable(() -> store.commit("{\"n\":3}", List.of(big("ro"))).join());
                assertThat(ro).hasCauseInstanceOf(StoreException.class);
                assertThat(store.health().ok()).isFalse();
                assertThat(store.health().reason()).contains("alerts.db").doesNotContain("xxxx");
                assertThat(((StoreException) ro.getCause()).problem())
                        .isIn(StoreException.Problem.READ_ONLY, StoreException.Problem.UNAVAILABLE);
            }
        }
    }
}
