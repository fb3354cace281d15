package dev.swarmwatch.agent.cli;

import com.sun.net.httpserver.HttpServer;
import dev.swarmwatch.agent.daemon.AlertsApi;
import dev.swarmwatch.alerts.Notifiers;
import dev.swarmwatch.alerts.config.AlertsConfig;
import dev.swarmwatch.alerts.config.ReceiverConfig;
import dev.swarmwatch.alerts.outbox.OutboxPolicy;
import dev.swarmwatch.alerts.pipeline.AlertPipeline;
import dev.swarmwatch.alerts.webhook.WebhookKind;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Options;
import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.checks.spi.Subject;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts API as the daemon serves it (a real pipeline on a real store, a real webhook receiver),
 * driven by the alerts and silence commands and by raw HTTP for what the commands never send.
 */
class AlertsCliTest {
    @TempDir
    Path state;

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer hook;
    private AlertPipeline pipeline;
    private String url;

    private record Outcome(int exit, String out, String err) {
    }

    @BeforeEach
    void start() throws Exception {
        hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hook.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        hook.start();
        Options options = Options.defaults(new WebhookKind().options())
                .with(Map.of("url", "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook"));
        AlertsConfig config = new AlertsConfig(state, Map.of("ops", new ReceiverConfig("ops", "webhook", options)),
                Optional.empty(), List.of(), List.of(), Map.of(), true);
        pipeline = await(AlertPipeline.open(vertx, config, Notifiers.all(), Clock.systemUTC(), OutboxPolicy.DEFAULTS,
                "http://127.0.0.1:9469", AlertPipeline.Events.NONE));
        AlertsApi api = new AlertsApi(Optional.of(pipeline), Clock.systemUTC(), System.out);
        int port = await(vertx.createHttpServer().requestHandler(api::handle).listen(0, "127.0.0.1")).actualPort();
        url = "http://127.0.0.1:" + port;
    }

    @AfterEach
    void stop() throws Exception {
        await(pipeline.close());
        hook.stop(0);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSilenceAddedListedAndExpiredThroughTheCliMutesTheAlertMeanwhile() throws Exception {
        Outcome added = swarmwatch("silence", "add", "--url", url, "--match", "kind=quorum", "--for", "2h",
                "--comment", "manager maintenance", "--created-by", "ops-oncall");
        assertThat(added.exit()).as(added.err()).isZero();
        String id = added.out().strip();
        assertThat(id).matches("[0-9a-f-]{36}");

        await(pipeline.onReport(report(Status.CRITICAL, "quorum lost: 1/3 managers reachable")));
        Outcome alerts = swarmwatch("alerts", "--url", url);
        assertThat(alerts.exit()).as(alerts.err()).isZero();
        assertThat(alerts.out()).contains("ALERTS: 1 firing, 0 pending").contains("FIRING  critical SwarmCritical")
                .contains("quorum lost: 1/3 managers reachable").contains("muted by: silenced by " + id + " (manager maintenance)")
                .contains("SILENCES: 1").contains("kind=\"quorum\"").contains("by ops-oncall: manager maintenance")
                .contains("OUTBOX (store ok)").containsPattern("ops +0 +- +0");

        Outcome json = swarmwatch("alerts", "--url", url, "-f", "json");
        JsonObject body = new JsonObject(json.out());
        assertThat(body.getJsonArray("alerts").getJsonObject(0).getString("state")).isEqualTo("firing");
        assertThat(body.getJsonArray("alerts").getJsonObject(0).getJsonArray("muted_by").getString(0)).contains(id);
        assertThat(body.getJsonObject("outbox").getJsonObject("receivers").getJsonObject("ops").getLong("pending")).isZero();

        Outcome listed = swarmwatch("silence", "list", "--url", url);
        assertThat(listed.out()).contains(id).contains("ends in 1h59m");
        Outcome expired = swarmwatch("silence", "expire", "--url", url, id);
        assertThat(expired.exit()).as(expired.err()).isZero();
        assertThat(swarmwatch("silence", "list", "--url", url).out()).contains(id + "  kind=\"quorum\"  ended");
        Outcome unknown = swarmwatch("silence", "expire", "--url", url, "0000-nope");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("no silence with id 0000-nope");
    }

    @Test
    void anUnreachableDaemonIsAClearMessageAndExit3() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Outcome out = swarmwatch("alerts", "--url", "http://127.0.0.1:" + closed);
        assertThat(out.exit()).isEqualTo(3);
        assertThat(out.err()).startsWith("swarmwatch: cannot reach the daemon at http://127.0.0.1:" + closed)
                .contains("is swarmwatch run listening there?");
    }

    @Test
    void postingASilenceAnswers201WithTheSilenceAndItsLocation() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/silences",
                "{\"matchers\":[\"service=web\",\"node!~\\\"n[12]\\\"\"],\"for\":\"30m\",\"comment\":\"deploy\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        JsonObject s = new JsonObject(r.body());
        assertThat(r.headers().firstValue("location")).contains("/api/v1/silences/" + s.getString("id"));
        assertThat(s.getJsonArray("matchers")).containsExactly("service=\"web\"", "node!~\"n[12]\"");
        assertThat(s.getString("created_by")).isEqualTo("api");
        assertThat(Duration.between(Instant.parse(s.getString("starts_at")), Instant.parse(s.getString("ends_at"))))
                .isEqualTo(Duration.ofMinutes(30));
        JsonArray all = new JsonArray(send("GET", "/api/v1/silences", null).body());
        assertThat(all).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json                                                       | body: expected a JSON object",
            "{\"for\":\"2h\",\"comment\":\"x\"}                             | matchers: required, a list of matchers such as [\"service=web\"]",
            "{\"matchers\":[\"service\"],\"for\":\"2h\",\"comment\":\"x\"}  | matchers[0]: expected a matcher such as service=web",
            "{\"matchers\":[\"a=b\"],\"comment\":\"x\"}                     | for: give either for",
            "{\"matchers\":[\"a=b\"],\"for\":\"2h\",\"ends_at\":\"2030-01-01T00:00:00Z\",\"comment\":\"x\"} | for: give either for",
            "{\"matchers\":[\"a=b\"],\"for\":\"soon\",\"comment\":\"x\"}    | for: ",
            "{\"matchers\":[\"a=b\"],\"ends_at\":\"2001-01-01T00:00:00Z\",\"comment\":\"x\"} | ends_at: must be in the future",
            "{\"matchers\":[\"a=b\"],\"for\":\"2h\"}                        | comment: required",
            "{\"matchers\":[\"a=b\"],\"for\":\"2h\",\"comment\":\"x\",\"by\":\"me\"} | by: unknown key",
    })
    void aBadSilenceIs400WithAClearMessage(String body, String message) throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/silences", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(r.body()).getString("error")).startsWith(message);
        assertThat(new JsonArray(send("GET", "/api/v1/silences", null).body())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PUT    | /api/v1/alerts      | GET, HEAD",
            "POST   | /api/v1/alerts      | GET, HEAD",
            "DELETE | /api/v1/silences    | GET, HEAD, POST",
            "GET    | /api/v1/silences/x1 | DELETE",
    })
    void aWrongMethodIs405WithTheAllowedOnes(String method, String path, String allow) throws Exception {
        HttpResponse<String> r = send(method, path, method.equals("GET") ? null : "");
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("allow")).contains(allow);
    }

    @Test
    void aHugeSilenceBodyIsRefusedUnread() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/silences", "{\"comment\":\"" + "x".repeat(70_000) + "\"}");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(new JsonObject(r.body()).getString("error")).isEqualTo("body: larger than 65536 bytes");
    }

    @Test
    void expiringAnUnknownSilenceIs404() throws Exception {
        HttpResponse<String> r = send("DELETE", "/api/v1/silences/1234-abcd", null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(r.body()).getString("error")).isEqualTo("no silence with id 1234-abcd");
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFormatOtherThanTextOrJsonIsBadUsageForAlertsAndSilenceList() {
        for (String[] args : List.of(new String[]{"alerts", "-f", "yaml"}, new String[]{"silence", "list", "-f", "yaml"})) {
            Outcome bad = swarmwatch(args);
            assertThat(bad.exit()).isEqualTo(Main.EXIT_UNKNOWN);
            assertThat(bad.err()).contains("yaml").contains("text, json");
        }
    }

    private static Outcome swarmwatch(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    private static HealthReport report(Status status, String summary) {
        return new HealthReport(Instant.now(), Duration.ofMillis(5),
                List.of(new CheckReport("quorum", Subject.wholeSwarm(), CheckResult.of(status, summary))));
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
