package dev.swarmwatch.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The daemon's /metrics: promtool-clean, scraped by a real Prometheus, and without stale series. */
class MetricsTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process daemon;
    private String base;

    @TempDir
    Path dir;

    @BeforeEach
    void startDaemon() throws Exception {
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        daemon = new ProcessBuilder(Bed.REPO.resolve("swarmwatch").toString(), "run", "-H", Bed.sandbox().toString(),
                "--listen", "127.0.0.1:" + port, "--interval", "1s")
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile()).start();
        until(() -> get(base + "/healthz").statusCode() == 200, "daemon healthy");
    }

    @AfterEach
    void stopDaemon() throws Exception {
        daemon.destroy();
        daemon.waitFor(60, TimeUnit.SECONDS);
        http.close();
    }

    @Test
    void aRealScrapePassesPromtoolAndCarriesTheSwarmsGauges() throws Exception {
        String scrape = get(base + "/metrics").body();
        Path file = dir.resolve("scrape.txt");
        Files.writeString(file, scrape);
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectInput(file.toFile())
                .redirectErrorStream(true).start();
        String said = new String(promtool.getInputStream().readAllBytes());
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as(said).isZero();
        assertThat(scrape).contains("swarmwatch_service_replicas_desired{service=\"bed-unschedulable\",stack=\"\"} 2.0")
                .contains("swarmwatch_service_replicas_running{service=\"bed-healthy\",stack=\"bed\"} 2.0")
                .contains("swarmwatch_managers_reachable 1.0")
                .contains("swarmwatch_nodes{state=\"ready\"} 1.0")
                .contains("swarmwatch_check_status{check=\"replicas:bed-unschedulable\",kind=\"replicas\",subject=\"bed-unschedulable\"} 2.0")
                .containsPattern("swarmwatch_cluster_health_score \\d+\\.0")
                .contains("jvm_memory_used_bytes").contains("process_uptime_seconds");
    }

    @Test
    void aRealPrometheusScrapesTheAgentAndAnswersQueries() throws Exception {
        int port = freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: swarmwatch
                    static_configs:
                      - targets: ['%s']
                """.formatted(base.substring("http://".length())));
        Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            String api = "http://127.0.0.1:" + port + "/api/v1/query?query=";
            until(() -> value(api, "swarmwatch_cluster_health_score") != null, "prometheus has the score");
            assertThat(Double.parseDouble(value(api, "swarmwatch_cluster_health_score"))).isBetween(0.0, 100.0);
            assertThat(value(api, "swarmwatch_service_replicas_desired{service=\"bed-unschedulable\"}")).isEqualTo("2");
            assertThat(value(api, "up{job=\"swarmwatch\"}")).isEqualTo("1");
        } finally {
            prometheus.destroy();
            prometheus.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRemovedServiceLeavesNoStaleSeries() throws Exception {
        String name = "it-metrics-" + UUID.randomUUID().toString().substring(0, 8);
        Bed.docker("service", "create", "--detach", "--no-resolve-image", "--init", "--network", "host",
                "--name", name, "swarmwatch/busybox:bed", "sleep", "100000").orFail();
        try {
            until(() -> get(base + "/metrics").body().contains("service=\"" + name + "\""), "series of the new service");
        } finally {
            Bed.docker("service", "rm", name).orFail();
        }
        until(() -> !get(base + "/metrics").body().contains(name), "series of the removed service gone");
        assertThat(get(base + "/metrics").body()).doesNotContain(name);
    }

    private String value(String api, String query) throws IOException, InterruptedException {
        JsonNode answer = new ObjectMapper().readTree(get(api + URLEncoder.encode(query, StandardCharsets.UTF_8)).body());
        List<JsonNode> result = answer.path("data").path("result").findValues("value");
        return result.isEmpty() ? null : result.getFirst().get(1).asText();
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private interface Probe {
        boolean ok() throws Exception;
    }

    private void until(Probe probe, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (probe.ok()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not reached within 60s: " + what + "\n" + Files.readString(dir.resolve("daemon.log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
