package dev.swarmwatch.tests.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * stdout carries the report alone, also on the first run after a build, when the launcher trains
 * the JVM's start-up cache: {@code swarmwatch report --format json | jq .} must work then.
 */
class FreshBuildLauncherTest {
    private static final String SANDBOX = "unix://" + Path.of(System.getProperty("swarmwatch.bed", "/tmp/swarmwatch-bed"))
            .resolve("docker.sock");

    @Test
    void firstJsonReportAfterABuildIsPureJsonWithTheReportsExitCode(@TempDir Path dir) throws Exception {
        LauncherCopy copy = LauncherCopy.in(dir);
        assertThat(copy.archives()).isEmpty();

        LauncherCopy.Run first = copy.run(Map.of(), "report", "--format", "json", "-H", SANDBOX);

        assertThat(copy.archives()).as("the first report trains the start-up cache; stderr: " + first.err()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(first.out());
        assertThat(first.out().strip()).as("nothing after the JSON").endsWith("}");
        assertThat(first.out()).doesNotContain("AOT", "CDS", "Picked up");
        assertThat(json.get("schema").asText()).isEqualTo("swarmwatch.report/v1");
        assertThat(first.exit()).isEqualTo(json.get("exit_code").asInt()).isEqualTo(2);

        LauncherCopy.Run second = copy.run(Map.of(), "report", "--format", "json", "-H", SANDBOX);
        assertThat(new ObjectMapper().readTree(second.out()).get("exit_code").asInt()).isEqualTo(second.exit());
        assertThat(second.err()).isEmpty();
    }

    @Test
    void javaToolOptionsNoticeNeverReachesStdout(@TempDir Path dir) throws Exception {
        LauncherCopy copy = LauncherCopy.in(dir);
        LauncherCopy.Run r = copy.run(Map.of("JAVA_TOOL_OPTIONS", "-Dswarmwatch.test=1"),
                "report", "--format", "json", "-H", SANDBOX);
        assertThat(r.err()).contains("Picked up JAVA_TOOL_OPTIONS");
        assertThat(r.out()).doesNotContain("Picked up");
        assertThat(new ObjectMapper().readTree(r.out()).get("exit_code").asInt()).isEqualTo(r.exit());
    }
}
