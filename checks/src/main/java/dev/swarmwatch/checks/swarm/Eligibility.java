package dev.swarmwatch.checks.swarm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a global service wants no task anywhere, from the nodes and its tasks: drained, paused and
 * down nodes are named; an active, live node whose last task of the service ended by itself
 * (failed, rejected, complete) is eligible but not restarted; one with no task, or only tasks the
 * orchestrator shut down, was excluded by the service's placement.
 */
final class Eligibility {
    private Eligibility() {
    }

    static String summary(Collection<SwarmNode> nodes, List<SwarmTask> tasks) {
        Map<String, SwarmTask> latest = new HashMap<>();
        for (SwarmTask t : tasks) {
            latest.merge(t.nodeId(), t, (a, b) -> a.timestamp().isAfter(b.timestamp()) ? a : b);
        }
        long ended = nodes.stream().filter(n -> n.availability().equals("active") && !n.state().equals("down"))
                .map(n -> latest.get(n.id()))
                .filter(t -> t != null && (t.failed() || t.state().equals("complete"))).count();
        if (ended > 0) {
            return "none running: its tasks ended on " + ended + (ended == 1 ? " eligible node" : " eligible nodes")
                    + " and are not restarted";
        }
        return "no eligible node (" + why(nodes) + ")";
    }

    static String why(Collection<SwarmNode> nodes) {
        int drained = 0;
        int paused = 0;
        int down = 0;
        int excluded = 0;
        for (SwarmNode node : nodes) {
            switch (node.availability()) {
                case "drain" -> drained++;
                case "pause" -> paused++;
                default -> {
                    if (node.state().equals("down")) {
                        down++;
                    } else {
                        excluded++;
                    }
                }
            }
        }
        List<String> parts = new ArrayList<>();
        add(parts, drained, "drained");
        add(parts, paused, "paused");
        add(parts, down, "down");
        if (excluded > 0) {
            parts.add(excluded < nodes.size() ? excluded + " not matching its placement constraints"
                    : excluded == 1 ? "the only node does not match its placement constraints"
                    : "none of the " + excluded + " nodes matches its placement constraints");
        }
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, int count, String what) {
        if (count > 0) {
            parts.add(count + " " + what);
        }
    }
}
