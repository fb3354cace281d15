package dev.swarmwatch.agent.config;

import dev.swarmwatch.agent.config.AgentConfig.Discovery;
import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.checks.swarm.HostRule;
import dev.swarmwatch.checks.swarm.HostRules;
import dev.swarmwatch.checks.swarm.SwarmSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the stricter checks must still accept: every value shape the README shows, and the discovery section. */
class ValidValuesTest {
    @TempDir
    Path dir;

    private AgentConfig load(String yaml) throws Exception {
        Path file = dir.resolve("swarmwatch.yml");
        Files.writeString(file, yaml);
        return new ConfigLoader(Agent.kinds(new SwarmSource(null)), Map.of()).load(file);
    }

    @Test
    void targetsOfEveryKindWithValidValuesLoad() throws Exception {
        Path ca = dir.resolve("ca.pem");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=swarmwatch-test",
                "-keyout", dir.resolve("ca.key").toString(), "-out", ca.toString());
        AgentConfig config = load("""
                targets:
                  http:
                    - name: web-health
                      service: web
                      url: http://{{address}}:8080/health
                      method: head
                      headers: |
                        Accept: application/json
                        X-Trace: a b c
                      expect_status: 200-299,301
                      body_regex: "status.*(up|ok)"
                      json_pointer: /status
                      json_equals: UP
                    - name: slots
                      url: http://127.0.1.{{slot}}:18080/
                    - name: v6
                      url: https://[::1]:8443/health?deep=1
                  postgres:
                    - name: db
                      host: db.internal
                      port: 5432
                      role: standby
                  patroni:
                    - name: pg
                      members: http://db1:8008, http://db2:8008,https://10.0.0.3:8008/
                      primary: http://db1:8008
                      replicas: http://db2:8008
                  redis:
                    - name: cache
                      host: 127.0.0.1
                      tls: %s
                      role: replica
                """.formatted(ca));

        assertThat(config.targets()).containsOnlyKeys("http", "postgres", "patroni", "redis");
        assertThat(config.targets().get("http")).hasSize(3);
        assertThat(config.discovery()).isEqualTo(Discovery.DEFAULT);
    }

    @Test
    void discoveryReadsLabelSwitchesAndHostRulesAsListsOrOneValue() throws Exception {
        AgentConfig config = load("""
                discovery:
                  labels:
                    postgres: false
                  allow: 10.0.0.0/8, *.internal
                  deny:
                    - 169.254.0.0/16
                    - 10.9.0.0/16
                """);

        Discovery discovery = config.discovery();
        assertThat(discovery.labels("postgres")).isFalse();
        assertThat(discovery.labels("http")).isTrue();
        assertThat(discovery.hosts()).isEqualTo(new HostRules(
                List.of(HostRule.parse("10.0.0.0/8"), HostRule.parse("*.internal")),
                List.of(HostRule.parse("169.254.0.0/16"), HostRule.parse("10.9.0.0/16"))));
    }

    @Test
    void labelsFalseSwitchesEveryDeclaredKindOffAndAnEmptyDenyLiftsTheDefault() throws Exception {
        Discovery discovery = load("""
                discovery:
                  labels: false
                  deny: []
                """).discovery();

        assertThat(List.of("http", "postgres", "patroni", "redis")).noneMatch(discovery::labels);
        assertThat(discovery.hosts().deny()).isEmpty();
        assertThat(discovery.hosts().refusal("169.254.169.254")).isEmpty();
    }

    @Test
    void theReadmeDiscoveryExampleLoadsAsDocumented() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("```yaml\ndiscovery:");
        String example = readme.substring(start + "```yaml\n".length(), readme.indexOf("```", start + 7));

        Discovery discovery = load(example).discovery();

        assertThat(discovery.labels("postgres")).isFalse();
        assertThat(discovery.labels("http")).isTrue();
        assertThat(discovery.hosts().refusal("10.1.2.3")).isEmpty();
        assertThat(discovery.hosts().refusal("10.9.0.1")).hasValue("host 10.9.0.1 is refused by discovery.deny rule 10.9.0.0/16");
        assertThat(discovery.hosts().refusal("192.168.1.1")).hasValue(
                "host 192.168.1.1 matches no discovery.allow rule (10.0.0.0/8, 127.0.0.1, *.internal)");
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
    }
}
