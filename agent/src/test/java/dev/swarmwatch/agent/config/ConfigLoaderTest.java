package dev.swarmwatch.agent.config;

import dev.swarmwatch.agent.config.AgentConfig.KindSettings;
import dev.swarmwatch.agent.config.AgentConfig.ServiceSettings;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.checks.swarm.SwarmKinds;
import dev.swarmwatch.checks.swarm.SwarmSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConfigLoaderTest {
    private static final List<CheckKind> SWARM = SwarmKinds.all(new SwarmSource(null));

    @TempDir
    Path dir;

    @Test
    void fullConfigMapsEveryValueToItsParsedType() throws Exception {
        Path file = write("swarmwatch.yml", """
                # every key of the schema
                engine:
                  host: tcp://manager-1:2375
                  timeout: 3s
                interval: 30s
                timeout: 500ms
                checks:
                  quorum:
                    enabled: false
                  nodes:
                    down_status: warning
                    drained_status: UNKNOWN
                  replicas:
                    critical_below: 2
                  failed_tasks:
                    window: 1h
                    warning_at: 0
                    crash_loop: 5
                services:
                  web:
                    ignore: false
                    replicas:
                      critical_below: 3
                    failed_tasks:
                      enabled: false
                  batch_worker:
                    ignore: true
                """);

        AgentConfig config = load(file, Map.of());

        assertThat(config).isEqualTo(new AgentConfig(
                Optional.of(URI.create("tcp://manager-1:2375")), Duration.ofSeconds(3), Duration.ofSeconds(30),
                Duration.ofMillis(500),
                Map.of("quorum", new KindSettings(false, Map.of()),
                        "nodes", new KindSettings(true, Map.of("down_status", Status.WARNING,
                                "drained_status", Status.UNKNOWN)),
                        "replicas", new KindSettings(true, Map.of("critical_below", 2)),
                        "failed_tasks", new KindSettings(true, Map.of("window", Duration.ofHours(1),
                                "warning_at", 0, "crash_loop", 5))),
                Map.of("web", new ServiceSettings(false, Map.of(
                                "replicas", new KindSettings(true, Map.of("critical_below", 3)),
                                "failed_tasks", new KindSettings(false, Map.of()))),
                        "batch_worker", new ServiceSettings(true, Map.of())), Map.of(), AgentConfig.Discovery.DEFAULT,
                dev.swarmwatch.alerts.config.AlertsConfig.none(), Optional.empty(), Optional.empty()));
    }

    @Test
    void emptyFileGivesTheDefaults() throws Exception {
        assertThat(load(write("empty.yml", ""), Map.of())).isEqualTo(AgentConfig.defaults());
    }

    @Test
    void fileWithOnlyCommentsGivesTheDefaults() throws Exception {
        Path file = write("comments.yml", "# swarmwatch config\n# nothing set yet\n");

        assertThat(load(file, Map.of())).isEqualTo(AgentConfig.defaults());
    }

    @Test
    void emptySectionsMeanNoOverrides() throws Exception {
        Path file = write("empty-sections.yml", """
                engine:
                checks:
                  replicas:
                  nodes: ~
                services:
                  web:
                """);

        AgentConfig config = load(file, Map.of());

        assertThat(config.engineHost()).isEmpty();
        assertThat(config.checks()).isEqualTo(Map.of("replicas", KindSettings.DEFAULT, "nodes", KindSettings.DEFAULT));
        assertThat(config.services()).isEqualTo(Map.of("web", new ServiceSettings(false, Map.of())));
    }

    @Test
    void unixSocketHostIsKeptAsAUri() throws Exception {
        Path file = write("unix.yml", "engine:\n  host: unix:///run/user/1000/docker.sock\n");

        assertThat(load(file, Map.of()).engineHost()).contains(URI.create("unix:///run/user/1000/docker.sock"));
    }

    @Test
    void environmentVariablesAreExpandedWithTheirDefaultsWhenUnset() throws Exception {
        Path file = write("env.yml", """
                interval: ${SWARMWATCH_INTERVAL:-45s}
                engine:
                  host: tcp://${MANAGER}:${PORT:-2375}
                """);

        AgentConfig config = load(file, Map.of("MANAGER", "manager-2"));

        assertThat(config.interval()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.engineHost()).contains(URI.create("tcp://manager-2:2375"));
    }

    @Test
    void setEnvironmentVariableWinsOverItsDefault() throws Exception {
        Path file = write("env.yml", "interval: ${SWARMWATCH_INTERVAL:-45s}\n");

        assertThat(load(file, Map.of("SWARMWATCH_INTERVAL", "2m")).interval()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void valueIsReadFromTheFileNamedByItsFileKey() throws Exception {
        Files.writeString(dir.resolve("docker_host"), "tcp://manager-3:2376\n\n");
        Path secrets = Files.createDirectory(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("critical_below"), "4\n");
        Path file = write("secrets.yml", """
                engine:
                  host_file: docker_host
                services:
                  web:
                    replicas:
                      critical_below_file: ${SECRETS}/critical_below
                """);

        AgentConfig config = load(file, Map.of("SECRETS", secrets.toString()));

        assertThat(config.engineHost()).contains(URI.create("tcp://manager-3:2376"));
        assertThat(config.services().get("web").checks().get("replicas").options())
                .isEqualTo(Map.of("critical_below", 4));
    }

    @Test
    void secretFileContentNeverAppearsInAProblem() throws Exception {
        Files.writeString(dir.resolve("host"), "tcp://admin:s3cr3t-pa55@manager-1\n");
        Path file = write("leak.yml", "engine:\n  host_file: host\n");

        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> load(file, Map.of()))
                .satisfies(e -> assertThat(e.getMessage())
                        .isEqualTo(file + ":2:14 engine.host_file: content of " + dir.resolve("host")
                                + " is not unix:///absolute/path or tcp://host:port")
                        .doesNotContain("s3cr3t"));
    }

    @Test
    void doubleDollarBraceIsALiteralDollarBrace() throws Exception {
        Path file = write("escape.yml", """
                checks:
                  probe:
                    template: "$${HOST} costs $5 and ${WHO}"
                """);

        AgentConfig config = new ConfigLoader(List.of(TestKinds.probe()), Map.of("WHO", "ops", "HOST", "nope"))
                .load(file);

        assertThat(config.checks().get("probe").options()).isEqualTo(Map.of("template", "${HOST} costs $5 and ops"));
    }

    @Test
    void scalarsAreReadAsWrittenNotAsYamlGuessesThem() throws Exception {
        Path file = write("quoted.yml", """
                checks:
                  replicas:
                    enabled: "false"
                    critical_below: '2'
                """);

        assertThat(load(file, Map.of()).checks().get("replicas")).isEqualTo(new KindSettings(false,
                Map.of("critical_below", 2)));
    }

    @Test
    void problemsCarryTheirPositionAndPath() throws Exception {
        Path file = write("bad.yml", "checks:\n  replicas:\n    critical_below: lots\n");

        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> load(file, Map.of()))
                .satisfies(e -> assertThat(e.problems()).containsExactly(new ConfigProblem(file.toString(), 3, 21,
                        "checks.replicas.critical_below", "expected a whole number >= 0, got \"lots\"")));
    }

    @Test
    void missingConfigFileIsOneProblem() {
        Path missing = dir.resolve("missing.yml");

        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> load(missing, Map.of()))
                .withMessage(missing + ":1:1 (document): cannot read " + missing + ": no such file");
    }

    @Test
    void kindsThatWouldShadowSchemaKeysAreRefused() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> new ConfigLoader(List.of(TestKinds.probe(), TestKinds.probe()), Map.of()))
                .withMessage("check kind registered twice: probe");
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> new ConfigLoader(List.of(TestKinds.withOption("enabled")), Map.of()))
                .withMessage("check kind probe declares an option named enabled, which every kind already has");
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private static AgentConfig load(Path file, Map<String, String> environment) throws ConfigException {
        return new ConfigLoader(SWARM, environment).load(file);
    }
}
