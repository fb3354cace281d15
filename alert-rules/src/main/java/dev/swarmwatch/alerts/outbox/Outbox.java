package dev.swarmwatch.alerts.outbox;

import dev.swarmwatch.alerts.notify.Alert;
import dev.swarmwatch.alerts.notify.AlertStatus;
import dev.swarmwatch.alerts.notify.Notification;
import dev.swarmwatch.alerts.notify.Notifier;
import dev.swarmwatch.alerts.store.AlertStore;
import dev.swarmwatch.alerts.store.OutboxEntry;
import dev.swarmwatch.alerts.store.OutboxState;
import dev.swarmwatch.alerts.store.ReceiverSummary;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Delivers what the store's outbox holds: one {@link ReceiverWorker} per receiver on one Vert.x
 * event-loop context. Transitions enter through {@link #commit} (state and notifications in one
 * transaction, then the workers are woken); nothing is sent that is not committed first, and a
 * row leaves the outbox only as delivered or undeliverable.
 */
public final class Outbox {
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final System.Logger LOG = System.getLogger("dev.swarmwatch.alerts.outbox");

    private final Vertx vertx;
    private final AlertStore store;
    private final OutboxPolicy policy;
    private final Clock clock;
    private final Context context;
    private final Map<String, ReceiverWorker> workers = new LinkedHashMap<>();
    private final List<Runnable> listeners = new ArrayList<>();    // drains waiting; on context only
    private final List<Long> timers = new ArrayList<>();
    private volatile Map<String, ReceiverSummary> summary = Map.of();
    private boolean refreshing;
    private boolean refreshAgain;

    public Outbox(Vertx vertx, AlertStore store, Map<String, Notifier> notifiers, OutboxPolicy policy, Clock clock,
                  RandomGenerator random) {
        this.vertx = vertx;
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.context = vertx.getOrCreateContext();
        Backoff backoff = new Backoff(policy.baseDelay(), policy.maxDelay(), random);
        notifiers.forEach((name, n) -> workers.put(name, new ReceiverWorker(name, n, store, policy, backoff, clock,
                context, this::changed)));
    }

    /** Starts the workers: what earlier runs left pending goes out first, with its original id. */
    public Future<Void> start() {
        Promise<Void> started = Promise.promise();
        context.runOnContext(v -> {
            workers.values().forEach(ReceiverWorker::wake);
            housekeeping();
            timers.add(vertx.setPeriodic(PRUNE_EVERY.toMillis(), id -> housekeeping()));
            timers.add(vertx.setPeriodic(policy.poll().toMillis(), id -> workers.values().forEach(ReceiverWorker::wake)));
            workers.values().stream().filter(w -> w.notifier().resend().isPresent()).forEach(w -> {
                long every = w.notifier().resend().get().every().toMillis();
                timers.add(vertx.setPeriodic(every, id -> w.resendNow(alerts -> resendOf(w.receiver(), alerts))));
            });
            started.complete();
        });
        return started.future();
    }

    /** The evaluator's transition: its state and notifications committed together, then sent. */
    public Future<Void> commit(String stateJson, List<Notification> notifications) {
        return Future.fromCompletionStage(store.commit(stateJson, notifications), context)
                .onSuccess(v -> wake());
    }

    /** Look at the store now, e.g. after another component committed. */
    public void wake() {
        context.runOnContext(v -> workers.values().forEach(ReceiverWorker::wake));
    }

    /**
     * For the one-shot {@code report --notify}: sends what it can until every receiver is settled
     * (nothing pending, or its next try is after the deadline) or the deadline passes; what is left
     * stays pending for the next run. Receivers that re-send (Alertmanager) get one re-send first.
     */
    public Future<OutboxStats> drain(Instant deadline) {
        Promise<OutboxStats> done = Promise.promise();
        context.runOnContext(v -> {
            workers.values().forEach(w -> w.deadline(deadline));
            List<Future<Void>> resends = workers.values().stream()
                    .map(w -> w.resendNow(alerts -> resendOf(w.receiver(), alerts))).toList();
            Runnable check = () -> {
                if (workers.values().stream().allMatch(w -> w.settledBefore(deadline))) {
                    finish(done);
                }
            };
            long ms = Math.max(1, Duration.between(clock.instant(), deadline).toMillis());
            long timer = vertx.setTimer(ms, id -> finish(done));
            done.future().onComplete(ar -> vertx.cancelTimer(timer));
            Future.all(resends).onComplete(ar -> {
                listeners.add(check);
                workers.values().forEach(ReceiverWorker::wake);
            });
        });
        return done.future();
    }

    private void finish(Promise<OutboxStats> done) {
        if (done.future().isComplete()) {
            return;
        }
        workers.values().forEach(ReceiverWorker::stop);
        Future.fromCompletionStage(store.summary(), context).onComplete(ar -> {
            if (ar.succeeded()) {
                summary = ar.result();
            }
            done.tryComplete(stats());
        });
    }

    public Future<Void> stop() {
        Promise<Void> stopped = Promise.promise();
        context.runOnContext(v -> {
            timers.forEach(vertx::cancelTimer);
            timers.clear();
            workers.values().forEach(ReceiverWorker::stop);
            stopped.complete();
        });
        return stopped.future();
    }

    /** The figures as of the last change; cheap, any thread. */
    public OutboxStats stats() {
        Map<String, ReceiverStats> out = new LinkedHashMap<>();
        Map<String, ReceiverSummary> s = summary;
        workers.forEach((name, w) -> {
            ReceiverSummary r = s.getOrDefault(name, ReceiverSummary.EMPTY);
            out.put(name, new ReceiverStats(w.outcomes(), r.pending(), r.oldestPending(), r.undeliverable()));
        });
        // Rows of receivers no longer configured stay visible: they are never dropped silently.
        s.forEach((name, r) -> out.putIfAbsent(name, new ReceiverStats(Map.of(), r.pending(), r.oldestPending(), r.undeliverable())));
        return new OutboxStats(out, store.health());
    }

    /** The notifications given up on, newest first, for {@code swarmwatch alerts}. */
    public Future<List<OutboxEntry>> undeliverable(int limit) {
        return Future.fromCompletionStage(store.outbox(OutboxState.UNDELIVERABLE, limit), context);
    }

    // Old settled rows go; rows of receivers no longer configured are kept (and shown) until their
    // maximum age, then marked undeliverable like any other: never dropped in silence.
    private void housekeeping() {
        store.prune();
        Future.fromCompletionStage(store.summary(), context).compose(all -> {
            List<Future<Integer>> abandoned = new ArrayList<>();
            all.forEach((name, r) -> {
                if (!workers.containsKey(name) && r.pending() > 0) {
                    LOG.log(System.Logger.Level.WARNING, "receiver={0} pending={1} outcome=unconfigured: kept until their maximum age",
                            name, String.valueOf(r.pending()));
                    abandoned.add(Future.fromCompletionStage(store.abandon(name, clock.instant().minus(policy.maxAge()),
                            "receiver " + name + " is no longer configured"), context));
                }
            });
            return Future.join(abandoned);
        }).onComplete(ar -> changed());
    }

    private Optional<Notification> resendOf(String receiver, List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        AlertStatus status = alerts.stream().anyMatch(a -> a.status() == AlertStatus.FIRING) ? AlertStatus.FIRING : AlertStatus.RESOLVED;
        return Optional.of(new Notification("resend-" + receiver + "-" + now.getEpochSecond(), receiver, "resend",
                status, Map.of(), alerts, now));
    }

    // On the context: a worker moved; refresh the figures (one query at a time) and tell waiting drains.
    private void changed() {
        List.copyOf(listeners).forEach(Runnable::run);
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        Future.fromCompletionStage(store.summary(), context).onComplete(ar -> {
            if (ar.succeeded()) {
                summary = ar.result();
            }
            refreshing = false;
            if (refreshAgain) {
                refreshAgain = false;
                changed();
            }
        });
    }
}
