package dev.swarmwatch.dashboards.view;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One task as the drill-down lists it; every text is safe for a terminal.
 *
 * @param slot  the replica's slot, 0 for a global service's task
 * @param since when the task entered its state
 * @param error the engine's error, else its message, "" when neither
 */
public record TaskView(String service, int slot, String node, String state, String desiredState, Instant since,
                       OptionalInt exitCode, String error) {
    public TaskView {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(desiredState, "desiredState");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(error, "error");
    }
}
