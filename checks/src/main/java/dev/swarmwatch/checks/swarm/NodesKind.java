package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.spi.CheckContext;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.MetricName;
import dev.swarmwatch.checks.spi.OptionType;
import dev.swarmwatch.checks.spi.Options;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.PlannedCheck;
import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.checks.spi.Subject;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The swarm's nodes: down or disconnected ones are problems, drained and paused ones are reported. */
public final class NodesKind implements CheckKind {
    static final String DOWN = "down_status";
    static final String DISCONNECTED = "disconnected_status";
    static final String DRAINED = "drained_status";

    private final SwarmSource swarm;

    public NodesKind(SwarmSource swarm) {
        this.swarm = swarm;
    }

    @Override
    public String name() {
        return "nodes";
    }

    @Override
    public String description() {
        return "node states: down / disconnected / unknown nodes, drained and paused nodes";
    }

    @Override
    public boolean perService() {
        return false;
    }

    @Override
    public Map<String, MetricName> metrics() {
        return Map.of("nodes_ready", new MetricName("swarmwatch_nodes", Map.of("state", "ready"), "nodes by state"),
                "nodes_down", new MetricName("swarmwatch_nodes", Map.of("state", "down"), "nodes by state"),
                "nodes_not_ready", new MetricName("swarmwatch_nodes", Map.of("state", "not_ready"), "nodes by state"),
                "nodes_drained", new MetricName("swarmwatch_nodes", Map.of("state", "drained"), "nodes by state"));
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                new OptionSpec(DOWN, OptionType.STATUS, Status.CRITICAL, "status when a node is down"),
                new OptionSpec(DISCONNECTED, OptionType.STATUS, Status.WARNING,
                        "status when a node is disconnected or in an unknown state"),
                new OptionSpec(DRAINED, OptionType.STATUS, Status.OK, "status when a node is drained or paused"));
    }

    @Override
    public Future<List<PlannedCheck>> plan(CheckContext context, OptionsLookup options) {
        return swarm.snapshot(context).map(snapshot -> {
            CheckResult result = snapshot instanceof SwarmSnapshot.Available s
                    ? evaluate(s.nodes(), s.info().nodeId(), options.cluster())
                    : CheckResult.unknown("cannot list nodes: "
                    + ((SwarmSnapshot.Unavailable) snapshot).problem().name().toLowerCase().replace('_', ' '));
            return List.of(new PlannedCheck(name(), Subject.wholeSwarm(), options.timeout(),
                    ctx -> Future.succeededFuture(result)));
        });
    }

    static CheckResult evaluate(List<SwarmNode> nodes, Options options) {
        return evaluate(nodes, "", options);
    }

    /**
     * The node states, cross-checked with what contradicts them in the same snapshot: a manager the
     * quorum check finds unreachable is not ready whatever its heartbeat says, and a node marked
     * down whose engine still answers (the engine asked, or a manager Raft finds reachable) is
     * stale, not lost: that happens for a while after a freeze or a restart.
     *
     * @param localNodeId the node of the engine that answered this read, "" when unknown
     */
    static CheckResult evaluate(List<SwarmNode> nodes, String localNodeId, Options options) {
        Status status = Status.OK;
        int ready = 0;
        List<String> down = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        List<String> disconnected = new ArrayList<>();
        List<String> drained = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (SwarmNode node : nodes) {
            String role = node.manager() ? "manager" : "worker";
            boolean answers = node.id().equals(localNodeId) || node.manager() && QuorumKind.reachable(node);
            switch (node.state()) {
                case "ready" -> {
                    if (node.manager() && !QuorumKind.reachable(node)) {
                        unreachable.add(node.hostname());
                        status = status.worse(options.status(DISCONNECTED));
                        details.add("manager " + node.label() + " reads ready by its heartbeat, but the managers find it "
                                + node.reachability() + " (see the quorum check)");
                    } else {
                        ready++;
                    }
                }
                case "down" -> {
                    if (answers) {
                        stale.add(node.hostname());
                        status = status.worse(options.status(DISCONNECTED));
                        details.add(role + " " + node.label() + " is marked down" + why(node) + ", but "
                                + (node.id().equals(localNodeId) ? "its engine answered this read" : "the managers reach it")
                                + ": a missed heartbeat (after a freeze or restart?), not a lost node");
                    } else {
                        down.add(node.hostname());
                        status = status.worse(options.status(DOWN));
                        details.add(role + " " + node.label() + " is down" + why(node));
                    }
                }
                default -> {
                    disconnected.add(node.hostname());
                    status = status.worse(options.status(DISCONNECTED));
                    details.add(role + " " + node.label() + " is " + node.state() + why(node));
                }
            }
            if (!node.availability().equals("active")) {
                drained.add(node.hostname());
                status = status.worse(options.status(DRAINED));
                details.add(role + " " + node.label() + " availability " + node.availability()
                        + ": takes no new tasks");
            }
        }
        StringBuilder summary = new StringBuilder()
                .append(nodes.size()).append(nodes.size() == 1 ? " node: " : " nodes: ")
                .append(ready).append(" ready");
        append(summary, down, "down");
        append(summary, stale, "marked down but answering");
        append(summary, unreachable, unreachable.size() == 1 ? "manager unreachable" : "managers unreachable");
        append(summary, disconnected, "not ready");
        append(summary, drained, "drained/paused");
        List<PerfDatum> perf = List.of(
                PerfDatum.count("nodes", nodes.size(), 0, nodes.size()),
                PerfDatum.count("nodes_ready", ready, 0, nodes.size()),
                PerfDatum.count("nodes_down", down.size(), 0, nodes.size()),
                PerfDatum.count("nodes_not_ready", disconnected.size() + stale.size() + unreachable.size(), 0, nodes.size()),
                PerfDatum.count("nodes_drained", drained.size(), 0, nodes.size()));
        return CheckResult.of(status, summary.toString()).withDetails(details).withPerfdata(perf);
    }

    private static void append(StringBuilder summary, List<String> names, String what) {
        if (!names.isEmpty()) {
            summary.append(", ").append(names.size()).append(' ').append(what)
                    .append(" (").append(String.join(", ", names)).append(')');
        }
    }

    private static String why(SwarmNode node) {
        return node.message().isEmpty() ? "" : " (" + node.message() + ")";
    }
}
