package dev.swarmwatch.alerts.route;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A named set of time windows, as Alertmanager's {@code time_intervals}: the interval contains an
 * instant when one of its windows does.
 */
public record TimeInterval(String name, List<TimeWindow> windows) {

    public TimeInterval {
        Objects.requireNonNull(name, "name");
        windows = List.copyOf(windows);
    }

    public boolean contains(Instant instant) {
        return windows.stream().anyMatch(w -> w.contains(instant));
    }
}
