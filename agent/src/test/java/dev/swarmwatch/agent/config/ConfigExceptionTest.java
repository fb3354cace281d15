package dev.swarmwatch.agent.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConfigExceptionTest {

    @Test
    void messageIsOneProblemPerLineInCompilerStyle() {
        ConfigException e = new ConfigException(List.of(
                new ConfigProblem("etc/swarmwatch.yml", 3, 9, "engine.host", "first"),
                new ConfigProblem("etc/swarmwatch.yml", 12, 1, ConfigProblem.DOCUMENT, "second")));

        assertThat(e.getMessage()).isEqualTo("""
                etc/swarmwatch.yml:3:9 engine.host: first
                etc/swarmwatch.yml:12:1 (document): second""");
        assertThat(e.problems()).hasSize(2);
    }

    @Test
    void problemsAreValidated() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ConfigException(List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new ConfigProblem("f", 0, 1, "a", "m"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ConfigProblem("f", 1, 1, "", "m"));
    }
}
