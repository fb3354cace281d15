package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.spi.CheckContext;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Durations;
import dev.swarmwatch.checks.spi.Options;
import dev.swarmwatch.checks.spi.PlannedCheck;
import dev.swarmwatch.checks.spi.Subject;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Hands every Swarm check of a cycle the same snapshot, read once on a virtual thread. */
public final class SwarmSource {
    private final SwarmReader reader;
    private volatile SwarmSnapshot latest;

    public SwarmSource(SwarmReader reader) {
        this.reader = reader;
    }

    public Future<SwarmSnapshot> snapshot(CheckContext context) {
        // Should the read outlive the cycle, the quorum check says what it is: an engine not answering.
        return context.perCycle(this, () -> context.blocking(reader::read).onSuccess(s -> latest = s), waited -> new SwarmSnapshot.Unavailable(
                SwarmSnapshot.Problem.ENGINE_NOT_ANSWERING, "Docker engine not answering within " + Durations.format(waited)
                + ": the swarm read had not finished when the cycle ended", null));
    }

    /** The snapshot the latest cycle read, for front-ends that show tasks and nodes beyond the checks' verdicts. */
    public java.util.Optional<SwarmSnapshot> latest() {
        return java.util.Optional.ofNullable(latest);
    }

    /** How a per-service kind judges one service from the snapshot. */
    @FunctionalInterface
    interface ServiceRule {
        CheckResult evaluate(SwarmService service, List<SwarmTask> tasks, Map<String, SwarmNode> nodes,
                             Options options, Instant now);
    }

    /**
     * One check per service the rule applies to and the config does not ignore; none when the
     * swarm could not be read (the quorum check says why).
     */
    Future<List<PlannedCheck>> perService(CheckContext context, CheckKind kind, CheckKind.OptionsLookup options,
                                          Predicate<SwarmService> applies, ServiceRule rule) {
        return snapshot(context).map(snapshot -> {
            if (!(snapshot instanceof SwarmSnapshot.Available s)) {
                return List.of();
            }
            Map<String, List<SwarmTask>> tasks = s.tasksByService();
            Map<String, SwarmNode> nodes = s.nodesById();
            List<PlannedCheck> planned = new ArrayList<>();
            for (SwarmService service : s.services()) {
                if (!applies.test(service) || options.ignored(service.name())) {
                    continue;
                }
                List<SwarmTask> own = tasks.getOrDefault(service.id(), List.of());
                CheckResult result = rule.evaluate(service, own, nodes, options.service(service.name()),
                        context.cycleStart()).withLabels(facts(service, own, nodes));
                planned.add(new PlannedCheck(kind.name(), Subject.service(service.name(), service.stack()),
                        options.timeout(), ctx -> Future.succeededFuture(result)));
            }
            return planned;
        });
    }

    /**
     * What alert rules need beyond the verdict: the nodes the service's current tasks are on (so a
     * down node can mute the alerts it causes, and a drained one quiet them) and its Docker labels.
     */
    static Map<String, String> facts(SwarmService service, List<SwarmTask> tasks, Map<String, SwarmNode> nodes) {
        Set<String> on = new TreeSet<>();
        Set<String> down = new TreeSet<>();
        Set<String> drained = new TreeSet<>();
        for (SwarmTask task : tasks) {
            SwarmNode node = nodes.get(task.nodeId());
            if (node == null || !(task.running() || task.desiredState().equals("running"))) {
                continue;
            }
            on.add(node.hostname());
            if (node.state().equals("down")) {
                down.add(node.hostname());
            }
            if (!node.availability().equals("active")) {
                drained.add(node.hostname());
            }
        }
        Map<String, String> facts = new TreeMap<>();
        service.labels().forEach((k, v) -> facts.put("label." + k, v));
        facts.put("nodes", String.join(",", on));
        facts.put("nodes_down", String.join(",", down));
        facts.put("nodes_drained", String.join(",", drained));
        return facts;
    }
}
