package dev.swarmwatch.dashboards.view;

import dev.swarmwatch.checks.spi.SafeText;
import dev.swarmwatch.checks.swarm.SwarmNode;
import dev.swarmwatch.checks.swarm.SwarmService;
import dev.swarmwatch.checks.swarm.SwarmSnapshot;
import dev.swarmwatch.checks.swarm.SwarmTask;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the cycle's Swarm snapshot adds to the checks: each service's mode, the nodes, and the
 * tasks per service and per node, for the drill-down. Empty when the swarm could not be read.
 *
 * @param modes          service name to mode (replicated, global, ...)
 * @param tasksByService service name to its tasks, by slot then newest first
 * @param tasksByNode    node id to its tasks, by service then slot
 */
public record SwarmFacts(Map<String, String> modes, List<NodeView> nodes, Map<String, List<TaskView>> tasksByService,
                         Map<String, List<TaskView>> tasksByNode) {
    /** Tasks kept per service: the current ones and the most recent history. */
    static final int TASKS_PER_SERVICE = 40;
    public static final SwarmFacts NONE = new SwarmFacts(Map.of(), List.of(), Map.of(), Map.of());

    public SwarmFacts {
        modes = Map.copyOf(modes);
        nodes = List.copyOf(nodes);
        tasksByService = Map.copyOf(tasksByService);
        tasksByNode = Map.copyOf(tasksByNode);
    }

    public static SwarmFacts of(SwarmSnapshot snapshot) {
        if (!(snapshot instanceof SwarmSnapshot.Available s)) {
            return NONE;
        }
        Map<String, SwarmNode> nodes = s.nodesById();
        Map<String, SwarmService> services = s.services().stream()
                .collect(Collectors.toMap(SwarmService::id, Function.identity(), (a, b) -> a));
        Comparator<TaskView> bySlotNewest = Comparator.comparingInt(TaskView::slot)
                .thenComparing(TaskView::since, Comparator.reverseOrder());
        List<TaskView> tasks = s.tasks().stream()
                .filter(t -> services.containsKey(t.serviceId()))
                .map(t -> task(t, services.get(t.serviceId()), nodes.get(t.nodeId())))
                .toList();
        Map<String, List<TaskView>> byService = tasks.stream().collect(Collectors.groupingBy(TaskView::service,
                Collectors.collectingAndThen(Collectors.toList(), l -> l.stream()
                        .sorted(Comparator.comparing(TaskView::since, Comparator.reverseOrder()))
                        .limit(TASKS_PER_SERVICE).sorted(bySlotNewest).toList())));
        Map<String, String> nodeNames = s.nodes().stream()
                .collect(Collectors.toMap(SwarmNode::id, n -> SafeText.line(n.hostname()), (a, b) -> a));
        Map<String, List<TaskView>> byNode = s.tasks().stream()
                .filter(t -> services.containsKey(t.serviceId()) && nodeNames.containsKey(t.nodeId())
                        && t.desiredState().equals("running"))
                .collect(Collectors.groupingBy(SwarmTask::nodeId, Collectors.collectingAndThen(Collectors.toList(),
                        l -> l.stream().map(t -> task(t, services.get(t.serviceId()), nodes.get(t.nodeId())))
                                .sorted(Comparator.comparing(TaskView::service, NaturalOrder.INSTANCE)
                                        .thenComparingInt(TaskView::slot)).toList())));
        List<NodeView> nodeViews = s.nodes().stream().map(n -> new NodeView(n.id(), SafeText.line(n.hostname()),
                        n.leader() ? "leader" : n.manager() ? "manager" : "worker", SafeText.line(n.state()),
                        SafeText.line(n.availability()),
                        (int) s.tasks().stream().filter(t -> t.running() && t.nodeId().equals(n.id())).count()))
                .sorted(Comparator.comparingInt((NodeView n) -> -n.status().severity())
                        .thenComparing(NodeView::hostname, NaturalOrder.INSTANCE))
                .toList();
        Map<String, String> modes = s.services().stream()
                .collect(Collectors.toMap(v -> SafeText.line(v.name()), v -> SafeText.line(v.mode()), (a, b) -> a));
        return new SwarmFacts(modes, nodeViews, byService, byNode);
    }

    private static TaskView task(SwarmTask t, SwarmService service, SwarmNode node) {
        String nodeName = node == null ? (t.nodeId().isEmpty() ? "-" : t.nodeId().substring(0, Math.min(12, t.nodeId().length())))
                : node.hostname();
        String error = t.error().isEmpty() ? t.message() : t.error();
        return new TaskView(SafeText.line(service.name()), t.slot(), SafeText.line(nodeName), SafeText.line(t.state()),
                SafeText.line(t.desiredState()), t.timestamp(), t.exitCode(), SafeText.line(error));
    }
}
