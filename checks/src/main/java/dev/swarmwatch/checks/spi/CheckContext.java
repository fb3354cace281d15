package dev.swarmwatch.checks.spi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

/** What a check, and a kind planning its checks, may use during one cycle. */
public interface CheckContext {

    Vertx vertx();

    Clock clock();

    /** When the current cycle started; every check of a cycle judges windows against it. */
    Instant cycleStart();

    /** Runs blocking work (JDBC, Jedis, the Docker API) on a virtual thread; completes on the caller's context. */
    <T> Future<T> blocking(Callable<T> work);

    /**
     * One value per cycle and key, shared by every check of the cycle: the first caller's
     * supplier runs, later callers get the same future. This is how every Swarm check reads
     * one snapshot.
     */
    <T> Future<T> perCycle(Object key, Supplier<Future<T>> load);

    /**
     * {@link #perCycle(Object, Supplier)}, and what the value is when its load has not finished by
     * the end of the cycle (its deadline): {@code overdue} gets how long the cycle waited. Checks
     * waiting on the value then report what is missing instead of vanishing from the report.
     */
    default <T> Future<T> perCycle(Object key, Supplier<Future<T>> load, Function<Duration, T> overdue) {
        return perCycle(key, load);
    }
}
