package dev.swarmwatch.alerts.route;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a receiver's alerts are batched into notifications.
 *
 * @param groupBy       the labels that form a group; by default alertname and severity, so that a storm
 *                      of 200 failing services of one rule is one message
 * @param groupWait     how long a new group waits for more alerts before its first message
 * @param groupInterval how long a group waits before a message about its later changes
 */
public record GroupSettings(List<String> groupBy, Duration groupWait, Duration groupInterval) {
    public static final GroupSettings DEFAULTS = new GroupSettings(List.of("alertname", "severity"),
            Duration.ofSeconds(10), Duration.ofSeconds(30));

    public GroupSettings {
        groupBy = List.copyOf(groupBy);
        Objects.requireNonNull(groupWait, "groupWait");
        Objects.requireNonNull(groupInterval, "groupInterval");
        if (groupWait.isNegative() || groupInterval.isNegative() || groupInterval.isZero()) {
            throw new IllegalArgumentException("group_wait must not be negative and group_interval must be positive");
        }
    }
}
