package dev.swarmwatch.alerts.testing;

import dev.swarmwatch.alerts.notify.Notifier;
import dev.swarmwatch.alerts.notify.NotifierKind;
import dev.swarmwatch.alerts.outbox.Outbox;
import dev.swarmwatch.alerts.outbox.OutboxPolicy;
import dev.swarmwatch.alerts.store.AlertStore;
import dev.swarmwatch.checks.spi.Options;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.client.WebClient;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** Real Vert.x, a real web client and a real store under a directory, for outbox tests. */
public final class Delivering implements AutoCloseable {
    public final Vertx vertx = Vertx.vertx(new VertxOptions()
            .setMaxEventLoopExecuteTime(100).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
            .setBlockedThreadCheckInterval(50).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS));
    public final WebClient client = WebClient.create(vertx);
    public final Clock clock = Clock.systemUTC();
    public final NotifierKind.Context context = new NotifierKind.Context(vertx, client, clock, "http://swarmwatch.test:9090");
    public final AlertStore store;

    public Delivering(Path stateDir) {
        store = AlertStore.open(stateDir, clock);
    }

    public Notifier notifier(NotifierKind kind, String receiver, Map<String, Object> options) {
        Options o = Options.defaults(kind.options()).with(options);
        return kind.create(receiver, o, context);
    }

    public Outbox outbox(Map<String, Notifier> notifiers, OutboxPolicy policy) {
        return new Outbox(vertx, store, notifiers, policy, clock, new SplittableRandom(7));
    }

    @Override
    public void close() {
        store.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
