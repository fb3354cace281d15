package dev.swarmwatch.agent.daemon;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.alerts.Notifiers;
import dev.swarmwatch.alerts.config.AlertsConfig;
import dev.swarmwatch.alerts.config.ReceiverConfig;
import dev.swarmwatch.alerts.outbox.OutboxPolicy;
import dev.swarmwatch.alerts.pipeline.AlertPipeline;
import dev.swarmwatch.alerts.webhook.WebhookKind;
import dev.swarmwatch.checks.spi.Options;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daemon with alerting whose store cannot be opened (its state_dir is under a regular file): the
 * checks run on, /healthz is degraded with the reason, the metric says 0, and the alert endpoints
 * sit behind the bearer token with their own Allow headers. The engine is a socket that does not
 * exist, so every cycle is a real, failing one.
 */
class DaemonAlertsTest {
    @TempDir
    Path tmp;

    @Test
    void aStoreThatCannotOpenDegradesHealthzButNeverStopsTheChecks() throws Exception {
        Files.writeString(tmp.resolve("file"), "not a directory");
        Options hook = Options.defaults(new WebhookKind().options()).with(Map.of("url", "http://127.0.0.1:9/hook"));
        AlertsConfig alerts = new AlertsConfig(tmp.resolve("file/state"), Map.of("ops", new ReceiverConfig("ops", "webhook", hook)),
                Optional.empty(), List.of(), List.of(), Map.of(), true);
        Agent agent = new Agent(AgentConfig.defaults(), URI.create("unix://" + tmp.resolve("no-docker.sock")), Clock.systemUTC());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        AlertPipeline pipeline = AlertPipeline.open(agent.vertx(), alerts, Notifiers.all(), Clock.systemUTC(), OutboxPolicy.DEFAULTS,
                "http://127.0.0.1", AlertPipeline.Events.NONE).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Daemon daemon = new Daemon(agent, Duration.ofSeconds(1), Clock.systemUTC(), new PrintStream(log, true, StandardCharsets.UTF_8),
                "unix:///nowhere", Optional.of("tok"), false, Optional.of(pipeline));
        int port = daemon.start("127.0.0.1", 0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        String base = "http://127.0.0.1:" + port;
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> health = null;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < until) {
                health = send(http, "GET", base + "/healthz", null);
                if (health.body().contains("\"cycles\":2")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(health.statusCode()).isEqualTo(200);
            JsonObject status = new JsonObject(health.body());
            assertThat(status.getString("status")).isEqualTo("degraded");
            assertThat(status.getString("reason")).startsWith("alert store degraded: ").contains(tmp.resolve("file").toString());

            assertThat(send(http, "GET", base + "/metrics", null).statusCode()).isEqualTo(401);
            assertThat(send(http, "GET", base + "/api/v1/alerts", null).statusCode()).isEqualTo(401);
            assertThat(send(http, "GET", base + "/metrics", "tok").body()).contains("swarmwatch_alert_store_healthy 0.0")
                    .contains("swarmwatch_outbox_depth{receiver=\"ops\"} 0.0");
            HttpResponse<String> api = send(http, "GET", base + "/api/v1/alerts", "tok");
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(api.body()).getJsonObject("outbox").getJsonObject("store").getBoolean("healthy")).isFalse();

            HttpResponse<String> put = send(http, "PUT", base + "/api/v1/alerts", "tok");
            assertThat(put.statusCode()).isEqualTo(405);
            assertThat(put.headers().firstValue("allow")).contains("GET, HEAD");
            HttpResponse<String> post = send(http, "POST", base + "/api/v1/status", "tok");
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("allow")).contains("GET, HEAD");
        } finally {
            daemon.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            pipeline.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            agent.close();
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("event=cycle cycle=2 status=CRITICAL").doesNotContain("tok\"");
    }

    private static HttpResponse<String> send(HttpClient http, String method, String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
