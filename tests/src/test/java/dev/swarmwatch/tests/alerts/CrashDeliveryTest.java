package dev.swarmwatch.tests.alerts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's delivery path killed with SIGKILL between commit and send, and in the middle of a
 * send: after a restart the notification is delivered, and a receiver deduplicating on
 * {@code webhook-id} processes it once.
 */
class CrashDeliveryTest {
    /** What OutboxMain's one transition is called: fingerprint, transition and when it started. */
    private static final String ID = "fp-web:firing:" + java.time.Instant.parse("2026-12-02T10:00:00Z").getEpochSecond();

    @TempDir
    Path state;

    private static Process start(String mode, Path dir, String url, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OutboxMain.class.getName(),
                mode, dir.toString(), url)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(log.toFile())
                .start();
    }

    private static void awaitLine(Process p, String line, Duration max) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            String l = out.readLine();
            if (l == null) {
                throw new AssertionError("process " + p.pid() + " ended (" + p.waitFor() + ") before " + line);
            }
            if (l.equals(line)) {
                return;
            }
        }
        throw new AssertionError("no " + line + " within " + max);
    }

    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();    // SIGKILL on Linux: no shutdown hook, no flush, no goodbye
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(137);
    }

    private static void awaitRequests(HookReceiver r, int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (r.requests().size() < n && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(r.requests()).hasSizeGreaterThanOrEqualTo(n);
    }

    @Test
    void killedBetweenCommitAndSendItIsDeliveredOnceAfterRestart() throws Exception {
        try (HookReceiver r = new HookReceiver()) {
            Process first = start("commit", state, r.url(), state.resolveSibling(state.getFileName() + "-1.log"));
            try {
                awaitLine(first, "COMMITTED", Duration.ofSeconds(30));
                assertThat(r.requests()).isEmpty();
            } finally {
                kill(first);
            }
            Process second = start("deliver", state, r.url(), state.resolveSibling(state.getFileName() + "-2.log"));
            try {
                awaitLine(second, "DELIVERED", Duration.ofSeconds(30));
                assertThat(second.waitFor(10, TimeUnit.SECONDS)).isTrue();
            } finally {
                second.destroyForcibly();
            }
            assertThat(r.requests()).containsExactly(ID);
            assertThat(r.processed()).containsExactly(ID);
        }
    }

    @Test
    void killedMidSendItIsSentAgainWithTheSameIdAndProcessedOnce() throws Exception {
        try (HookReceiver r = new HookReceiver()) {
            r.holdRequests();
            Process first = start("deliver", state, r.url(), state.resolveSibling(state.getFileName() + "-1.log"));
            try {
                awaitRequests(r, 1);     // the request is in the receiver's hands, unanswered
            } finally {
                kill(first);
            }
            r.answerRequests();
            Process second = start("deliver", state, r.url(), state.resolveSibling(state.getFileName() + "-2.log"));
            try {
                awaitLine(second, "DELIVERED", Duration.ofSeconds(30));
            } finally {
                second.destroyForcibly();
            }
            List<String> seen = r.requests();
            assertThat(seen).hasSize(2).containsOnly(ID);
            assertThat(r.processed()).containsExactly(ID);
        }
    }
}
