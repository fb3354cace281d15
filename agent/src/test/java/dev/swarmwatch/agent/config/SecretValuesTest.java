package dev.swarmwatch.agent.config;

import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.OptionType;
import dev.swarmwatch.checks.swarm.SwarmSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The secret values a loaded config holds, wherever and however they were given. */
class SecretValuesTest {
    @TempDir
    Path dir;

    @Test
    void everySecretOfTheConfigIsCollectedHoweverItWasGiven() throws Exception {
        Files.writeString(dir.resolve("redis.pass"), "from-a-file-7777\n");
        Path file = dir.resolve("swarmwatch.yml");
        Files.writeString(file, """
                checks:
                  postgres:
                    password: kind-wide-pg-1111
                targets:
                  postgres:
                    - name: db
                      host: 127.0.0.1
                      password: inline-pg-2222
                  redis:
                    - name: cache
                      host: 127.0.0.1
                      password_file: redis.pass
                  http:
                    - name: api
                      url: https://ops:userinfo-3333@api.example.test/health?token=query-4444&page=1
                      authorization: ${API_AUTH}
                      headers: |
                        Accept: text/plain
                        X-Api-Key: header-key-5555
                receivers:
                  chat:
                    slack:
                      url: https://hooks.slack.com/services/T0/B0/slack-8888
                  ops:
                    webhook:
                      url: https://hooks.example.test/swarm
                      secret: hmac-9999
                """);
        AgentConfig config = new ConfigLoader(Agent.kinds(new SwarmSource(null)), dev.swarmwatch.alerts.Notifiers.all(),
                Map.of("API_AUTH", "Bearer env-tok-6666")).load(file);

        assertThat(SecretValues.of(config, Agent.kinds(new SwarmSource(null)), dev.swarmwatch.alerts.Notifiers.all()))
                .contains("kind-wide-pg-1111", "inline-pg-2222", "from-a-file-7777", "userinfo-3333", "query-4444",
                        "Bearer env-tok-6666", "env-tok-6666", "header-key-5555",
                        "https://hooks.slack.com/services/T0/B0/slack-8888", "hmac-9999")
                .doesNotContain("127.0.0.1", "text/plain", "1", "api", "db");
    }

    @Test
    void anyConfigSectionWithOptionSpecsAddsItsOwnSecrets() {
        List<OptionSpec> receiver = List.of(OptionSpec.secret("url", "webhook URL"),
                OptionSpec.optional("channel", OptionType.STRING, "channel"));
        assertThat(SecretValues.of(receiver, Map.of("url", "https://hooks.slack.com/services/T1/B2/xyz", "channel", "#ops")))
                .contains("https://hooks.slack.com/services/T1/B2/xyz", "T1/B2/xyz").doesNotContain("#ops");
    }
}
