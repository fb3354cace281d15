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
import io.vertx.core.Vertx;
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

/** A one-shot run (report --notify): open, one report, drain to a deadline, close; a real store and receiver. */
class OneShotDrainTest {
    private final Vertx vertx = Vertx.vertx();
    private final Receiver receiver = new Receiver();

    @TempDir
    Path dir;

    OneShotDrainTest() throws Exception {
    }

    @AfterEach
    void close() {
        receiver.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void aGroupWhoseWaitEndsBeforeTheDeadlineGoesOutInTheSameRun() throws Exception {
        Instant start = Instant.now();
        Duration left = run(Duration.ofMillis(700), start.plusSeconds(5));

        assertThat(receiver.requests()).singleElement()
                .satisfies(r -> assertThat(r.text()).contains("\"status\":\"firing\"").contains("0/2 running"));
        assertThat(receiver.requests().getFirst().at()).isAfterOrEqualTo(start.plusMillis(700));
        assertThat(left).as("the drain ends once sent, not at the deadline").isPositive();
    }

    @Test
    void aGroupWhoseWaitEndsAfterTheDeadlineGoesOutInTheNextRun() throws Exception {
        Duration groupWait = Duration.ofMillis(1500);
        run(groupWait, Instant.now().plusMillis(300));
        assertThat(receiver.requests()).as("the wait is not over: nothing yet").isEmpty();

        Thread.sleep(groupWait.toMillis());
        run(groupWait, Instant.now().plusSeconds(5));
        assertThat(receiver.requests()).as("the state kept the group: the next run sends it, once").hasSize(1);
    }

    // One process's worth: returns how long before the deadline the drain ended.
    private Duration run(Duration groupWait, Instant deadline) throws Exception {
        WebhookKind webhook = new WebhookKind();
        Options options = Options.defaults(webhook.options()).with(Map.of("url", receiver.url("/hook")));
        AlertsConfig config = new AlertsConfig(dir.resolve("state"), Map.of("ops", new ReceiverConfig("ops", "webhook", options)),
                Optional.empty(), List.of(new Route("ops", List.of(), new GroupSettings(List.of("alertname"), groupWait,
                Duration.ofSeconds(30)), List.of(), List.of(), false)), List.of(), Map.of(), true);
        HealthReport report = new HealthReport(Instant.now(), Duration.ofMillis(5), List.of(new CheckReport("replicas",
                Subject.service("web", "shop"), CheckResult.of(Status.CRITICAL, "0/2 running"))));
        AlertPipeline pipeline = await(AlertPipeline.open(vertx, config, Notifiers.all(), Clock.systemUTC(),
                OutboxPolicy.DEFAULTS, "http://swarmwatch.test", AlertPipeline.Events.NONE));
        try {
            await(pipeline.onReport(report));
            await(pipeline.drain(deadline));
            return Duration.between(Instant.now(), deadline);
        } finally {
            await(pipeline.close());
        }
    }

    private static <T> T await(io.vertx.core.Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    }
}
