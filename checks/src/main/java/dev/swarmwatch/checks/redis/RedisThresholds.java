package dev.swarmwatch.checks.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Limits a Redis server is judged by; a value at or above a limit trips it.
 *
 * @param latencyWarning  PING round trip that makes the result WARNING
 * @param latencyCritical PING round trip that makes it CRITICAL
 * @param memoryWarningPercent  used_memory as percent of maxmemory; ignored when maxmemory is 0
 * @param memoryCriticalPercent likewise, CRITICAL
 * @param clientsWarning  connected_clients that make it WARNING
 * @param clientsCritical connected_clients that make it CRITICAL
 */
public record RedisThresholds(Duration latencyWarning, Duration latencyCritical,
                              OptionalDouble memoryWarningPercent, OptionalDouble memoryCriticalPercent,
                              OptionalLong clientsWarning, OptionalLong clientsCritical) {

    public RedisThresholds {
        Objects.requireNonNull(latencyWarning, "latencyWarning");
        Objects.requireNonNull(latencyCritical, "latencyCritical");
        Objects.requireNonNull(memoryWarningPercent, "memoryWarningPercent");
        Objects.requireNonNull(memoryCriticalPercent, "memoryCriticalPercent");
        Objects.requireNonNull(clientsWarning, "clientsWarning");
        Objects.requireNonNull(clientsCritical, "clientsCritical");
        if (latencyWarning.isZero() || latencyWarning.isNegative()) {
            throw new IllegalArgumentException("latency warning must be positive, got " + latencyWarning);
        }
        if (latencyCritical.compareTo(latencyWarning) < 0) {
            throw new IllegalArgumentException("latency critical " + latencyCritical
                    + " is below latency warning " + latencyWarning);
        }
        for (OptionalDouble p : new OptionalDouble[]{memoryWarningPercent, memoryCriticalPercent}) {
            if (p.isPresent() && !(p.getAsDouble() > 0 && p.getAsDouble() <= 100)) {
                throw new IllegalArgumentException("memory percent must be in (0, 100], got " + p.getAsDouble());
            }
        }
        if (memoryWarningPercent.isPresent() && memoryCriticalPercent.isPresent()
                && memoryCriticalPercent.getAsDouble() < memoryWarningPercent.getAsDouble()) {
            throw new IllegalArgumentException("memory critical " + memoryCriticalPercent.getAsDouble()
                    + "% is below memory warning " + memoryWarningPercent.getAsDouble() + "%");
        }
        for (OptionalLong c : new OptionalLong[]{clientsWarning, clientsCritical}) {
            if (c.isPresent() && c.getAsLong() < 1) {
                throw new IllegalArgumentException("client limit must be at least 1, got " + c.getAsLong());
            }
        }
        if (clientsWarning.isPresent() && clientsCritical.isPresent()
                && clientsCritical.getAsLong() < clientsWarning.getAsLong()) {
            throw new IllegalArgumentException("clients critical " + clientsCritical.getAsLong()
                    + " is below clients warning " + clientsWarning.getAsLong());
        }
    }

    /** PING 100 ms WARNING, 500 ms CRITICAL; memory 80% / 90% of maxmemory; clients unchecked. */
    public static RedisThresholds defaults() {
        return new RedisThresholds(Duration.ofMillis(100), Duration.ofMillis(500),
                OptionalDouble.of(80), OptionalDouble.of(90), OptionalLong.empty(), OptionalLong.empty());
    }

    public RedisThresholds withLatency(Duration warning, Duration critical) {
        return new RedisThresholds(warning, critical, memoryWarningPercent, memoryCriticalPercent,
                clientsWarning, clientsCritical);
    }

    public RedisThresholds withMemoryPercent(double warning, double critical) {
        return new RedisThresholds(latencyWarning, latencyCritical, OptionalDouble.of(warning),
                OptionalDouble.of(critical), clientsWarning, clientsCritical);
    }

    public RedisThresholds withoutMemoryLimits() {
        return new RedisThresholds(latencyWarning, latencyCritical, OptionalDouble.empty(),
                OptionalDouble.empty(), clientsWarning, clientsCritical);
    }

    public RedisThresholds withClients(long warning, long critical) {
        return new RedisThresholds(latencyWarning, latencyCritical, memoryWarningPercent,
                memoryCriticalPercent, OptionalLong.of(warning), OptionalLong.of(critical));
    }
}
