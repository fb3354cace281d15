package dev.swarmwatch.agent.daemon;

import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.engine.Score;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.MetricName;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The daemon's Prometheus metrics (names in docs/metrics.md): after each cycle every gauge of the
 * report is set, and the series of services, stacks and checks that are gone are removed. Label
 * values are names and ids only, never error text. Touched from the event loop only.
 */
final class Metrics {
    private record Key(String name, Tags tags, String help) {
        Key(String name, Tags tags) {
            this(name, tags, HELP.getOrDefault(name, name.endsWith("_up")
                    ? "1 when the check of this target is OK or WARNING, 0 when CRITICAL or UNKNOWN" : name));
        }

        // Equal by series, whatever the help text.
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.name.equals(name) && k.tags.equals(tags);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + tags.hashCode();
        }
    }

    private static final Map<String, String> HELP = Map.of(
            "swarmwatch_cluster_health_score", "health score of the cluster, 0-100",
            "swarmwatch_stack_health_score", "health score of the stack, 0-100",
            "swarmwatch_service_health_score", "health score of the service, 0-100",
            "swarmwatch_check_status", "check status as a Nagios code: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN",
            "swarmwatch_check_duration_seconds", "how long the check took",
            "swarmwatch_cycle_duration_seconds", "wall time of the last check cycle",
            "swarmwatch_last_cycle_timestamp_seconds", "when the last check cycle finished, Unix time");

    /** A gauge's current value; Micrometer reads it at scrape time. */
    private static final class Value {
        private volatile double value;
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, CheckKind> kinds = new HashMap<>();
    private final Map<Key, Value> values = new HashMap<>();
    private final Map<Key, Gauge> gauges = new HashMap<>();
    private final Counter cycles;
    private final Counter dockerCalls;
    private final Counter overruns;

    Metrics(List<CheckKind> kinds) {
        kinds.forEach(k -> this.kinds.put(k.name(), k));
        // Two of Micrometer's meters break Prometheus naming (an abbreviated unit, a _count gauge).
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")
                || id.getName().equals("system.cpu.count")));
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        cycles = Counter.builder("swarmwatch_cycles").description("check cycles run").register(registry);
        dockerCalls = Counter.builder("swarmwatch_docker_api_calls").description("Docker API calls made").register(registry);
        overruns = Counter.builder("swarmwatch_cycle_overruns").description(
                "check cycles ended by their deadline or the next cycle before everything in them had finished").register(registry);
    }

    void overrun() {
        overruns.increment();
    }

    io.micrometer.core.instrument.MeterRegistry registry() {
        return registry;
    }

    String scrape() {
        return registry.scrape();
    }

    void publish(HealthReport report, long apiCalls, Instant finished) {
        cycles.increment();
        dockerCalls.increment(apiCalls);
        Map<Key, Double> now = new HashMap<>();
        Score.Scores scores = report.scores();
        now.put(new Key("swarmwatch_cluster_health_score", Tags.empty()), (double) scores.cluster());
        scores.stacks().forEach((stack, v) -> now.put(new Key("swarmwatch_stack_health_score", Tags.of("stack", stack)), (double) v));
        Map<String, String> stackOf = new HashMap<>();
        report.checks().stream().filter(c -> !c.subject().cluster())
                .forEach(c -> stackOf.put(c.subject().name(), c.subject().stack()));
        scores.services().forEach((service, v) -> now.put(new Key("swarmwatch_service_health_score",
                Tags.of("stack", stackOf.getOrDefault(service, ""), "service", service)), (double) v));
        for (CheckReport c : report.checks()) {
            now.put(new Key("swarmwatch_check_status", Tags.of("kind", c.kind(), "check", c.id(), "subject", c.subject().name())),
                    (double) c.status().exitCode());
            now.put(new Key("swarmwatch_check_duration_seconds", Tags.of("kind", c.kind(), "check", c.id())),
                    c.result().duration().toNanos() / 1e9);
            CheckKind kind = kinds.get(c.kind());
            if (kind == null) {
                continue;
            }
            Tags owner = kind.declared() ? Tags.of("check", c.id())
                    : c.subject().cluster() ? Tags.empty()
                    : Tags.of("stack", c.subject().stack(), "service", c.subject().name());
            if (kind.declared()) {
                boolean up = c.status() == Status.OK || c.status() == Status.WARNING;
                now.put(new Key("swarmwatch_" + kind.name() + "_up", owner), up ? 1.0 : 0.0);
            }
            for (PerfDatum p : c.result().perfdata()) {
                MetricName metric = kind.metrics().get(p.label());
                if (metric != null) {
                    Tags tags = owner;
                    for (Map.Entry<String, String> e : metric.tags().entrySet()) {
                        tags = tags.and(Tag.of(e.getKey(), e.getValue()));
                    }
                    now.put(new Key(metric.name(), tags, metric.help()), scaled(p));
                }
            }
        }
        now.put(new Key("swarmwatch_cycle_duration_seconds", Tags.empty()), report.duration().toNanos() / 1e9);
        now.put(new Key("swarmwatch_last_cycle_timestamp_seconds", Tags.empty()), finished.toEpochMilli() / 1000.0);
        apply(now);
    }

    /** Perfdata in ms becomes seconds; every other unit is already the base unit the name says. */
    private static double scaled(PerfDatum p) {
        return "ms".equals(p.unit().toLowerCase(Locale.ROOT)) ? p.value() / 1000.0 : p.value();
    }

    private void apply(Map<Key, Double> now) {
        now.forEach((key, v) -> values.computeIfAbsent(key, k -> {
            Value holder = new Value();
            gauges.put(k, Gauge.builder(k.name(), holder, h -> h.value).description(k.help()).tags(k.tags()).register(registry));
            return holder;
        }).value = v);
        values.keySet().removeIf(key -> {
            if (now.containsKey(key)) {
                return false;
            }
            registry.remove(gauges.remove(key));
            return true;
        });
    }
}
