package dev.swarmwatch.checks.swarm;

import java.util.Objects;

/**
 * One node of {@code GET /nodes}.
 *
 * @param state        Status.State: ready, down, disconnected, unknown
 * @param availability Spec.Availability: active, pause, drain
 * @param reachability ManagerStatus.Reachability for managers (reachable, unreachable, unknown), "" for workers
 */
public record SwarmNode(String id, String hostname, boolean manager, String state, String availability,
                        String message, String reachability, boolean leader, String address) {
    public SwarmNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(reachability, "reachability");
        Objects.requireNonNull(address, "address");
    }

    /** Name for humans: the hostname, which several nodes may share in test beds, so with a short id. */
    public String label() {
        return hostname + " (" + id.substring(0, Math.min(12, id.length())) + ")";
    }
}
