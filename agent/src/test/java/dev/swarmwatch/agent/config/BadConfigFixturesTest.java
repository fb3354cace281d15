package dev.swarmwatch.agent.config;

import dev.swarmwatch.checks.swarm.SwarmKinds;
import dev.swarmwatch.checks.swarm.SwarmSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every {@code config/bad/NAME.yml} must fail with exactly the text of {@code NAME.expected}; adding
 * a case is adding those two files. File paths in messages are shown relative to the fixture folder.
 */
class BadConfigFixturesTest {
    private static final Map<String, String> ENVIRONMENT = Map.of("SWARMWATCH_TEST_SET", "20s");

    private final ConfigLoader loader = new ConfigLoader(SwarmKinds.all(new SwarmSource(null)),
            TestNotifierKinds.all(), ENVIRONMENT);

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".yml"))
                    .map(name -> name.substring(0, name.length() - ".yml".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void badConfigIsRejectedWithExactlyTheExpectedProblems(String name) throws Exception {
        Path folder = folder();
        String expected = Files.readString(folder.resolve(name + ".expected")).stripTrailing();

        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> loader.load(folder.resolve(name + ".yml")));

        assertThat(error).as("%s.yml must be rejected", name).isNotNull();
        assertThat(error.getMessage().replace(folder + folder.getFileSystem().getSeparator(), ""))
                .isEqualTo(expected);
        assertThat(error.problems()).hasSize((int) expected.lines().count());
    }

    @Test
    void everyCaseTheBriefListsHasAFixture() throws Exception {
        List<String> names = fixtures().toList();

        assertThat(names).contains("unknown-top-level-key", "unknown-nested-key", "unknown-check-kind",
                "unknown-option", "cluster-kind-per-service", "bad-duration", "bad-integer-negative",
                "bad-integer-text", "bad-boolean", "bad-status", "sequence-for-mapping", "duplicate-key",
                "unset-env-var", "both-value-and-file", "unreadable-file", "bad-engine-host-scheme",
                "yaml-syntax-error", "several-problems");
    }

    private static Path folder() throws URISyntaxException {
        return Path.of(BadConfigFixturesTest.class.getResource("/config/bad").toURI());
    }
}
