package dev.swarmwatch.dashboards.view;

import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.SafeText;
import dev.swarmwatch.checks.spi.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One cycle as both front-ends (the text report and the dashboard) show it: the swarm's own
 * checks, services grouped by stack and service with their figures, and the declared targets
 * (databases, Patroni, Redis, HTTP). Everything is ordered worst first, then by natural name
 * order ({@code web-2} before {@code web-10}); every text is safe for a terminal.
 *
 * @param cluster  the checks of the swarm itself (quorum, nodes, targets not tied to a service), worst first
 * @param services every service with checks, worst first
 * @param targets  every declared target's check (those with a name), worst first
 */
public record ReportView(Instant time, Duration duration, Status worst, int score, Map<Status, Long> counts,
                         List<CheckView> cluster, List<ServiceView> services, List<CheckView> targets) {

    /** Worse status first, then kind, then the natural order of names. */
    public static final Comparator<CheckView> CHECK_ORDER = Comparator
            .comparingInt((CheckView c) -> -c.status().severity())
            .thenComparing(CheckView::kind, NaturalOrder.INSTANCE)
            .thenComparing(CheckView::name, NaturalOrder.INSTANCE);

    /** Worse status first, then the lower score, then stack and name in natural order. */
    public static final Comparator<ServiceView> SERVICE_ORDER = Comparator
            .comparingInt((ServiceView s) -> -s.status().severity())
            .thenComparingInt(ServiceView::score)
            .thenComparing(ServiceView::stack, NaturalOrder.INSTANCE)
            .thenComparing(ServiceView::name, NaturalOrder.INSTANCE);

    public ReportView {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(worst, "worst");
        counts = Map.copyOf(counts);
        cluster = List.copyOf(cluster);
        services = List.copyOf(services);
        targets = List.copyOf(targets);
    }

    public static ReportView of(HealthReport report) {
        Map<String, Integer> scores = report.scores().services();
        List<CheckView> cluster = new ArrayList<>();
        List<CheckView> targets = new ArrayList<>();
        Map<List<String>, List<CheckView>> byService = new LinkedHashMap<>();
        for (CheckReport c : report.checks()) {
            CheckView view = CheckView.of(c);
            if (!c.name().isEmpty()) {
                targets.add(view);
            }
            if (c.subject().cluster()) {
                cluster.add(view);
            } else {
                byService.computeIfAbsent(List.of(c.subject().stack(), c.subject().name()), k -> new ArrayList<>()).add(view);
            }
        }
        List<ServiceView> services = byService.entrySet().stream()
                .map(e -> service(e.getKey().get(0), e.getKey().get(1), e.getValue(),
                        scores.getOrDefault(e.getKey().get(1), 100)))
                .sorted(SERVICE_ORDER).toList();
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, report.count(s));
        }
        return new ReportView(report.time(), report.duration(), report.worst(), report.score(), counts,
                cluster.stream().sorted(CHECK_ORDER).toList(), services, targets.stream().sorted(CHECK_ORDER).toList());
    }

    private static ServiceView service(String stack, String name, List<CheckView> checks, int score) {
        Status worst = checks.stream().map(CheckView::status).reduce(Status.OK, Status::worse);
        OptionalInt running = OptionalInt.empty();
        OptionalInt desired = OptionalInt.empty();
        OptionalInt failed = OptionalInt.empty();
        OptionalDouble latency = OptionalDouble.empty();
        for (CheckView c : checks) {
            switch (c.kind()) {
                case "replicas" -> {
                    running = asInt(c.perf("running"));
                    desired = asInt(c.perf("desired"));
                }
                case "failed_tasks" -> failed = asInt(c.perf("failed"));
                case "http" -> {
                    OptionalDouble seconds = c.perf("time");
                    if (seconds.isPresent() && (latency.isEmpty() || seconds.getAsDouble() * 1000 > latency.getAsDouble())) {
                        latency = OptionalDouble.of(seconds.getAsDouble() * 1000);
                    }
                }
                default -> {
                    // other kinds add no column
                }
            }
        }
        return new ServiceView(SafeText.line(stack), SafeText.line(name), worst, score,
                checks.stream().sorted(CHECK_ORDER).toList(), running, desired, failed, latency);
    }

    private static OptionalInt asInt(OptionalDouble value) {
        return value.isPresent() ? OptionalInt.of((int) Math.round(value.getAsDouble())) : OptionalInt.empty();
    }

    public long count(Status status) {
        return counts.getOrDefault(status, 0L);
    }

    public int checkCount() {
        return counts.values().stream().mapToInt(Long::intValue).sum();
    }
}
