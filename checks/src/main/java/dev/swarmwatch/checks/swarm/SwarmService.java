package dev.swarmwatch.checks.swarm;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One service of {@code GET /services?status=true}.
 *
 * @param mode            replicated, global, replicated-job or global-job
 * @param replicas        Spec.Mode.Replicated.Replicas (0 for other modes)
 * @param engineRunning   ServiceStatus.RunningTasks where the engine reports it (API 1.41+)
 * @param engineDesired   ServiceStatus.DesiredTasks where the engine reports it (API 1.41+)
 * @param updateState     UpdateStatus.State (updating, paused, completed, rollback_started,
 *                        rollback_paused, rollback_completed), "" when never updated
 * @param updateMessage   UpdateStatus.Message, "" when none
 */
public record SwarmService(String id, String name, String stack, String mode, int replicas,
                           OptionalInt engineRunning, OptionalInt engineDesired,
                           String updateState, String updateMessage, Map<String, String> labels) {
    public static final String STACK_LABEL = "com.docker.stack.namespace";

    public SwarmService {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(engineRunning, "engineRunning");
        Objects.requireNonNull(engineDesired, "engineDesired");
        Objects.requireNonNull(updateState, "updateState");
        Objects.requireNonNull(updateMessage, "updateMessage");
        labels = Map.copyOf(labels);
    }

    public boolean global() {
        return mode.startsWith("global");
    }

    public boolean job() {
        return mode.endsWith("-job");
    }
}
