package dev.swarmwatch.checks.swarm;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One task of {@code GET /tasks}.
 *
 * @param slot         Slot for replicated services, 0 for global ones
 * @param state        Status.State: the truth (new, pending, assigned, ..., running, complete,
 *                     failed, rejected, shutdown, orphaned, remove)
 * @param desiredState DesiredState: what the orchestrator wants, never what is
 * @param error        Status.Err, "" when none
 * @param exitCode     Status.ContainerStatus.ExitCode where the container ran
 * @param timestamp    Status.Timestamp: when the task entered its state
 * @param address      its first network address without the prefix length, "" when it has none
 *                     (host networking)
 */
public record SwarmTask(String id, String serviceId, int slot, String nodeId, String state, String desiredState,
                        String error, String message, OptionalInt exitCode, Instant timestamp, String address) {
    public SwarmTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(desiredState, "desiredState");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(address, "address");
    }

    public boolean running() {
        return state.equals("running");
    }

    public boolean failed() {
        return state.equals("failed") || state.equals("rejected");
    }
}
