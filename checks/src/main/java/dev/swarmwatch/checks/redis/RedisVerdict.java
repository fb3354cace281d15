package dev.swarmwatch.checks.redis;

import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.Status;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Judges what a probe saw against its target: pure, so every rule is tested on hand-built facts.
 * The summary leads with the problems, worst first, then the plain state line
 * ({@code PONG in 0.4 ms, role master, 2 clients, memory 1.2 MB of 64 MB (1.9%)}).
 */
public final class RedisVerdict {
    private RedisVerdict() {
    }

    private record Problem(Status status, String text) {
    }

    public static CheckResult evaluate(RedisTarget target, RedisFacts facts) {
        RedisThresholds limits = target.thresholds();
        List<Problem> problems = new ArrayList<>();

        target.expectedRole().filter(expected -> expected != facts.role()).ifPresent(expected ->
                problems.add(new Problem(Status.CRITICAL,
                        "role " + facts.role().text() + ", expected " + expected.text())));

        facts.link().filter(link -> !link.up()).ifPresent(link -> problems.add(new Problem(Status.CRITICAL,
                "replica link to master " + link.master() + " down"
                        + (link.downSeconds().isPresent() ? " for " + link.downSeconds().getAsLong() + "s" : "")
                        + (link.syncInProgress() ? " (sync in progress)" : ""))));

        OptionalDouble percent = facts.memoryPercent();
        if (percent.isPresent()) {
            double p = percent.getAsDouble();
            level(p, limits.memoryWarningPercent(), limits.memoryCriticalPercent()).ifPresent(hit ->
                    problems.add(new Problem(hit.status, "memory " + percent(p) + " of maxmemory ("
                            + hit.word + " at " + number(hit.limit) + "%)")));
        }

        double latencyMs = facts.pingLatency().toNanos() / 1e6;
        level(latencyMs, OptionalDouble.of(limits.latencyWarning().toNanos() / 1e6),
                OptionalDouble.of(limits.latencyCritical().toNanos() / 1e6)).ifPresent(hit ->
                problems.add(new Problem(hit.status, "PONG took " + latency(facts.pingLatency()) + " ("
                        + hit.word + " at " + limit(Duration.ofNanos(Math.round(hit.limit * 1e6))) + ")")));

        level(facts.connectedClients(), asDouble(limits.clientsWarning()), asDouble(limits.clientsCritical()))
                .ifPresent(hit -> problems.add(new Problem(hit.status,
                        clients(facts.connectedClients()) + " (" + hit.word + " at " + (long) hit.limit + ")")));

        problems.sort(Comparator.comparingInt((Problem p) -> p.status.severity()).reversed());
        Status status = problems.stream().map(Problem::status).reduce(Status.OK, Status::worse);
        List<String> parts = new ArrayList<>(problems.stream().map(Problem::text).toList());
        parts.add(stateLine(facts));
        return CheckResult.of(status, String.join("; ", parts))
                .withDetails(details(facts))
                .withPerfdata(perfdata(facts, limits));
    }

    static String stateLine(RedisFacts facts) {
        String memory = "memory " + bytes(facts.usedMemory());
        if (facts.maxMemory() > 0) {
            memory += " of " + bytes(facts.maxMemory()) + " (" + percent(facts.memoryPercent().getAsDouble()) + ")";
        }
        return "PONG in " + latency(facts.pingLatency()) + ", role " + facts.role().text() + ", "
                + clients(facts.connectedClients()) + ", " + memory;
    }

    private static List<String> details(RedisFacts facts) {
        List<String> lines = new ArrayList<>();
        facts.link().ifPresentOrElse(link -> lines.add("replica of " + link.master() + ", link "
                        + (link.up() ? "up" : "down") + (link.syncInProgress() ? ", sync in progress" : "")),
                () -> lines.add("master with " + facts.connectedReplicas() + " connected "
                        + (facts.connectedReplicas() == 1 ? "replica" : "replicas")));
        String policy = facts.maxMemoryPolicy().isEmpty() ? "" : ", policy " + facts.maxMemoryPolicy();
        lines.add(facts.maxMemory() > 0
                ? "maxmemory " + bytes(facts.maxMemory()) + policy
                : "no maxmemory set: used memory is reported, not judged" + policy);
        return lines;
    }

    private static List<PerfDatum> perfdata(RedisFacts facts, RedisThresholds limits) {
        OptionalDouble none = OptionalDouble.empty();
        OptionalDouble zero = OptionalDouble.of(0);
        List<PerfDatum> data = new ArrayList<>();
        data.add(new PerfDatum("time", facts.pingLatency().toNanos() / 1e9, "s",
                OptionalDouble.of(limits.latencyWarning().toNanos() / 1e9),
                OptionalDouble.of(limits.latencyCritical().toNanos() / 1e9), zero, none));
        data.add(new PerfDatum("used_memory", facts.usedMemory(), "B", none, none, zero,
                facts.maxMemory() > 0 ? OptionalDouble.of(facts.maxMemory()) : none));
        facts.memoryPercent().ifPresent(p -> data.add(new PerfDatum("memory_used_percent", round(p, 3), "%",
                limits.memoryWarningPercent(), limits.memoryCriticalPercent(), zero, OptionalDouble.of(100))));
        data.add(new PerfDatum("connected_clients", facts.connectedClients(), "",
                asDouble(limits.clientsWarning()), asDouble(limits.clientsCritical()), zero, none));
        facts.link().filter(link -> !link.up()).flatMap(link -> link.downSeconds().isPresent()
                        ? java.util.Optional.of(link.downSeconds().getAsLong()) : java.util.Optional.empty())
                .ifPresent(s -> data.add(new PerfDatum("master_link_down_seconds", s, "s", none, none, zero, none)));
        return data;
    }

    private record Hit(Status status, String word, double limit) {
    }

    // At or above a limit trips it; CRITICAL wins over WARNING.
    private static java.util.Optional<Hit> level(double value, OptionalDouble warning, OptionalDouble critical) {
        if (critical.isPresent() && value >= critical.getAsDouble()) {
            return java.util.Optional.of(new Hit(Status.CRITICAL, "critical", critical.getAsDouble()));
        }
        if (warning.isPresent() && value >= warning.getAsDouble()) {
            return java.util.Optional.of(new Hit(Status.WARNING, "warning", warning.getAsDouble()));
        }
        return java.util.Optional.empty();
    }

    private static OptionalDouble asDouble(OptionalLong v) {
        return v.isPresent() ? OptionalDouble.of(v.getAsLong()) : OptionalDouble.empty();
    }

    static String clients(long n) {
        return n + (n == 1 ? " client" : " clients");
    }

    /** 0.4 ms, 12 ms, 1.25 s: enough digits to compare, no more. */
    static String latency(Duration d) {
        double ms = d.toNanos() / 1e6;
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000);
        }
        if (ms >= 10) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        // Loopback PINGs take tens of microseconds: two digits keep them from all reading "0.1 ms".
        return String.format(Locale.ROOT, ms >= 0.1 ? "%.1f ms" : "%.2f ms", ms);
    }

    /** A configured limit, exactly as given: 100 ms, 0.000001 ms, 1.5 s. */
    static String limit(Duration d) {
        double ms = d.toNanos() / 1e6;
        return ms >= 1000 ? number(ms / 1000) + " s" : number(ms) + " ms";
    }

    /** Binary units, labelled as Redis's own {@code maxmemory 64mb} means them: 64 MB is 64 MiB. */
    static String bytes(long n) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (u == 0 ? Long.toString(n) : number(round(v, 1))) + " " + units[u];
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** Shortest plain form: 64, 0.5, 0.001. */
    static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static double round(double v, int digits) {
        return BigDecimal.valueOf(v).setScale(digits, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
