package dev.swarmwatch.dashboards.tui;

import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.swarm.SwarmSnapshot;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One finished cycle as the dashboard receives it.
 *
 * @param snapshot the Swarm snapshot the cycle's checks judged, when the swarm kinds ran
 * @param apiCalls Docker API calls the cycle made
 */
public record CycleResult(HealthReport report, Optional<SwarmSnapshot> snapshot, long apiCalls, Instant finished) {
    public CycleResult {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(finished, "finished");
    }
}
