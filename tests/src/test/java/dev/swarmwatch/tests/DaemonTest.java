package dev.swarmwatch.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** swarmwatch run as a real process: cycles, /healthz, /api/v1/status, the health command, a graceful SIGTERM. */
class DaemonTest {

    @Test
    void daemonServesHealthAndStatusAndStopsGracefullyOnSigterm(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        Path log = dir.resolve("daemon.log");
        Process daemon = new ProcessBuilder(Bed.REPO.resolve("swarmwatch").toString(), "run", "-H", Bed.sandbox().toString(),
                "--listen", "127.0.0.1:" + port, "--interval", "1s")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<String> health = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                try {
                    health = http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        break;
                    }
                } catch (java.io.IOException notYetListening) {
                    // the JVM is still starting
                }
                Thread.sleep(250);
            }
            assertThat(health).as(Files.readString(log)).isNotNull();
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).startsWith("{\"status\":\"ok\",\"cycles\":");

            JsonNode status = new ObjectMapper().readTree(
                    http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/status")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(status.get("schema").asText()).isEqualTo("swarmwatch.report/v1");
            assertThat(status.get("engine").get("api_calls").asInt()).isEqualTo(4);
            assertThat(status.get("checks").findValuesAsText("id")).contains("replicas:bed-healthy", "quorum:swarm");

            Bed.Result probe = Bed.swarmwatch("health", "--url", base + "/healthz");
            assertThat(probe.exit()).isZero();
        }

        daemon.destroy(); // SIGTERM
        assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(daemon.exitValue()).isEqualTo(143);
        String lines = Files.readString(log);
        assertThat(lines).contains("event=started listen=127.0.0.1:" + port + " interval_ms=1000")
                .containsPattern("event=cycle cycle=1 status=CRITICAL score=\\d+ checks=\\d+ not_ok=\\d+ duration_ms=\\d+ docker_api_calls=4")
                .containsPattern("event=stopped cycles=\\d+");
        assertThat(Bed.swarmwatch("health", "--url", base + "/healthz").exit()).isEqualTo(1);
    }

    @Test
    void aBearerTokenGuardsMetricsAndStatusButNotHealthz(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path token = dir.resolve("token");
        Files.writeString(token, "t0ken-for-tests\n");
        String base = "http://127.0.0.1:" + port;
        Process daemon = new ProcessBuilder(Bed.REPO.resolve("swarmwatch").toString(), "run", "-H", Bed.sandbox().toString(),
                "--listen", "127.0.0.1:" + port, "--interval", "1s", "--bearer-token-file", token.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile()).start();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            int health = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (health != 200 && System.nanoTime() < deadline) {
                try {
                    health = http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (java.io.IOException notYetListening) {
                    Thread.sleep(250);
                }
            }
            assertThat(health).isEqualTo(200);
            for (String path : new String[]{"/metrics", "/api/v1/status"}) {
                assertThat(http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()).as(path).isEqualTo(401);
                assertThat(http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer wrong").build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()).as(path).isEqualTo(401);
                assertThat(http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer t0ken-for-tests").build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()).as(path).isEqualTo(200);
            }
        } finally {
            daemon.destroy();
            daemon.waitFor(60, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(dir.resolve("daemon.log"))).doesNotContain("t0ken-for-tests");
    }

    @Test
    void aBadListenAddressIsRejectedBeforeAnythingRuns() throws Exception {
        Bed.Result r = Bed.swarmwatch("run", "-H", Bed.sandbox().toString(), "--listen", "nowhere");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("swarmwatch: bad option: --listen: expected host:port with a port from 1 to 65535, got \"nowhere\"");
    }
}
