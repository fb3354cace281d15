package dev.swarmwatch.tests;

import com.sun.net.httpserver.HttpServer;
import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.config.ConfigLoader;
import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.checks.swarm.SwarmSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The discovery section against the sandbox swarm: a service of this test's own carries
 * swarmwatch.http.* labels pointing at the cloud metadata address and at a loopback server; the
 * first is refused by the default deny rule without a packet sent, the second is probed. Every
 * config here keeps the metadata address refused: this test sends nothing beyond loopback.
 */
class DiscoveryTest {
    private static final String SERVICE = "cfgtest-" + UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicInteger HITS = new AtomicInteger();
    private static HttpServer health;

    @TempDir
    Path dir;

    @BeforeAll
    static void serviceWithLabels() throws Exception {
        health = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        health.createContext("/health", exchange -> {
            HITS.incrementAndGet();
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        health.start();
        Bed.docker("service", "create", "--detach", "--no-resolve-image", "--init", "--network", "host",
                "--name", SERVICE,
                "--label", "swarmwatch.http.metadata.url=http://169.254.169.254/latest/meta-data/",
                "--label", "swarmwatch.http.health.url=http://127.0.0.1:" + health.getAddress().getPort() + "/health",
                "--label", "swarmwatch.http.health.timeout=2s",
                "--label", "swarmwatch.http.byname.url=http://localhost:" + health.getAddress().getPort() + "/health",
                "swarmwatch/busybox:bed", "sleep", "100000").orFail();
    }

    @AfterAll
    static void removeService() throws Exception {
        try {
            Bed.docker("service", "rm", SERVICE).orFail();
        } finally {
            health.stop(0);
        }
    }

    @Test
    void aLabelTargetOnTheMetadataAddressIsUnknownNamingTheRuleAndLoopbackIsProbed() throws Exception {
        HealthReport report = Bed.cycle(Bed.sandbox(), config(""));

        CheckReport metadata = Bed.get(report, "http:" + SERVICE + ".metadata");
        assertThat(metadata.status()).isEqualTo(Status.UNKNOWN);
        assertThat(metadata.result().summary()).isEqualTo("labels of service " + SERVICE
                + ": host 169.254.169.254 is refused by discovery.deny rule 169.254.0.0/16");
        CheckReport probed = Bed.get(report, "http:" + SERVICE + ".health");
        assertThat(probed.status()).isEqualTo(Status.OK);
        assertThat(HITS.get()).isPositive();
        assertThat(Bed.get(report, "http:" + SERVICE + ".byname").status()).isEqualTo(Status.OK);
    }

    @Test
    void aDeniedNetworkRefusesANameThatResolvesIntoIt() throws Exception {
        HealthReport report = Bed.cycle(Bed.sandbox(), config("""
                discovery:
                  deny: [169.254.0.0/16, "fe80::/10", 127.0.0.0/8, "::1"]
                """));

        assertThat(Bed.get(report, "http:" + SERVICE + ".health").result().summary()).isEqualTo("labels of service "
                + SERVICE + ": host 127.0.0.1 is refused by discovery.deny rule 127.0.0.0/8");
        CheckReport byName = Bed.get(report, "http:" + SERVICE + ".byname");
        assertThat(byName.status()).isEqualTo(Status.UNKNOWN);
        assertThat(byName.result().summary()).matches("labels of service " + SERVICE
                + ": host localhost \\((127\\.0\\.0\\.1|0:0:0:0:0:0:0:1)\\) is refused by discovery\\.deny rule (127\\.0\\.0\\.0/8|::1)");
        assertThat(Bed.get(report, "http:" + SERVICE + ".metadata").status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void anAllowListRefusesWhatItDoesNotNameEvenWithTheDefaultDenyLifted() throws Exception {
        HealthReport report = Bed.cycle(Bed.sandbox(), config("""
                discovery:
                  allow: [127.0.0.0/8]
                  deny: []
                """));

        assertThat(Bed.get(report, "http:" + SERVICE + ".metadata").result().summary()).isEqualTo("labels of service "
                + SERVICE + ": host 169.254.169.254 matches no discovery.allow rule (127.0.0.0/8)");
        assertThat(Bed.get(report, "http:" + SERVICE + ".health").status()).isEqualTo(Status.OK);
    }

    @Test
    void labelDiscoveryTurnedOffForHttpDeclaresNoHttpTargetButKeepsTheSwarmChecks() throws Exception {
        HealthReport report = Bed.cycle(Bed.sandbox(), config("""
                discovery:
                  labels:
                    http: false
                """));

        assertThat(report.checks()).noneMatch(c -> c.id().startsWith("http:" + SERVICE));
        assertThat(Bed.find(report, "replicas:" + SERVICE)).isPresent();
    }

    private AgentConfig config(String yaml) throws Exception {
        Path file = dir.resolve("swarmwatch.yml");
        Files.writeString(file, yaml);
        return new ConfigLoader(Agent.kinds(new SwarmSource(null)), Map.of()).load(file);
    }
}
