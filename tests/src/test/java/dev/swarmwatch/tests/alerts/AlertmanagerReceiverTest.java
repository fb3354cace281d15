package dev.swarmwatch.tests.alerts;

import dev.swarmwatch.alerts.alertmanager.AlertmanagerKind;
import dev.swarmwatch.alerts.notify.Alert;
import dev.swarmwatch.alerts.notify.AlertStatus;
import dev.swarmwatch.alerts.notify.Notification;
import dev.swarmwatch.alerts.notify.Notifier;
import dev.swarmwatch.alerts.notify.NotifierKind;
import dev.swarmwatch.alerts.outbox.Outbox;
import dev.swarmwatch.alerts.outbox.OutboxPolicy;
import dev.swarmwatch.alerts.outbox.ReceiverStats;
import dev.swarmwatch.alerts.store.AlertStore;
import dev.swarmwatch.checks.spi.Options;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** A real Alertmanager (Debian prometheus-alertmanager) on loopback, gossip off, its own storage. */
class AlertmanagerReceiverTest {
    @TempDir
    static Path dir;
    private static Process alertmanager;
    private static String base;

    @BeforeAll
    static void startAlertmanager() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("am.yml");
        Files.writeString(config, "route: {receiver: hook, group_wait: 1s}\nreceivers: [{name: hook}]\n");
        alertmanager = new ProcessBuilder("prometheus-alertmanager", "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(dir.resolve("am.log").toFile()).start();
        base = "http://127.0.0.1:" + port;
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("alertmanager (pid " + alertmanager.pid() + ") not ready: " + Files.readString(dir.resolve("am.log")));
    }

    @AfterAll
    static void stopAlertmanager() throws InterruptedException {
        if (alertmanager != null) {
            alertmanager.destroy();
            if (!alertmanager.waitFor(10, TimeUnit.SECONDS)) {
                alertmanager.destroyForcibly();
            }
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static JsonArray awaitAlerts(Predicate<JsonArray> done) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonArray alerts = new JsonArray();
        while (System.nanoTime() < end) {
            alerts = new JsonArray(get("/api/v2/alerts").body());
            if (done.test(alerts)) {
                return alerts;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("alertmanager never got there: " + alerts.encode());
    }

    @Test
    void alertsSentAppearWithTheirLabelsAndResolve() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (AlertStore store = AlertStore.open(dir.resolve("state"))) {
            Clock clock = Clock.systemUTC();
            AlertmanagerKind kind = new AlertmanagerKind();
            Notifier am = kind.create("am", Options.defaults(kind.options()).with(Map.of("urls", base)),
                    new NotifierKind.Context(vertx, WebClient.create(vertx), clock, "http://swarmwatch.test:9090"));
            Outbox outbox = new Outbox(vertx, store, Map.of("am", am), OutboxPolicy.DEFAULTS, clock, new SplittableRandom(1));
            outbox.start().toCompletionStage().toCompletableFuture().join();
            Instant t0 = Instant.now().minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            Map<String, String> labels = Map.of("alertname", "ReplicasMissing", "severity", "critical", "service", "web",
                    "stack", "shop", "node", "node-1", "kind", "replicas", "check", "replicas:web");
            Alert firing = new Alert("fp-web", labels, Map.of("summary", "web 0/2 running"), AlertStatus.FIRING, t0,
                    Optional.empty(), List.of());
            outbox.commit("{}", List.of(new Notification("n-fire", "am", "g", AlertStatus.FIRING, Map.of(), List.of(firing), Instant.now())))
                    .toCompletionStage().toCompletableFuture().join();

            JsonArray shown = awaitAlerts(a -> a.size() == 1);
            JsonObject alert = shown.getJsonObject(0);
            assertThat(alert.getJsonObject("labels").getMap()).isEqualTo(Map.copyOf(labels));
            assertThat(alert.getJsonObject("annotations").getString("summary")).isEqualTo("web 0/2 running");
            assertThat(alert.getJsonObject("status").getString("state")).isEqualTo("active");
            assertThat(alert.getString("generatorURL")).isEqualTo("http://swarmwatch.test:9090");
            assertThat(Instant.parse(alert.getString("startsAt"))).isEqualTo(t0);

            Alert resolved = new Alert("fp-web", labels, firing.annotations(), AlertStatus.RESOLVED, t0,
                    Optional.of(Instant.now()), List.of());
            outbox.commit("{}", List.of(new Notification("n-resolve", "am", "g", AlertStatus.RESOLVED, Map.of(), List.of(resolved), Instant.now())))
                    .toCompletionStage().toCompletableFuture().join();
            awaitAlerts(JsonArray::isEmpty);
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (outbox.stats().receivers().get("am").outcome(ReceiverStats.DELIVERED) < 2 && System.nanoTime() < end) {
                Thread.sleep(20);     // Alertmanager may show the answer before the outbox has marked it
            }
            assertThat(outbox.stats().receivers().get("am").outcome(ReceiverStats.DELIVERED)).isEqualTo(2);
            assertThat(store.resendable("am").join()).singleElement()
                    .satisfies(a -> assertThat(a.status()).isEqualTo(AlertStatus.RESOLVED));
            outbox.stop();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
