package dev.swarmwatch.alerts.pipeline;

import dev.swarmwatch.alerts.config.AlertsConfig;
import dev.swarmwatch.alerts.config.ReceiverConfig;
import dev.swarmwatch.alerts.eval.AlertEvaluator;
import dev.swarmwatch.alerts.eval.AlertState;
import dev.swarmwatch.alerts.eval.AlertView;
import dev.swarmwatch.alerts.eval.Step;
import dev.swarmwatch.alerts.notify.Notifier;
import dev.swarmwatch.alerts.notify.NotifierKind;
import dev.swarmwatch.alerts.outbox.Outbox;
import dev.swarmwatch.alerts.outbox.OutboxPolicy;
import dev.swarmwatch.alerts.outbox.OutboxStats;
import dev.swarmwatch.alerts.silence.Silence;
import dev.swarmwatch.alerts.store.AlertStore;
import dev.swarmwatch.alerts.store.StoreHealth;
import dev.swarmwatch.checks.engine.HealthReport;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The alert path of one process, composed in one visible place: evaluate (pure) -> commit the new
 * state and its notifications in one transaction -> deliver (the outbox, which retries). Steps run
 * one after another on one Vert.x context, so a group's wait timer and a new cycle never step at
 * once, and a step whose commit failed leaves the state as it was: what was not committed is
 * neither sent nor forgotten, the next step finds the same transitions again.
 */
public final class AlertPipeline {
    private final Vertx vertx;
    private final Context context;
    private final AlertEvaluator evaluator;
    private final AlertStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final Events events;
    private AlertState state;
    private List<Silence> silences;
    private HealthReport lastReport;
    private Future<Step> last = Future.succeededFuture();
    private long timer = -1;
    private Instant timerAt;                          // when the timer steps for a group's wait; null for a retry
    private final List<Promise<Void>> timedStepWaiters = new java.util.ArrayList<>();
    private volatile AlertView view = new AlertView(List.of(), List.of());
    private volatile boolean memoryLost;

    /** What the front-end logs; every method is called on the pipeline's context. */
    public interface Events {
        void committed(int notifications);

        void commitFailed(Throwable cause);

        /** The stored state could not be read (another version, a damaged store): evaluation starts afresh. */
        void stateDropped(String reason);

        Events NONE = new Events() {
            @Override
            public void committed(int notifications) {
            }

            @Override
            public void commitFailed(Throwable cause) {
            }

            @Override
            public void stateDropped(String reason) {
            }
        };
    }

    private AlertPipeline(Vertx vertx, AlertsConfig config, AlertStore store, Outbox outbox, Clock clock, Events events) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.evaluator = new AlertEvaluator(config);
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Opens the store under {@code state_dir}, makes one notifier per receiver, restores the state
     * and silences the store kept, and starts delivering what earlier runs left pending. A store
     * that cannot be opened does not fail this: the pipeline runs without memory, and
     * {@link #health()} says why.
     */
    public static Future<AlertPipeline> open(Vertx vertx, AlertsConfig config, List<NotifierKind> kinds, Clock clock,
                                             OutboxPolicy policy, String externalUrl, Events events) {
        AlertStore store = AlertStore.open(config.stateDir(), clock);
        NotifierKind.Context notifierContext = new NotifierKind.Context(vertx, WebClient.create(vertx), clock, externalUrl);
        Map<String, Notifier> notifiers = new LinkedHashMap<>();
        for (ReceiverConfig receiver : config.receivers().values()) {
            NotifierKind kind = kinds.stream().filter(k -> k.name().equals(receiver.kind())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no receiver kind " + receiver.kind()));
            notifiers.put(receiver.name(), kind.create(receiver.name(), receiver.options(), notifierContext));
        }
        Outbox outbox = new Outbox(vertx, store, notifiers, policy, clock, new SplittableRandom());
        AlertPipeline pipeline = new AlertPipeline(vertx, config, store, outbox, clock, events);
        Promise<AlertPipeline> opened = Promise.promise();
        pipeline.context.runOnContext(v -> pipeline.restore().compose(ignored -> outbox.start())
                .map(ignored -> pipeline).onComplete(opened));
        return opened.future();
    }

    private Future<Void> restore() {
        Future<Optional<String>> kept = Future.fromCompletionStage(store.loadState(), context)
                .recover(e -> Future.succeededFuture(Optional.empty()));
        Future<List<Silence>> known = Future.fromCompletionStage(store.silences(), context)
                .map(stored -> stored.stream().map(StoredSilences::toSilence).flatMap(Optional::stream).toList())
                .recover(e -> Future.succeededFuture(List.of()));
        return Future.all(kept, known).map(all -> {
            state = kept.result().flatMap(this::readState).orElse(AlertState.empty());
            silences = known.result();
            memoryLost = !store.health().ok();
            return null;
        });
    }

    private Optional<AlertState> readState(String json) {
        try {
            return Optional.of(AlertState.fromJson(json));
        } catch (IllegalArgumentException e) {
            events.stateDropped(e.getMessage());
            return Optional.empty();
        }
    }

    /** Evaluates the rules against a new report and commits what changed; may be called from any thread. */
    public Future<Step> onReport(HealthReport report) {
        Promise<Step> done = Promise.promise();
        context.runOnContext(v -> {
            lastReport = report;
            enqueue().onComplete(done);
        });
        return done.future();
    }

    // On the context: one step after the other, each on the latest report.
    private Future<Step> enqueue() {
        last = last.transform(ignored -> step());
        return last;
    }

    private Future<Step> step() {
        Instant now = clock.instant();
        Step step = evaluator.step(state, lastReport, silences, now);
        return outbox.commit(step.state().toJson(), step.notifications()).transform(ar -> {
            if (ar.failed()) {
                events.commitFailed(ar.cause());
                // The previous state stays: the same transitions come again on the next step.
                scheduleRetry();
                return Future.failedFuture(ar.cause());
            }
            state = step.state();
            view = step.view();
            if (!step.notifications().isEmpty()) {
                events.committed(step.notifications().size());
            }
            step.nextStepAt().ifPresent(this::schedule);
            return Future.succeededFuture(step);
        });
    }

    // A group's wait ends before the next cycle: step again then, with the same report.
    private void schedule(Instant at) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        long delay = Math.max(1, Duration.between(clock.instant(), at).toMillis());
        timerAt = at;
        timer = vertx.setTimer(delay, id -> timedStep());
    }

    private void scheduleRetry() {
        if (timer < 0) {
            timerAt = null;
            timer = vertx.setTimer(5_000, id -> timedStep());
        }
    }

    private void timedStep() {
        timer = -1;
        timerAt = null;
        List<Promise<Void>> waiting = List.copyOf(timedStepWaiters);
        timedStepWaiters.clear();
        enqueue().onComplete(ar -> waiting.forEach(Promise::tryComplete));
    }

    /** Adds a silence and persists it; the next step honours it. */
    public Future<Silence> silence(Silence silence) {
        return onContext(() -> Future.fromCompletionStage(store.putSilence(StoredSilences.of(silence)), context)
                .map(v -> {
                    silences = replace(silences, silence);
                    return silence;
                }));
    }

    /** Ends a silence now; empty when there is none with that id. */
    public Future<Optional<Silence>> expire(String id) {
        return onContext(() -> {
            Optional<Silence> found = silences.stream().filter(s -> s.id().equals(id)).findFirst();
            if (found.isEmpty()) {
                return Future.succeededFuture(Optional.empty());
            }
            Silence ended = found.get().expiredAt(clock.instant());
            return Future.fromCompletionStage(store.expireSilence(id), context).map(v -> {
                silences = replace(silences, ended);
                if (lastReport != null) {
                    enqueue();
                }
                return Optional.of(ended);
            });
        });
    }

    private static List<Silence> replace(List<Silence> all, Silence one) {
        return java.util.stream.Stream.concat(all.stream().filter(s -> !s.id().equals(one.id())),
                java.util.stream.Stream.of(one)).toList();
    }

    private <T> Future<T> onContext(java.util.function.Supplier<Future<T>> work) {
        Promise<T> done = Promise.promise();
        context.runOnContext(v -> work.get().onComplete(done));
        return done.future();
    }

    /** Firing and pending alerts as of the last committed step, what they mute and the active silences. */
    public AlertView view() {
        return view;
    }

    /** Silences known, active or not yet ended, newest last. */
    public Future<List<Silence>> silences() {
        return onContext(() -> Future.succeededFuture(List.copyOf(silences)));
    }

    public OutboxStats stats() {
        return outbox.stats();
    }

    /** The store's health: degraded with a reason on a full or read-only disk or a damaged file. */
    public StoreHealth health() {
        return store.health();
    }

    /** True when the store could not give back what earlier runs knew. */
    public boolean memoryLost() {
        return memoryLost;
    }

    public AlertStore store() {
        return store;
    }

    /**
     * For a one-shot run: delivers what it can before {@code deadline}, leaving the rest pending. A
     * group waiting out its {@code group_wait} steps again on the pipeline's timer; when that step
     * falls before the deadline, the drain waits for it, so the group goes out in this run. One that
     * falls after stays in the stored state, and the next run's step sends it (its wait is over by then).
     */
    public Future<OutboxStats> drain(Instant deadline) {
        return onContext(() -> timedStepsBefore(deadline).transform(ignored -> outbox.drain(deadline)));
    }

    // On the context: the last step, then each group-wait step due before the deadline.
    private Future<Void> timedStepsBefore(Instant deadline) {
        return last.transform(ignored -> {
            if (timer < 0 || timerAt == null || timerAt.isAfter(deadline)) {
                return Future.succeededFuture();
            }
            Promise<Void> stepped = Promise.promise();
            timedStepWaiters.add(stepped);
            return stepped.future().compose(v -> timedStepsBefore(deadline));
        });
    }

    public Future<Void> close() {
        return onContext(() -> {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            timedStepWaiters.forEach(Promise::tryComplete);
            timedStepWaiters.clear();
            return last.transform(ignored -> outbox.stop()).onComplete(ignored -> store.close());
        });
    }
}
