package dev.swarmwatch.dashboards.tui;

import dev.swarmwatch.dashboards.fixtures.Swarms;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CycleLoopTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    private Future<CycleResult> slowCycle(AtomicInteger started, AtomicInteger running, AtomicInteger overlap, long millis) {
        started.incrementAndGet();
        if (running.incrementAndGet() > 1) {
            overlap.incrementAndGet();
        }
        Promise<CycleResult> done = Promise.promise();
        vertx.setTimer(millis, id -> {
            running.decrementAndGet();
            done.complete(new CycleResult(Swarms.at(Swarms.NOW).managers(1, 0).report(), Optional.empty(), 0, Swarms.NOW));
        });
        return done.future();
    }

    @Test
    void cyclesRunEveryIntervalNeverTwoAtOnceAndPauseStopsThem() throws Exception {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlap = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        CycleLoop loop = new CycleLoop(vertx, Duration.ofMillis(50), () -> slowCycle(started, running, overlap, 120),
                c -> delivered.incrementAndGet());
        loop.start();
        Thread.sleep(700);
        loop.paused(true);
        Thread.sleep(200);
        int whilePaused = started.get();
        Thread.sleep(400);
        assertThat(started.get()).isEqualTo(whilePaused).isBetween(3, 7);
        assertThat(overlap.get()).isZero();
        loop.refreshNow();
        Thread.sleep(300);
        assertThat(started.get()).isEqualTo(whilePaused + 1);
        loop.stop().toCompletionStage().toCompletableFuture().get();
        assertThat(delivered.get()).isEqualTo(started.get());
    }
}
