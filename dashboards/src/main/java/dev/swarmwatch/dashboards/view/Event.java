package dev.swarmwatch.dashboards.view;

import dev.swarmwatch.checks.spi.Status;

import java.time.Instant;
import java.util.Objects;

/**
 * A state change between two cycles, "web 3/3 -> 1/3" or "quorum lost".
 *
 * @param subject the service key (see {@link ServiceView#key()}), or "" for the swarm and targets
 * @param status  the new status, for its colour
 */
public record Event(Instant at, String subject, Status status, String text) {
    public Event {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
    }
}
