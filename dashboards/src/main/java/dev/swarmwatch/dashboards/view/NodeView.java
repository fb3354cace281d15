package dev.swarmwatch.dashboards.view;

import dev.swarmwatch.checks.spi.Status;

import java.util.Objects;

/**
 * One node of the swarm as the dashboard lists it; every text is safe for a terminal.
 *
 * @param role    "leader", "manager" or "worker"
 * @param running tasks running on it
 */
public record NodeView(String id, String hostname, String role, String state, String availability, int running) {
    public NodeView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(availability, "availability");
    }

    /** Down is CRITICAL, not ready WARNING, ready OK (drained is shown, not judged: the nodes check judges it). */
    public Status status() {
        return switch (state) {
            case "ready" -> Status.OK;
            case "down" -> Status.CRITICAL;
            default -> Status.WARNING;
        };
    }
}
