package dev.swarmwatch.agent.run;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.config.ConfigLoader;
import dev.swarmwatch.checks.swarm.SwarmSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CycleDeadlineTest {
    @TempDir
    Path dir;

    @Test
    void deadlineIsTheLargestCheckTimeoutPlusTheEngineTimeoutUnlessCycleTimeoutSaysOtherwise() throws Exception {
        Path derived = Files.writeString(dir.resolve("derived.yml"), """
                engine:
                  timeout: 3s
                timeout: 4s
                checks:
                  http:
                    timeout: 9s
                """);
        assertThat(CycleDeadline.of(load(derived))).isEqualTo(Duration.ofSeconds(12));

        Path set = Files.writeString(dir.resolve("set.yml"), """
                engine:
                  timeout: 3s
                cycle_timeout: 7s
                """);
        assertThat(CycleDeadline.of(load(set))).isEqualTo(Duration.ofSeconds(7));
    }

    private static AgentConfig load(Path file) throws Exception {
        return new ConfigLoader(Agent.kinds(new SwarmSource(null)), Map.of()).load(file);
    }
}
