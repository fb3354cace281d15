package dev.swarmwatch.alerts.pipeline;

import dev.swarmwatch.alerts.Notifiers;
import dev.swarmwatch.alerts.config.AlertsConfig;
import dev.swarmwatch.alerts.config.ReceiverConfig;
import dev.swarmwatch.alerts.outbox.OutboxPolicy;
import dev.swarmwatch.alerts.route.GroupSettings;
import dev.swarmwatch.alerts.route.Route;
import dev.swarmwatch.alerts.testing.Receiver;
import dev.swarmwatch.alerts.webhook.WebhookKind;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Options;
import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.checks.spi.Subject;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * The whole alert path in one process: the shipped rules, a real SQLite store in a temp dir and the
 * webhook notifier posting to a real HTTP receiver on port 0.
 */
class AlertPipelineTest {
    @TempDir
    Path state;

    private final Vertx vertx = Vertx.vertx();
    private final Receiver receiver;

    AlertPipelineTest() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void close() throws Exception {
        receiver.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void quorumLostFiresOnceSurvivesARestartWithoutResendingAndResolvesOnce() throws Exception {
        AlertPipeline first = open();
        await(first.onReport(report(Status.CRITICAL, "quorum lost: 1/3 managers reachable")));
        List<Receiver.Request> fired = waitFor(1);
        JsonObject body = new JsonObject(fired.getFirst().text());
        assertThat(body.getString("status")).isEqualTo("firing");
        assertThat(body.getJsonArray("alerts").getJsonObject(0).getJsonObject("labels").getString("alertname"))
                .isEqualTo("SwarmCritical");
        assertThat(first.view().firing()).singleElement().satisfies(e -> assertThat(e.label("kind")).isEqualTo("quorum"));

        await(first.onReport(report(Status.CRITICAL, "quorum lost: 1/3 managers reachable")));
        Thread.sleep(1_500);
        assertThat(receiver.requests()).as("an identical report sends nothing").hasSize(1);
        await(first.close());

        AlertPipeline restarted = open();
        await(restarted.onReport(report(Status.CRITICAL, "quorum lost: 1/3 managers reachable")));
        Thread.sleep(1_500);
        assertThat(receiver.requests()).as("a restart does not re-fire").hasSize(1);
        assertThat(restarted.view().firing()).as("nor forget").singleElement()
                .satisfies(e -> assertThat(e.startsAt()).isPresent());

        await(restarted.onReport(report(Status.OK, "3/3 managers reachable")));
        List<Receiver.Request> all = waitFor(2);
        assertThat(new JsonObject(all.get(1).text()).getString("status")).isEqualTo("resolved");
        assertThat(all.get(1).header("webhook-id")).isNotEqualTo(all.get(0).header("webhook-id"));
        Thread.sleep(1_500);
        assertThat(receiver.requests()).as("one resolved notice").hasSize(2);
        assertThat(restarted.stats().receivers().get("ops").pending()).isZero();
        await(restarted.close());
    }

    private AlertPipeline open() throws Exception {
        Options hook = Options.defaults(new WebhookKind().options()).with(Map.of("url", receiver.url("/hook")));
        Route fast = new Route("ops", List.of(), new GroupSettings(List.of("alertname", "severity"),
                Duration.ofMillis(200), Duration.ofSeconds(1)), List.of(), List.of(), false);
        AlertsConfig config = new AlertsConfig(state, Map.of("ops", new ReceiverConfig("ops", "webhook", hook)),
                Optional.empty(), List.of(fast), List.of(), Map.of(), true);
        return await(AlertPipeline.open(vertx, config, Notifiers.all(), Clock.systemUTC(), OutboxPolicy.DEFAULTS,
                "http://swarmwatch.test:9469", AlertPipeline.Events.NONE));
    }

    private static HealthReport report(Status status, String summary) {
        return new HealthReport(Instant.now(), Duration.ofMillis(5),
                List.of(new CheckReport("quorum", Subject.wholeSwarm(), CheckResult.of(status, summary))));
    }

    private List<Receiver.Request> waitFor(int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (receiver.requests().size() < n && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(receiver.requests()).hasSize(n);
        return receiver.requests();
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
