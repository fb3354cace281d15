package dev.swarmwatch.alerts.eval;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One group of one receiver between steps.
 *
 * @param changedSince when a change not yet sent was first seen; null when there is none
 * @param lastFlush    when its last notification was made; null before the first
 * @param sequence     notifications made so far, part of the next one's idempotency key
 */
public record GroupEntry(String receiver, String groupKey, Map<String, String> groupLabels, Instant changedSince,
                         Instant lastFlush, long sequence) {

    public GroupEntry {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(groupKey, "groupKey");
        groupLabels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(groupLabels));
    }

    GroupEntry changed(Instant now) {
        return changedSince != null ? this : new GroupEntry(receiver, groupKey, groupLabels, now, lastFlush, sequence);
    }

    GroupEntry flushed(Instant now) {
        return new GroupEntry(receiver, groupKey, groupLabels, null, now, sequence + 1);
    }
}
