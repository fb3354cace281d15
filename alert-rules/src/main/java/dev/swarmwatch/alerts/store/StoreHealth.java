package dev.swarmwatch.alerts.store;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether the store works, for {@code /healthz}, a metric and the log. A degraded store never stops
 * the checks; it means transitions cannot be kept (and so are not sent) until it recovers.
 *
 * @param problem empty when healthy
 * @param reason  for an operator: what failed and where, e.g. "disk full: /var/lib/swarmwatch/alerts.db"
 */
public record StoreHealth(Optional<StoreException.Problem> problem, String reason) {
    public static final StoreHealth OK = new StoreHealth(Optional.empty(), "ok");

    public StoreHealth {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(reason, "reason");
    }

    public static StoreHealth degraded(StoreException e) {
        return new StoreHealth(Optional.of(e.problem()), e.getMessage());
    }

    public boolean ok() {
        return problem.isEmpty();
    }
}
