package dev.swarmwatch.agent.config;

import dev.swarmwatch.agent.run.Agent;
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

    private final ConfigLoader loader = new ConfigLoader(Agent.kinds(new SwarmSource(null)),
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
                "yaml-syntax-error", "several-problems",
                // values checked when the config loads, not when a probe first runs
                "http-url-file-scheme", "http-url-no-host", "http-url-port-out-of-range", "http-url-syntax",
                "http-bad-regex", "http-bad-status-spec", "http-bad-method", "http-bad-header",
                "redis-missing-ca-file", "redis-ca-file-not-a-certificate", "patroni-bad-member",
                "postgres-port-out-of-range",
                // overflow, limits and blank keys in an operator's words
                "integer-overflow", "duration-overflow", "yaml-too-deep", "yaml-flow-too-deep", "blank-key",
                // files that are no regular files
                "secret-file-is-directory", "secret-file-is-device",
                "discovery-bad-network", "discovery-unknown-kind");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void noExpectedMessageSpeaksJava(String name) throws Exception {
        String expected = Files.readString(folder().resolve(name + ".expected")).replace(name + ".yml", "");

        assertThat(expected).doesNotContainIgnoringCase("internal error").doesNotContain("For input string")
                .doesNotContain("overflow").doesNotContain("null").doesNotContain("Exception");
    }

    private static Path folder() throws URISyntaxException {
        return Path.of(BadConfigFixturesTest.class.getResource("/config/bad").toURI());
    }
}
