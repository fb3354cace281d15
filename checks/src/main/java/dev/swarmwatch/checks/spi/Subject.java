package dev.swarmwatch.checks.spi;

import java.util.Objects;

/**
 * What a check looks at: the whole swarm, or one service (with its stack, if it was deployed as one).
 *
 * @param name    service name, or {@link #CLUSTER_NAME} for cluster-wide checks
 * @param stack   the {@code com.docker.stack.namespace} label, or "" when there is none
 * @param cluster true for cluster-wide checks (quorum, nodes)
 */
public record Subject(String name, String stack, boolean cluster) {

    public static final String CLUSTER_NAME = "swarm";

    public Subject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stack, "stack");
        if (name.isBlank()) {
            throw new IllegalArgumentException("subject name is blank");
        }
    }

    public static Subject wholeSwarm() {
        return new Subject(CLUSTER_NAME, "", true);
    }

    public static Subject service(String name, String stack) {
        return new Subject(name, stack, false);
    }
}
