package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.spi.CheckContext;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.MetricName;
import dev.swarmwatch.checks.spi.OptionType;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.PlannedCheck;
import dev.swarmwatch.checks.spi.Status;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Running vs desired replicas of each service. Running counts tasks whose {@code Status.State} is
 * running on a node that is not down (never {@code DesiredState}, and never the engine's own count
 * alone: it can say 1/1 while the node is gone); desired is the replica count, or for global
 * services the eligible nodes (nodes with a task wanted, or the engine's DesiredTasks if more).
 * A global service wanted nowhere says why ({@link Eligibility}) instead of "scaled to 0".
 */
public final class ReplicasKind implements CheckKind {
    static final String CRITICAL_BELOW = "critical_below";

    private final SwarmSource swarm;

    public ReplicasKind(SwarmSource swarm) {
        this.swarm = swarm;
    }

    @Override
    public String name() {
        return "replicas";
    }

    @Override
    public String description() {
        return "running tasks (by Status.State) vs desired replicas of each service; rolling updates, paused and rolled-back updates";
    }

    @Override
    public boolean perService() {
        return true;
    }

    @Override
    public Map<String, MetricName> metrics() {
        return Map.of("running", MetricName.of("swarmwatch_service_replicas_running", "running tasks of the service, by Status.State, on nodes not down"),
                "desired", MetricName.of("swarmwatch_service_replicas_desired", "desired replicas of the service (eligible nodes for global services)"));
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(new OptionSpec(CRITICAL_BELOW, OptionType.INTEGER, 1,
                "CRITICAL when fewer replicas than this run (WARNING below desired)"));
    }

    @Override
    public Future<List<PlannedCheck>> plan(CheckContext context, OptionsLookup options) {
        return swarm.perService(context, this, options, service -> !service.job(),
                (service, tasks, nodes, opts, now) -> evaluate(service, tasks, nodes, opts.integer(CRITICAL_BELOW)));
    }

    static CheckResult evaluate(SwarmService service, List<SwarmTask> tasks, Map<String, SwarmNode> nodes,
                                int criticalBelow) {
        Set<String> running = new HashSet<>();
        Set<String> lostNodes = new TreeSet<>();
        int onLostNodes = 0;
        for (SwarmTask task : tasks) {
            if (!task.running()) {
                continue;
            }
            SwarmNode node = nodes.get(task.nodeId());
            // Only "down" is known lost: after a leader change every node reads "unknown" for a while.
            if (node != null && node.state().equals("down")) {
                onLostNodes++;
                lostNodes.add(node.hostname());
                continue;
            }
            running.add(service.global() ? task.nodeId() : String.valueOf(task.slot()));
        }
        int desired = desired(service, tasks);
        int up = running.size();
        String counts = up + "/" + desired + " running";

        Status status;
        String summary;
        List<String> details = new ArrayList<>();
        if (desired == 0 && service.global() && !nodes.isEmpty()) {
            // Nothing to run on is not the same as nothing wanted: the service is placed nowhere.
            status = Status.WARNING;
            summary = Eligibility.summary(nodes.values(), tasks);
        } else if (desired == 0) {
            status = Status.OK;
            summary = "scaled to 0";
        } else if (up == 0 || up < criticalBelow) {
            status = Status.CRITICAL;
            summary = counts;
        } else if (up < desired) {
            status = Status.WARNING;
            summary = counts;
        } else {
            status = Status.OK;
            summary = counts;
        }
        if (onLostNodes > 0) {
            // The root cause is the node; this service's count is its consequence.
            summary += ": " + tasksOn(onLostNodes, up) + " on " + (lostNodes.size() == 1 ? "node " : "nodes ")
                    + String.join(", ", lostNodes) + ", which the engine marks down";
            details.add("caused by: " + (lostNodes.size() == 1 ? "node " : "nodes ") + String.join(", ", lostNodes)
                    + " down (see the nodes check); " + onLostNodes + " task(s) there still read running: not counted");
        }
        int engineDesired = service.engineDesired().orElse(desired);
        String disagreement = service.engineRunning().isPresent() && service.engineRunning().getAsInt() != up
                ? "; tasks say " + up + "/" + desired + ", ServiceStatus says "
                + service.engineRunning().getAsInt() + "/" + engineDesired
                : "";

        String update = service.updateState();
        String because = service.updateMessage().isEmpty() ? "" : ": " + service.updateMessage();
        switch (update) {
            case "updating", "rollback_started" -> {
                status = Status.WARNING;
                summary += ", converging (" + (update.equals("updating") ? "rolling update" : "rolling back")
                        + " in progress)";
            }
            case "paused" -> {
                status = Status.CRITICAL;
                summary += ", update paused" + because;
            }
            case "rollback_paused" -> {
                status = Status.CRITICAL;
                summary += ", rollback paused" + because;
            }
            case "rollback_completed" -> {
                status = status.worse(Status.WARNING);
                summary += ", update rolled back" + because;
            }
            default -> {
                // completed or never updated: the counts speak alone
            }
        }

        summary += disagreement;
        if (service.global()) {
            details.add("global service: desired = eligible nodes");
        }
        if (up < desired) {
            tasks.stream()
                    .filter(t -> t.desiredState().equals("running") && !t.running())
                    .limit(3)
                    .forEach(t -> details.add(where(service, t) + ": " + t.state() + reason(t)));
        }
        List<PerfDatum> perf = List.of(
                PerfDatum.count("running", up, 0, desired).withThresholds(desired, criticalBelow),
                PerfDatum.count("desired", desired, 0, desired));
        return CheckResult.of(status, summary).withDetails(details).withPerfdata(perf);
    }

    private static String tasksOn(int count, int up) {
        if (up > 0 || count == 1) {
            return count == 1 ? "1 task" : count + " tasks";
        }
        return count == 2 ? "both tasks" : "all " + count + " tasks";
    }

    static int desired(SwarmService service, List<SwarmTask> tasks) {
        if (!service.global()) {
            return service.replicas();
        }
        // One task wanted per eligible node. The engine's DesiredTasks counts only tasks desired
        // running, so it drops to 0 while a crashing task waits out its restart delay (its successor
        // is desired "ready"); engines before API 1.41 do not report it at all.
        int wanted = (int) tasks.stream().filter(t -> t.desiredState().equals("running") || t.desiredState().equals("ready"))
                .map(SwarmTask::nodeId).distinct().count();
        return Math.max(wanted, service.engineDesired().orElse(0));
    }

    static String where(SwarmService service, SwarmTask task) {
        return service.global() || task.slot() == 0
                ? "task " + shortId(task.id())
                : "slot " + task.slot();
    }

    static String reason(SwarmTask task) {
        String why = !task.error().isEmpty() ? task.error() : task.message();
        return why.isEmpty() ? "" : " (" + why + ")";
    }

    static String shortId(String id) {
        return id.substring(0, Math.min(12, id.length()));
    }
}
