package dev.swarmwatch.checks.swarm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Why a global service has no node to run on, from the nodes alone: drained, paused and down ones
 * are named; an active, live node that got no task was excluded by the service's placement.
 */
final class Eligibility {
    private Eligibility() {
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
