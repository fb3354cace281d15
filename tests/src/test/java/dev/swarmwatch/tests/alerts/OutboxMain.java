package dev.swarmwatch.tests.alerts;

import dev.swarmwatch.alerts.notify.Alert;
import dev.swarmwatch.alerts.notify.AlertStatus;
import dev.swarmwatch.alerts.notify.Notification;
import dev.swarmwatch.alerts.notify.NotifierKind;
import dev.swarmwatch.alerts.outbox.Outbox;
import dev.swarmwatch.alerts.outbox.OutboxPolicy;
import dev.swarmwatch.alerts.outbox.ReceiverStats;
import dev.swarmwatch.alerts.store.AlertStore;
import dev.swarmwatch.alerts.webhook.WebhookKind;
import dev.swarmwatch.checks.spi.Options;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A test-only process: the agent's delivery path over a state dir, to be killed with SIGKILL.
 * {@code commit DIR URL}: commits one transition, prints COMMITTED, then waits (never sends).
 * {@code deliver DIR URL}: commits the same transition (a no-op when it is already kept), runs the
 * outbox until it is delivered, prints DELIVERED and exits 0.
 */
public final class OutboxMain {
    private OutboxMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        String url = args[2];
        Clock clock = Clock.systemUTC();
        Instant t = Instant.parse("2026-12-02T10:00:00Z");
        Alert alert = new Alert("fp-web", Map.of("alertname", "ReplicasMissing", "service", "web", "severity", "critical"),
                Map.of("summary", "web 0/2 running"), AlertStatus.FIRING, t, Optional.empty(), List.of());
        Notification n = new Notification("fp-web:firing:" + t.getEpochSecond(), "ops", "{}:{service=\"web\"}",
                AlertStatus.FIRING, Map.of("service", "web"), List.of(alert), Instant.now());
        AlertStore store = AlertStore.open(dir, clock);
        if (mode.equals("commit")) {
            store.commit("{\"web\":\"firing\"}", List.of(n)).join();
            System.out.println("COMMITTED");
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5));
            return;
        }
        Vertx vertx = Vertx.vertx();
        WebClient client = WebClient.create(vertx);
        WebhookKind kind = new WebhookKind();
        var notifier = kind.create("ops", Options.defaults(kind.options()).with(Map.of("url", url)),
                new NotifierKind.Context(vertx, client, clock, ""));
        Outbox outbox = new Outbox(vertx, store, Map.of("ops", notifier),
                OutboxPolicy.DEFAULTS.withBackoff(Duration.ofMillis(200), Duration.ofSeconds(1)), clock, new SplittableRandom());
        if (store.oldestPending("ops").join().isEmpty() && store.loadState().join().isEmpty()) {
            outbox.commit("{\"web\":\"firing\"}", List.of(n)).toCompletionStage().toCompletableFuture().join();
        }
        outbox.start().toCompletionStage().toCompletableFuture().join();
        System.out.println("STARTED");
        System.out.flush();
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            if (outbox.stats().receivers().get("ops").outcome(ReceiverStats.DELIVERED) > 0 && store.oldestPending("ops").join().isEmpty()) {
                System.out.println("DELIVERED");
                System.out.flush();
                outbox.stop();
                store.close();
                vertx.close();
                System.exit(0);
            }
            Thread.sleep(50);
        }
        System.exit(3);
    }
}
