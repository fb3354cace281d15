package dev.swarmwatch.checks.engine;

import dev.swarmwatch.checks.spi.CheckContext;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/** The context of one cycle: its start, its shared per-cycle values, and where blocking work runs. */
final class CycleContext implements CheckContext {
    private final Vertx vertx;
    private final Context eventLoop;
    private final Clock clock;
    private final Instant cycleStart;
    private final Executor blockingExecutor;
    // Only touched from the cycle's event-loop context, so a plain map is enough.
    private final Map<Object, Future<?>> perCycle = new HashMap<>();
    // Per-cycle values that have a stand-in for when the cycle ends before they load.
    private final List<Runnable> overdue = new ArrayList<>();
    private Duration waited = Duration.ZERO;

    CycleContext(Vertx vertx, Context eventLoop, Clock clock, Executor blockingExecutor) {
        this.vertx = vertx;
        this.eventLoop = eventLoop;
        this.clock = clock;
        this.cycleStart = clock.instant();
        this.blockingExecutor = blockingExecutor;
    }

    Context eventLoop() {
        return eventLoop;
    }

    @Override
    public Vertx vertx() {
        return vertx;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Instant cycleStart() {
        return cycleStart;
    }

    @Override
    public <T> Future<T> blocking(Callable<T> work) {
        Promise<T> promise = Promise.promise();
        blockingExecutor.execute(() -> {
            AsyncResult<T> outcome;
            try {
                outcome = Future.succeededFuture(work.call());
            } catch (Throwable e) {
                outcome = Future.failedFuture(e);
            }
            AsyncResult<T> done = outcome;
            try {
                eventLoop.runOnContext(v -> promise.handle(done));
            } catch (RejectedExecutionException closed) {
                // Work that outlived its cycle and Vert.x itself: nobody waits for it any more.
            }
        });
        return promise.future();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Future<T> perCycle(Object key, Supplier<Future<T>> load) {
        Future<?> existing = perCycle.get(key);
        if (existing == null) {
            existing = load.get();
            perCycle.put(key, existing);
        }
        return (Future<T>) existing;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Future<T> perCycle(Object key, Supplier<Future<T>> load, Function<Duration, T> standIn) {
        Future<?> existing = perCycle.get(key);
        if (existing == null) {
            Promise<T> value = Promise.promise();
            load.get().onComplete(ar -> {
                if (ar.succeeded()) {
                    value.tryComplete(ar.result());
                } else {
                    value.tryFail(ar.cause());
                }
            });
            overdue.add(() -> value.tryComplete(standIn.apply(waited)));
            existing = value.future();
            perCycle.put(key, existing);
        }
        return (Future<T>) existing;
    }

    /**
     * The cycle is over after {@code after}: every per-cycle value still loading takes its stand-in,
     * so what waits on it completes now; a load finishing later changes nothing.
     */
    void expire(Duration after) {
        waited = after;
        List.copyOf(overdue).forEach(Runnable::run);
    }
}
