package dev.swarmwatch.tests.patroni;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One-shot reports, each a new process as cron runs them, keep Patroni's leader in state_dir: the
 * report after the leader stopped names the failover, as the daemon does.
 */
class CronFailoverTest {
    private static final String SANDBOX = "unix://" + PatroniBed.DIR.resolve("docker.sock");

    @TempDir
    Path dir;

    @AfterAll
    static void reset() throws Exception {
        PatroniBed.script("reset");
    }

    @Test
    void aCronReportAfterTheLeaderStoppedSaysFailoverFromTheLeaderThePreviousRunSaw() throws Exception {
        PatroniBed.script("reset");
        Path cfg = Files.writeString(dir.resolve("swarmwatch.yml"), String.join("\n", List.of(
                "state_dir: " + dir.resolve("state"),
                "targets:",
                "  patroni:",
                "    - name: pg",
                "      members: http://127.0.0.1:8001,http://127.0.0.1:8002,http://127.0.0.1:8003",
                "      expected_members: 3",
                "      timeout: 2s",
                "")));
        String before = report(cfg);
        assertThat(before).contains("leader node1 (timeline");

        PatroniBed.script("stop", "1");
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = report(cfg);
            // A process without the previous run's memory has no leader to compare with: never says this.
            if (last.contains("failover: leader changed from node1 to node")) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no report named the failover within 40 s; last:\n" + last);
    }

    // The report's JSON (stdout); a new JVM each time, with the launcher as cron would run it.
    private String report(Path cfg) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(PatroniBed.REPO.resolve("swarmwatch").toString(), "report", "-f", "json",
                "-c", cfg.toString(), "-H", SANDBOX).directory(PatroniBed.REPO.toFile());
        pb.environment().remove("DOCKER_HOST");
        Path out = Files.createTempFile(dir, "out", ".json");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("report did not finish within 60 s");
        }
        assertThat(Files.readString(err, StandardCharsets.UTF_8)).as("stderr").doesNotContain("no memory");
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
