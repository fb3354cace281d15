package dev.swarmwatch.tests.alerts;

import com.sun.net.httpserver.HttpServer;
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

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * bench/outbox-outage.sh: a webhook receiver down (connection refused) for DOWN seconds while N
 * notifications wait in the outbox with the default backoff (1 s base, 5 min cap), then back. Prints
 * how many arrived, how many twice, and how long after the receiver came back the last one arrived.
 */
public final class OutageBench {
    private OutageBench() {
    }

    public static void main(String[] args) throws Exception {
        int downSeconds = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("outage-bench");
        Vertx vertx = Vertx.vertx();
        Clock clock = Clock.systemUTC();
        AlertStore store = AlertStore.open(dir, clock);
        WebhookKind kind = new WebhookKind();
        var hook = kind.create("ops", Options.defaults(kind.options()).with(Map.of("url", "http://127.0.0.1:" + port + "/hook")),
                new NotifierKind.Context(vertx, WebClient.create(vertx), clock, ""));
        Outbox outbox = new Outbox(vertx, store, Map.of("ops", hook), OutboxPolicy.DEFAULTS, clock, new SplittableRandom());
        outbox.start().toCompletionStage().toCompletableFuture().join();
        Instant t = Instant.now();
        List<Notification> ns = IntStream.range(0, n).mapToObj(i -> new Notification("n" + i, "ops", "g" + i, AlertStatus.FIRING,
                Map.of(), List.of(new Alert("fp" + i, Map.of("alertname", "A", "service", "svc" + i), Map.of(), AlertStatus.FIRING,
                t, Optional.empty(), List.of())), t.plusMillis(i))).toList();
        outbox.commit("{}", ns).toCompletionStage().toCompletableFuture().join();
        Thread.sleep(Duration.ofSeconds(downSeconds));
        long retries = outbox.stats().receivers().get("ops").outcome(ReceiverStats.RETRY);

        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        long[] lastArrival = {0};
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            seen.computeIfAbsent(ex.getRequestHeaders().getFirst("webhook-id"), k -> new AtomicInteger()).incrementAndGet();
            lastArrival[0] = System.nanoTime();
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        long back = System.nanoTime();
        server.start();
        long end = back + Duration.ofMinutes(6).toNanos();
        while (outbox.stats().receivers().get("ops").outcome(ReceiverStats.DELIVERED) < n && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        long twice = seen.values().stream().filter(c -> c.get() > 1).count();
        System.out.printf("down_s=%d notifications=%d retries_while_down=%d arrived=%d twice=%d last_after_back_s=%.1f%n",
                downSeconds, n, retries, seen.size(), twice, (lastArrival[0] - back) / 1e9);
        server.stop(0);
        outbox.stop();
        store.close();
        vertx.close();
        System.exit(seen.size() == n && twice == 0 ? 0 : 1);
    }
}
