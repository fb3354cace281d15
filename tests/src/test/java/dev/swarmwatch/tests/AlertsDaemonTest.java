package dev.swarmwatch.tests;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * swarmwatch run with a webhook receiver, against the sandbox swarm: a service whose tasks cannot
 * run fires once and resolves once when fixed; a silenced one sends nothing until the silence is
 * expired through the CLI. Its own services (arun-*), removed at the end.
 */
class AlertsDaemonTest {
    private static final String ID = Long.toHexString(System.nanoTime() & 0xffffffL);
    private static final String STUCK = "arun-stuck-" + ID;
    private static final String HUSHED = "arun-hushed-" + ID;
    private static final List<JsonObject> HOOKS = new CopyOnWriteArrayList<>();
    private static HttpServer hook;
    private static Process daemon;
    private static Path dir;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hook.createContext("/", ex -> {
            HOOKS.add(new JsonObject(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        hook.start();
        dir = Files.createTempDirectory("arun-alerts");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        Path config = dir.resolve("swarmwatch.yml");
        Files.writeString(config, String.format(Locale.ROOT, """
                state_dir: %s
                receivers:
                  ops:
                    webhook:
                      url: http://127.0.0.1:%d/hook
                rules:
                  - name: ArunReplicas
                    kind: replicas
                    service: arun-*
                    for: 0s
                routes:
                  - receiver: ops
                    group_by: [alertname, service]
                    group_wait: 1s
                    group_interval: 1s
                """, dir.resolve("state"), hook.getAddress().getPort()));
        daemon = new ProcessBuilder(Bed.REPO.resolve("swarmwatch").toString(), "run", "-c", config.toString(),
                "-H", Bed.sandbox().toString(), "--listen", "127.0.0.1:" + port, "--interval", "1s")
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile()).start();
        waitUntil(Duration.ofSeconds(60), () -> get("/healthz").statusCode() == 200);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (daemon != null) {
                daemon.destroy(); // SIGTERM: the pipeline closes within the stop bound
                assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(daemon.exitValue()).isEqualTo(143);
                assertThat(Files.readString(dir.resolve("daemon.log"))).contains("event=stopped").doesNotContain("alerts_close_timeout");
            }
        } finally {
            Bed.docker("service", "rm", STUCK, HUSHED);
            if (hook != null) {
                hook.stop(0);
            }
        }
    }

    @Test
    void anUnrunnableServiceFiresOnceAndResolvesOnceAndASilencedOneWaitsForItsExpiry() throws Exception {
        Bed.Result silence = Bed.swarmwatch("silence", "add", "--url", base, "--match", "service=" + HUSHED,
                "--for", "10m", "--comment", "maintenance").orFail();
        String silenceId = silence.out().strip();
        for (String name : List.of(STUCK, HUSHED)) {
            Bed.docker("service", "create", "--detach", "--no-resolve-image", "--name", name, "--replicas", "1",
                    "--constraint", "node.labels.nope==1", "swarmwatch/busybox:bed", "sleep", "3600").orFail();
        }

        waitUntil(Duration.ofSeconds(20), () -> !notices(STUCK, "firing").isEmpty());
        JsonObject firing = notices(STUCK, "firing").getFirst();
        assertThat(firing.getJsonArray("alerts").getJsonObject(0).getJsonObject("labels").getString("service")).isEqualTo(STUCK);
        Bed.Result shown = Bed.swarmwatch("alerts", "--url", base).orFail();
        assertThat(shown.out()).containsPattern("FIRING +critical ArunReplicas " + STUCK)
                .containsPattern("FIRING +critical ArunReplicas " + HUSHED)
                .contains("muted by: silenced by " + silenceId).contains("SILENCES: 1");
        String metrics = get("/metrics").body();
        assertThat(metrics).containsPattern("swarmwatch_alerts\\{severity=\"critical\",state=\"firing\"} [2-9]")
                .contains("swarmwatch_notifications_total{outcome=\"delivered\",receiver=\"ops\"} ")
                .contains("swarmwatch_outbox_depth{receiver=\"ops\"} 0.0")
                .contains("swarmwatch_notifications_undeliverable{receiver=\"ops\"} 0.0")
                .contains("swarmwatch_alert_store_healthy 1.0");
        String doc = Files.readString(Bed.REPO.resolve("docs/metrics.md"));
        for (String name : List.of("swarmwatch_alerts", "swarmwatch_notifications_total", "swarmwatch_outbox_depth",
                "swarmwatch_outbox_oldest_age_seconds", "swarmwatch_notifications_undeliverable", "swarmwatch_alert_store_healthy")) {
            assertThat(metrics).as("scraped").containsPattern("(?m)^" + name + "[{ ]");
            assertThat(doc).as("documented").contains("| `" + name + "` |");
        }
        assertThat(notices(HUSHED, "firing")).as("silenced: nothing sent").isEmpty();

        Bed.docker("service", "update", "--detach", "--constraint-rm", "node.labels.nope==1", STUCK).orFail();
        Bed.swarmwatch("silence", "expire", "--url", base, silenceId).orFail();
        waitUntil(Duration.ofSeconds(30), () -> !notices(STUCK, "resolved").isEmpty() && !notices(HUSHED, "firing").isEmpty());
        Thread.sleep(3_000);
        assertThat(notices(STUCK, "firing")).as("one firing notice").hasSize(1);
        assertThat(notices(STUCK, "resolved")).as("one resolved notice").hasSize(1);
        assertThat(notices(HUSHED, "firing")).as("the silence expired: the alert goes out, once").hasSize(1);
        assertThat(get("/api/v1/alerts").body()).doesNotContain("\"service\":\"" + STUCK + "\"");
        assertThat(Files.readString(dir.resolve("daemon.log")))
                .contains("event=alerts_opened receivers=1 store=\"" + dir.resolve("state/alerts.db") + "\" store_healthy=true")
                .contains("event=alerts_committed notifications=1")
                .doesNotContain("event=error");
    }

    private static List<JsonObject> notices(String service, String status) {
        return HOOKS.stream().filter(h -> status.equals(h.getString("status")))
                .filter(h -> ((JsonArray) h.getValue("alerts")).stream()
                        .anyMatch(a -> service.equals(((JsonObject) a).getJsonObject("labels").getString("service"))))
                .toList();
    }

    private static HttpResponse<String> get(String path) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(Duration bound, BooleanSupplier condition) throws Exception {
        long until = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < until) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not within " + bound + "; hooks " + HOOKS + "\n" + Files.readString(dir.resolve("daemon.log")));
    }
}
