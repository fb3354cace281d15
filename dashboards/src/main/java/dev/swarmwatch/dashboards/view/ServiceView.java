package dev.swarmwatch.dashboards.view;

import dev.swarmwatch.checks.spi.Status;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One service with its checks, worst first, and the figures a table shows.
 *
 * @param running  running replicas per the replicas check, when it ran
 * @param desired  desired replicas per the replicas check, when it ran
 * @param failed   failed tasks in the window per the failed_tasks check, when it ran
 * @param latencyMs the slowest HTTP check of the service, in milliseconds, when one ran
 */
public record ServiceView(String stack, String name, Status status, int score, List<CheckView> checks,
                          OptionalInt running, OptionalInt desired, OptionalInt failed, OptionalDouble latencyMs) {
    public ServiceView {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        checks = List.copyOf(checks);
        Objects.requireNonNull(running, "running");
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(failed, "failed");
        Objects.requireNonNull(latencyMs, "latencyMs");
    }

    /** "3/3", or "" when the replicas check did not run. */
    public String replicas() {
        return running.isPresent() && desired.isPresent() ? running.getAsInt() + "/" + desired.getAsInt() : "";
    }

    /** "stack/name", or the name alone outside a stack: the key of the service across cycles. */
    public String key() {
        return stack.isEmpty() ? name : stack + "/" + name;
    }
}
