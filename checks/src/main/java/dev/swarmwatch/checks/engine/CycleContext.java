package dev.swarmwatch.checks.engine;

import dev.swarmwatch.checks.spi.CheckContext;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
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

    CycleContext(Vertx vertx, Context eventLoop, Clock clock, Executor blockingExecutor) {
        this.vertx = vertx;
        this.eventLoop = eventLoop;
        this.clock = clock;
        this.cycleStart = clock.instant();
        this.blockingExecutor = blockingExecutor;
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
            try {
                T value = work.call();
                eventLoop.runOnContext(v -> promise.complete(value));
            } catch (Throwable e) {
                eventLoop.runOnContext(v -> promise.fail(e));
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
}
