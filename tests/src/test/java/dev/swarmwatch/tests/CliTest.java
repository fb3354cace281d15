package dev.swarmwatch.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The real launcher and jar, run as an operator or Nagios would, against the sandbox swarm. */
class CliTest {

    @Test
    void nagiosFormatPrintsOneStatusLineWithPerfdataAndExitsCritical() throws Exception {
        Bed.Result r = Bed.swarmwatch("report", "--format", "nagios", "-H", Bed.sandbox().toString());
        assertThat(r.exit()).isEqualTo(2);
        String first = r.out().lines().findFirst().orElseThrow();
        assertThat(first).startsWith("SWARMWATCH CRITICAL - ").contains("bed-unschedulable replicas 0/2 running")
                .containsPattern(" \\| 'score'=\\d+;;;0;100 'checks_not_ok'=\\d+;;;0;\\d+$");
        assertThat(r.out()).contains("'bed-healthy.running'=2;2;1;0;2");
    }

    @Test
    void jsonFormatFollowsTheDocumentedSchema() throws Exception {
        Bed.Result r = Bed.swarmwatch("report", "--format", "json", "-H", Bed.sandbox().toString());
        assertThat(r.exit()).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("schema").asText()).isEqualTo("swarmwatch.report/v1");
        assertThat(json.get("status").asText()).isEqualTo("CRITICAL");
        assertThat(json.get("exit_code").asInt()).isEqualTo(2);
        assertThat(json.get("score").asInt()).isBetween(0, 99);
        assertThat(json.get("engine").get("api_calls").asInt()).isEqualTo(4);
        JsonNode scores = json.get("scores");
        assertThat(scores.get("cluster").asInt()).isEqualTo(json.get("score").asInt());
        assertThat(scores.get("services").get("bed-healthy").asInt()).isEqualTo(100);
        assertThat(scores.get("services").get("bed-unschedulable").asInt()).isEqualTo(50);
        assertThat(scores.get("stacks").get("bed").asInt()).isEqualTo(100);
        JsonNode healthy = null;
        for (JsonNode c : json.get("checks")) {
            if (c.get("id").asText().equals("replicas:bed-healthy")) {
                healthy = c;
            }
        }
        assertThat(healthy).isNotNull();
        assertThat(healthy.get("status").asText()).isEqualTo("OK");
        assertThat(healthy.get("stack").asText()).isEqualTo("bed");
        assertThat(healthy.get("perfdata").get(0).get("label").asText()).isEqualTo("running");
    }

    @Test
    void textReportGroupsByServiceAndEndsWithTheScore() throws Exception {
        Bed.Result r = Bed.swarmwatch("report", "-H", Bed.sandbox().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("swarm (cluster)").contains("bed / bed-healthy")
                .doesNotContain("\u001B[") // not a terminal: no colour
                .containsPattern("(?m)^score \\d+/100  CRITICAL  \\d+ checks: ");
    }

    @Test
    void perServiceOverridesInAConfigFileChangeTheVerdict(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("swarmwatch.yml");
        Files.writeString(config, """
                engine:
                  host: %s
                services:
                  bed-unschedulable:
                    ignore: true
                  bed-crashing:
                    ignore: true
                """.formatted(Bed.sandbox()));
        Bed.Result r = Bed.swarmwatch("report", "--format", "nagios", "--config", config.toString());
        assertThat(r.out()).startsWith("SWARMWATCH OK - ");
        assertThat(r.exit()).isEqualTo(0);
    }

    @Test
    void badConfigIsRejectedWithPositionsAndExitThreeRunningNothing(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bad.yml");
        Files.writeString(config, """
                interval: soon
                checks:
                  replicas:
                    critical_blow: 2
                """);
        Bed.Result r = Bed.swarmwatch("report", "--config", config.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(config + ":1:11 interval: expected a duration")
                .contains(config + ":4:5 checks.replicas.critical_blow: unknown");

        Bed.Result v = Bed.swarmwatch("validate", config.toString());
        assertThat(v.exit()).isEqualTo(3);
        assertThat(v.err()).contains(config + ":1:11 interval:");
    }

    @Test
    void unreachableEngineIsCriticalWithItsOwnMessage() throws Exception {
        Bed.Result r = Bed.swarmwatch("report", "--format", "nagios", "-H", "unix:///nonexistent/docker.sock");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).startsWith("SWARMWATCH CRITICAL - ").contains("socket /nonexistent/docker.sock does not exist");
    }

    @Test
    void checksCommandListsEveryKindWithItsOptions() throws Exception {
        Bed.Result r = Bed.swarmwatch("checks").orFail();
        assertThat(r.out()).contains("replicas  (per service)", "critical_below", "failed_tasks  (per service)",
                "window", "crash_loop", "nodes  (cluster-wide)", "drained_status", "quorum  (cluster-wide)");
    }
}
