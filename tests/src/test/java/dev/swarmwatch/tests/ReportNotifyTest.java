package dev.swarmwatch.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code report --notify} run as cron runs it, a new process each time, against the sandbox swarm
 * whose bed-unschedulable service is always 0/2 (CRITICAL): the alert state lives in state_dir
 * between runs.
 */
class ReportNotifyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void cronRunsSendNothingWhilePendingThenOneFiringMessageThenNothingMore() throws Exception {
        try (RecordingHook hook = new RecordingHook()) {
            Path state = dir.resolve("state");
            Bed.Result pending = notify(config(hook, state, "UnschedulableLong", "2m"));
            assertThat(pending.exit()).as(pending.err()).isEqualTo(2);
            assertThat(JSON.readTree(pending.out()).path("status").asText()).as("stdout is the report alone").isEqualTo("CRITICAL");
            assertThat(hook.bodies()).as("for: 2m has not passed: pending, nothing sent").isEmpty();
            assertThat(state.resolve("alerts.db")).exists();

            Path now = config(hook, state, "UnschedulableNow", "0s");
            Bed.Result firing = notify(now);
            assertThat(firing.exit()).as(firing.err()).isEqualTo(2);
            // group_wait (10 s) ends within --notify-timeout: the message goes out in this run
            assertThat(hook.bodies()).as(firing.err()).singleElement().satisfies(body -> {
                assertThat(body.path("status").asText()).isEqualTo("firing");
                assertThat(body.path("alerts")).singleElement().satisfies(a -> {
                    assertThat(a.path("labels").path("alertname").asText()).isEqualTo("UnschedulableNow");
                    assertThat(a.path("labels").path("service").asText()).isEqualTo("bed-unschedulable");
                });
            });

            Bed.Result again = notify(now);
            assertThat(again.exit()).as(again.err()).isEqualTo(2);
            assertThat(hook.bodies()).as("still firing: one message per transition").hasSize(1);
        }
    }

    @Test
    void withoutAWritableStateDirTheReportRunsAndSaysOnStderrThatItHasNoMemory() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        Path cfg = Files.writeString(dir.resolve("swarmwatch.yml"), "state_dir: " + file.resolve("state") + "\n");
        Bed.Result r = Bed.swarmwatch("report", "-f", "json", "-c", cfg.toString(), "-H", Bed.sandbox().toString(),
                "--notify");
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.path("status").asText()).isEqualTo("CRITICAL");
        assertThat(r.err()).contains("swarmwatch: no memory between runs: ")
                .contains("swarmwatch: --notify: no receivers configured");
        assertThat(r.out()).doesNotContain("no memory");
    }

    private Bed.Result notify(Path config) throws Exception {
        return Bed.swarmwatch("report", "-f", "json", "--notify", "--notify-timeout", "20s", "-c", config.toString(),
                "-H", Bed.sandbox().toString());
    }

    private Path config(RecordingHook hook, Path state, String name, String forDuration) throws Exception {
        return Files.writeString(dir.resolve(name + ".yml"), String.join("\n", List.of(
                "state_dir: " + state,
                "receivers:",
                "  ops:",
                "    webhook:",
                "      url: " + hook.url(),
                "rules:",
                "  - name: " + name,
                "    check: replicas:bed-unschedulable",
                "    for: " + forDuration,
                "")));
    }
}
