package dev.swarmwatch.checks.spi;

import java.util.List;
import java.util.Objects;

/**
 * One declared thing to check, for kinds whose checks are declared rather than found in the swarm
 * (an HTTP endpoint, a database): from the config's {@code targets} section or from a service's
 * {@code swarmwatch.<kind>.*} labels.
 *
 * @param name     unique within its kind
 * @param subject  the service it belongs to, or the whole swarm
 * @param options  its resolved options
 * @param replicas the running tasks of its service, for per-replica checks; empty when unknown
 * @param origin   where it was declared, for messages: "config" or "label on service X"
 * @param problem  why its declaration is unusable ("" when it is fine); labels are validated
 *                 only when read, so a bad label becomes an UNKNOWN result, not a start-up error
 */
public record CheckTarget(String name, Subject subject, Options options, List<Replica> replicas,
                          String origin, String problem) {
    public CheckTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(options, "options");
        replicas = List.copyOf(replicas);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(problem, "problem");
        if (name.isBlank()) {
            throw new IllegalArgumentException("target name is blank");
        }
    }

    public boolean usable() {
        return problem.isEmpty();
    }
}
