package dev.swarmwatch.dashboards.tui;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a cycle every interval on the event loop, never two at once, and hands each result to the
 * dashboard without waiting for it: a slow terminal drops frames, never delays a cycle. Paused, the
 * timer skips cycles; a refresh request runs one at once (unless one is running).
 */
public final class CycleLoop {
    private final Vertx vertx;
    private final Duration interval;
    private final Supplier<Future<CycleResult>> cycle;
    private final Consumer<CycleResult> sink;
    private volatile boolean paused;
    private volatile long timer = -1;
    // Only read and written on the event loop.
    private boolean running;
    private volatile Future<?> inFlight = Future.succeededFuture();

    public CycleLoop(Vertx vertx, Duration interval, Supplier<Future<CycleResult>> cycle, Consumer<CycleResult> sink) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.cycle = Objects.requireNonNull(cycle, "cycle");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    public void start() {
        vertx.runOnContext(v -> run(true));
        timer = vertx.setPeriodic(interval.toMillis(), id -> run(false));
    }

    /** Runs a cycle now, paused or not; from any thread. */
    public void refreshNow() {
        vertx.runOnContext(v -> run(true));
    }

    public void paused(boolean pause) {
        this.paused = pause;
    }

    private void run(boolean forced) {
        if (running || (paused && !forced)) {
            return;
        }
        running = true;
        inFlight = cycle.get().onComplete(ar -> {
            running = false;
            if (ar.succeeded()) {
                sink.accept(ar.result());
            }
        });
    }

    /** Stops the timer; completes when a cycle in flight has finished. */
    public Future<?> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        return inFlight;
    }
}
