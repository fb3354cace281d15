package dev.swarmwatch.agent.config;

import dev.swarmwatch.agent.config.AgentConfig.TargetSettings;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.swarm.SwarmKinds;
import dev.swarmwatch.checks.swarm.SwarmSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The targets section: declared checks, one list per declared kind. */
class TargetsConfigTest {
    @TempDir
    Path dir;

    private AgentConfig load(String yaml) throws Exception {
        List<CheckKind> kinds = new ArrayList<>(SwarmKinds.all(new SwarmSource(null)));
        kinds.add(TestKinds.endpoint());
        Path file = dir.resolve("t.yml");
        Files.writeString(file, yaml);
        return new ConfigLoader(kinds, Map.of()).load(file);
    }

    private String problems(String yaml) {
        return assertThatThrownBy(() -> load(yaml)).isInstanceOf(ConfigException.class)
                .actual().getMessage().replace(dir.resolve("t.yml").toString(), "t.yml");
    }

    @Test
    void targetsAreReadInOrderWithTheirServiceOptionsAndSecretFiles() throws Exception {
        Files.writeString(dir.resolve("token"), "s3cret\n");
        AgentConfig config = load("""
                checks:
                  endpoint:
                    timeout: 2s
                targets:
                  endpoint:
                    - name: api
                      service: web
                      url: http://127.0.0.1:8080/health
                      token_file: token
                    - name: docs
                      url: http://127.0.0.1:8080/docs
                      timeout: 9s
                """);
        assertThat(config.targets().get("endpoint")).containsExactly(
                new TargetSettings("api", "web", Map.of("url", "http://127.0.0.1:8080/health", "token", "s3cret")),
                new TargetSettings("docs", "", Map.of("url", "http://127.0.0.1:8080/docs", "timeout", Duration.ofSeconds(9))));
        assertThat(config.checks().get("endpoint").options()).containsEntry("timeout", Duration.ofSeconds(2));
    }

    @Test
    void aRequiredOptionMayComeFromTheKindWideSection() throws Exception {
        AgentConfig config = load("""
                checks:
                  endpoint:
                    url: http://shared/
                targets:
                  endpoint:
                    - name: a
                """);
        assertThat(config.targets().get("endpoint")).containsExactly(new TargetSettings("a", "", Map.of()));
    }

    @Test
    void everyTargetProblemIsReportedWithItsPosition() {
        assertThat(problems("""
                targets:
                  endpoint:
                    - url: http://a/
                    - name: b
                    - name: c d
                      url: http://c/
                    - name: e
                      url: http://e/
                      tiemout: 3s
                    - name: e
                      url: http://e2/
                  websocket:
                    - name: x
                """)).isEqualTo("""
                t.yml:3:7 targets.endpoint[0].name: missing: every target needs a name
                t.yml:4:7 targets.endpoint[1].url: missing: every endpoint target needs url
                t.yml:5:13 targets.endpoint[2].name: expected a name of letters, digits, '.', '_' and '-', got "c d"
                t.yml:9:7 targets.endpoint[3].tiemout: unknown key (expected one of: name, service, url, token, timeout)
                t.yml:10:7 targets.endpoint[4]: duplicate target name e (first at line 7)
                t.yml:12:3 targets.websocket: unknown target kind (known: endpoint)""");
    }

    @Test
    void targetsMustBeAListAndDeclaredKindsAreNotSetPerService() {
        assertThat(problems("""
                targets:
                  endpoint:
                    name: a
                services:
                  web:
                    endpoint:
                      url: http://x/
                """)).isEqualTo("""
                t.yml:3:5 targets.endpoint: expected a list of targets, got a mapping
                t.yml:6:5 services.web.endpoint: endpoint checks are declared under targets.endpoint (with service: web) or with swarmwatch.endpoint.* labels on the service""");
    }
}
