package dev.swarmwatch.checks.spi;

import java.util.Map;
import java.util.Objects;

/**
 * The Prometheus gauge a kind's perfdata value is published as, by the daemon.
 *
 * @param name full name with its unit suffix, e.g. {@code swarmwatch_http_response_seconds}
 * @param tags fixed labels it adds, e.g. {@code state=down} for one of several node counts
 * @param help the HELP text Prometheus shows
 */
public record MetricName(String name, Map<String, String> tags, String help) {
    public MetricName {
        Objects.requireNonNull(name, "name");
        tags = Map.copyOf(tags);
        Objects.requireNonNull(help, "help");
        if (!name.matches("swarmwatch_[a-z0-9_]+")) {
            throw new IllegalArgumentException("metric name must be swarmwatch_ and snake_case: " + name);
        }
    }

    public static MetricName of(String name, String help) {
        return new MetricName(name, Map.of(), help);
    }
}
