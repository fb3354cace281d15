package dev.swarmwatch.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.config.ConfigLoader;
import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.checks.swarm.SwarmSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dev.swarmwatch.tests.Bed.get;
import static org.assertj.core.api.Assertions.assertThat;

/** Declared service checks (PostgreSQL, Patroni, Redis) from the config and from service labels, in one cycle with the swarm's. */
class ServiceChecksTest {
    private static final String PG_PASSWORD = "s3cret-for-tests";
    private static final String REDIS_PASSWORD = "s3cret-for-tests";

    @TempDir
    Path dir;

    private Path config() throws Exception {
        Files.writeString(dir.resolve("pg-password"), PG_PASSWORD + "\n");
        Files.writeString(dir.resolve("redis-password"), REDIS_PASSWORD + "\n");
        Path file = dir.resolve("swarmwatch.yml");
        Files.writeString(file, """
                engine:
                  host: %s
                targets:
                  postgres:
                    - name: main-db
                      host: 127.0.0.1
                      port: 5461
                      user: swarmwatch
                      password_file: pg-password
                      query: SELECT 1
                      role: primary
                    - name: gone-db
                      host: 127.0.0.1
                      port: 1
                  patroni:
                    - name: cluster
                      members: http://127.0.0.1:8001,http://127.0.0.1:8002,http://127.0.0.1:8003
                  redis:
                    - name: cache
                      host: 127.0.0.1
                      port: 6391
                      user: swarmwatch
                      password_file: redis-password
                      role: master
                """.formatted(Bed.sandbox()));
        return file;
    }

    @Test
    void declaredTargetsAreCheckedInTheSameCycleAsTheSwarm() throws Exception {
        AgentConfig config = new ConfigLoader(Agent.kinds(new SwarmSource(null)), Map.of()).load(config());
        HealthReport report = Bed.cycle(Bed.sandbox(), config);

        assertThat(get(report, "postgres:main-db").status()).isEqualTo(Status.OK);
        assertThat(get(report, "postgres:main-db").result().summary()).isEqualTo("accepting connections, role primary");
        assertThat(get(report, "postgres:gone-db").status()).isEqualTo(Status.CRITICAL);
        assertThat(get(report, "postgres:gone-db").result().summary()).startsWith("no response from 127.0.0.1:1: connection refused");
        assertThat(get(report, "patroni:cluster").status()).isEqualTo(Status.OK);
        assertThat(get(report, "patroni:cluster").result().summary()).matches("leader node\\d \\(timeline \\d+\\), 2/2 replicas streaming, max lag .*");
        assertThat(get(report, "redis:cache").status()).isEqualTo(Status.OK);
        assertThat(get(report, "redis:cache").result().summary()).startsWith("PONG in ").contains("role master");
        assertThat(get(report, "quorum:swarm").status()).isEqualTo(Status.OK);
        for (CheckReport c : report.checks()) {
            assertThat(c.result().summary() + c.result().details()).doesNotContain(PG_PASSWORD);
        }
    }

    @Test
    void serviceLabelsDeclareTargetsFromTheNextCycleAndARemovedServiceLeavesNone() throws Exception {
        String name = "it-labels-" + UUID.randomUUID().toString().substring(0, 8);
        try (Agent agent = new Agent(AgentConfig.defaults(), Bed.sandbox(), Clock.systemUTC())) {
            Bed.docker("service", "create", "--detach", "--no-resolve-image", "--init", "--network", "host",
                    "--name", name,
                    "--label", "swarmwatch.redis.host=127.0.0.1", "--label", "swarmwatch.redis.port=6392",
                    "--label", "swarmwatch.redis.role=replica", "--label", "swarmwatch.redis.password=default-pass-for-tests",
                    "--label", "swarmwatch.postgres.port=five",
                    "swarmwatch/busybox:bed", "sleep", "100000").orFail();
            try {
                HealthReport withLabels = next(agent);
                CheckReport redis = get(withLabels, "redis:" + name);
                assertThat(redis.subject().name()).isEqualTo(name);
                assertThat(redis.status()).isEqualTo(Status.OK);
                assertThat(redis.result().summary()).startsWith("PONG in ").contains("role replica");
                CheckReport badLabels = get(withLabels, "postgres:" + name);
                assertThat(badLabels.status()).isEqualTo(Status.UNKNOWN);
                assertThat(badLabels.result().summary()).isEqualTo("labels of service " + name + ": label swarmwatch.postgres.port:"
                        + " expected a whole number >= 0, got \"five\"; missing label swarmwatch.postgres.host");
            } finally {
                Bed.docker("service", "rm", name).orFail();
            }
            HealthReport after = next(agent);
            assertThat(Bed.find(after, "redis:" + name)).isEmpty();
            assertThat(Bed.find(after, "postgres:" + name)).isEmpty();
        }
    }

    @Test
    void theReportShowsDeclaredChecksInJson() throws Exception {
        Bed.Result r = Bed.swarmwatch("report", "--format", "json", "--config", config().toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode cache = null;
        for (JsonNode c : json.get("checks")) {
            if (c.get("id").asText().equals("redis:cache")) {
                cache = c;
            }
        }
        assertThat(cache).isNotNull();
        assertThat(cache.get("kind").asText()).isEqualTo("redis");
        assertThat(cache.get("name").asText()).isEqualTo("cache");
        assertThat(cache.get("subject").asText()).isEqualTo("swarm");
        assertThat(cache.get("status").asText()).isEqualTo("OK");
        assertThat(r.out()).doesNotContain(REDIS_PASSWORD);
    }

    @Test
    void theNagiosLineCarriesDeclaredChecksAndTheirPerfdata() throws Exception {
        Bed.Result r = Bed.swarmwatch("report", "--format", "nagios", "--config", config().toString());
        assertThat(r.out()).contains("CRITICAL: swarm postgres gone-db no response from 127.0.0.1:1")
                .containsPattern("'main-db\\.time'=[0-9.]+s;")
                .containsPattern("'cache\\.time'=[0-9.]+s;")
                .containsPattern("'cluster\\.replicas_streaming'=2;")
                .doesNotContain(PG_PASSWORD);
        assertThat(r.exit()).isEqualTo(2);
    }

    private static HealthReport next(Agent agent) throws Exception {
        return agent.runOnce().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
