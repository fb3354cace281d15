package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.spi.CheckContext;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Durations;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.MetricName;
import dev.swarmwatch.checks.spi.OptionType;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.PlannedCheck;
import dev.swarmwatch.checks.spi.Status;
import io.vertx.core.Future;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Failed and rejected tasks of each service within a window, with exit code and error text. The
 * same slot (or, for global services, the same node) failing again and again is a crash loop.
 */
public final class FailedTasksKind implements CheckKind {
    static final String WINDOW = "window";
    static final String CRASH_LOOP = "crash_loop";
    static final String WARNING_AT = "warning_at";

    private final SwarmSource swarm;

    public FailedTasksKind(SwarmSource swarm) {
        this.swarm = swarm;
    }

    @Override
    public String name() {
        return "failed_tasks";
    }

    @Override
    public String description() {
        return "failed/rejected tasks per service in a window, with exit code and error; crash loops per slot";
    }

    @Override
    public boolean perService() {
        return true;
    }

    @Override
    public Map<String, MetricName> metrics() {
        return Map.of("failed", MetricName.of("swarmwatch_service_failed_tasks", "failed or rejected tasks of the service in the failed_tasks window"),
                "crash_loop", MetricName.of("swarmwatch_service_crash_looping", "1 while the service crash-loops (one slot failing again and again)"));
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                new OptionSpec(WINDOW, OptionType.DURATION, Duration.ofMinutes(10), "how far back failures count"),
                new OptionSpec(WARNING_AT, OptionType.INTEGER, 1, "WARNING at this many failures in the window"),
                new OptionSpec(CRASH_LOOP, OptionType.INTEGER, 3,
                        "CRITICAL (crash loop) when one slot fails this often in the window"));
    }

    @Override
    public Future<List<PlannedCheck>> plan(CheckContext context, OptionsLookup options) {
        return swarm.perService(context, this, options, service -> true, (service, tasks, nodes, opts, now) ->
                evaluate(service, tasks, nodes, now, opts.duration(WINDOW), opts.integer(WARNING_AT), opts.integer(CRASH_LOOP)));
    }

    static CheckResult evaluate(SwarmService service, List<SwarmTask> tasks, Map<String, SwarmNode> nodes,
                                Instant now, Duration window, int warningAt, int crashLoop) {
        Instant since = now.minus(window);
        List<SwarmTask> failed = tasks.stream()
                .filter(SwarmTask::failed)
                .filter(t -> !t.timestamp().isBefore(since))
                .sorted(Comparator.comparing(SwarmTask::timestamp).reversed())
                .toList();
        String inWindow = " in the last " + Durations.format(window);
        PerfDatum failedCount = PerfDatum.of("failed", failed.size(), "c").withThresholds(warningAt, crashLoop);
        List<PerfDatum> perf = List.of(failedCount, PerfDatum.count("crash_loop", 0, 0, 1));
        if (failed.isEmpty()) {
            return CheckResult.ok("no failed tasks" + inWindow).withPerfdata(perf);
        }

        Function<SwarmTask, String> slotOf = t -> service.global() || t.slot() == 0 ? "node " + t.nodeId() : "slot " + t.slot();
        Map<String, List<SwarmTask>> bySlot = failed.stream().collect(Collectors.groupingBy(slotOf));
        Map.Entry<String, List<SwarmTask>> worstSlot = bySlot.entrySet().stream()
                .max(Comparator.comparingInt(e -> e.getValue().size())).orElseThrow();
        SwarmTask latest = failed.get(0);

        Status status;
        String summary;
        if (worstSlot.getValue().size() >= crashLoop) {
            status = Status.CRITICAL;
            String where = worstSlot.getKey().startsWith("node ")
                    ? "on " + nodeName(nodes, worstSlot.getValue().get(0).nodeId())
                    : worstSlot.getKey();
            summary = "crash loop: " + where + " failed " + worstSlot.getValue().size() + " times" + inWindow
                    + ", last: " + outcome(latest);
        } else {
            status = failed.size() >= warningAt ? Status.WARNING : Status.OK;
            summary = failed.size() + " failed task" + (failed.size() == 1 ? "" : "s") + inWindow
                    + ", last: " + outcome(latest);
        }
        List<String> details = failed.stream().limit(5)
                .map(t -> slotOf.apply(t).replace("node " + t.nodeId(), "task " + ReplicasKind.shortId(t.id()))
                        + " on " + nodeName(nodes, t.nodeId()) + " at " + t.timestamp() + ": " + t.state()
                        + ", " + outcome(t))
                .toList();
        boolean looping = status == Status.CRITICAL;
        return CheckResult.of(status, summary).withDetails(details)
                .withPerfdata(List.of(failedCount, PerfDatum.count("crash_loop", looping ? 1 : 0, 0, 1)));
    }

    /** "exit 1: task: non-zero exit (1)" or the rejection reason. */
    static String outcome(SwarmTask task) {
        String error = task.error().isEmpty() ? task.message() : task.error();
        return task.exitCode().isPresent()
                ? "exit " + task.exitCode().getAsInt() + (error.isEmpty() ? "" : ": " + error)
                : error.isEmpty() ? task.state() : error;
    }

    private static String nodeName(Map<String, SwarmNode> nodes, String nodeId) {
        SwarmNode node = nodes.get(nodeId);
        return node == null ? (nodeId.isEmpty() ? "no node" : ReplicasKind.shortId(nodeId)) : node.hostname();
    }
}
