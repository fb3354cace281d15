package dev.swarmwatch.tests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code swarmwatch watch} with alerting configured, in a real terminal: a rule with {@code for: 0s}
 * over bed-unschedulable's replicas (always CRITICAL) routed to a webhook receiver, a real HTTP
 * server on a loopback port 0. The alert shows in the checks panel, the receiver gets one firing
 * notification, the log lines go to the --log file and not onto the screen, q exits 0 promptly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WatchAlertsTmuxTest {
    private static final String RULE = "UnschedulableReplicas";
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String tmuxSocket = "swarmwatch-dashalerts-" + id;
    private final String session = "watch";
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private int metricsPort;
    private Path dir;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("dashalerts");
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(2));
        receiver.createContext("/", this::receive);
        receiver.start();
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            metricsPort = free.getLocalPort();
        }
        Path config = dir.resolve("swarmwatch.yml");
        Files.writeString(config, """
                state_dir: %s
                receivers:
                  hook: {webhook: {url: "http://127.0.0.1:%d/hook"}}
                rules:
                  - name: %s
                    kind: replicas
                    service: bed-unschedulable
                    status: [critical]
                    severity: critical
                    for: 0s
                routes:
                  - receiver: hook
                    group_wait: 1s
                """.formatted(dir.resolve("state"), receiver.getAddress().getPort(), RULE));
        String script = "stty -a > " + dir.resolve("stty-before") + "; "
                + Bed.REPO.resolve("swarmwatch") + " watch --interval 1s -c " + config + " -H " + Bed.sandbox()
                + " --log " + dir.resolve("watch.log") + " --listen 127.0.0.1:" + metricsPort + "; "
                + "echo $? > " + dir.resolve("exit") + "; stty -a > " + dir.resolve("stty-after") + "; exec sleep 600";
        tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", "bash", "-c", script).orFail();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            tmux("kill-server");
        } finally {
            receiver.stop(0);
        }
    }

    private void receive(HttpExchange ex) throws IOException {
        received.add(new JsonObject(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        ex.sendResponseHeaders(204, -1);
        ex.close();
    }

    @Test
    @Order(1)
    void theFiringAlertShowsInTheChecksPanelAndTheHeaderCountsIt() throws Exception {
        String screen = awaitScreen(Duration.ofSeconds(60), s -> s.contains("ALERTS 1 firing"));
        String line = screen.lines().filter(l -> l.contains(RULE)).findFirst().orElse("");
        assertThat(line).contains("CRIT").contains("replicas:bed-unschedulable").contains("0/2 running")
                .doesNotContain("pending");
        assertThat(screen.lines().findFirst().orElse("")).contains("1 alert firing");
        assertThat(screen).as("log lines stay off the screen").doesNotContain("event=");
    }

    @Test
    @Order(2)
    void theReceiverGetsExactlyOneFiringNotification() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (received.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(received).as("a notification within group_wait and a send").isNotEmpty();
        // Several more cycles (1 s apart) over the same state: still one notification, not one a cycle.
        Thread.sleep(4_000);
        assertThat(received).singleElement().satisfies(n -> {
            assertThat(n.getString("status")).isEqualTo("firing");
            assertThat(n.getString("receiver")).isEqualTo("hook");
            assertThat(n.getJsonArray("alerts")).hasSize(1);
            JsonObject alert = n.getJsonArray("alerts").getJsonObject(0);
            assertThat(alert.getJsonObject("labels").getString("alertname")).isEqualTo(RULE);
            assertThat(alert.getJsonObject("labels").getString("service")).isEqualTo("bed-unschedulable");
        });
        assertThat(Files.readString(dir.resolve("watch.log"))).contains("event=alerts_committed notifications=1");
    }

    @Test
    @Order(3)
    void listenServesTheCyclesMetricsAsRunDoes() throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("swarmwatch_cycle_duration_seconds")
                .containsPattern("swarmwatch_service_health_score\\{[^}]*service=\"bed-unschedulable\"");
    }

    @Test
    @Order(4)
    void qQuitsWithZeroPromptlyAndGivesTheTerminalBack() throws Exception {
        long pressed = System.nanoTime();
        tmux("send-keys", "-t", session, "q").orFail();
        Path after = dir.resolve("stty-after");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && !(Files.exists(after) && Files.size(after) > 0)) {
            Thread.sleep(20);
        }
        long took = (System.nanoTime() - pressed) / 1_000_000;
        System.out.println("watch with alerts: q to shell " + took + " ms");
        assertThat(Files.readString(dir.resolve("exit")).strip()).isEqualTo("0");
        assertThat(took).as("closing the alert pipeline is bounded").isLessThan(5_000);
        assertThat(Files.readString(after)).isEqualTo(Files.readString(dir.resolve("stty-before")));
        assertThat(tmux("capture-pane", "-p", "-t", session).out()).doesNotContain("ALERTS").doesNotContain("event=");
    }

    private String awaitScreen(Duration within, Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        String s = tmux("capture-pane", "-p", "-t", session).out();
        while (!done.test(s)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the screen did not answer within " + within + ":\n" + s
                        + "\nlog:\n" + (Files.exists(dir.resolve("watch.log")) ? Files.readString(dir.resolve("watch.log")) : ""));
            }
            Thread.sleep(20);
            s = tmux("capture-pane", "-p", "-t", session).out();
        }
        return s;
    }

    private Bed.Result tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", tmuxSocket));
        cmd.addAll(List.of(args));
        return Bed.run(cmd, List.of("TERM=xterm-256color"), Duration.ofSeconds(20));
    }
}
