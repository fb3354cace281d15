package dev.swarmwatch.alerts.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One message for one receiver: a group of alerts that changed together, committed to the outbox
 * before any send is tried.
 *
 * @param id          idempotency key, derived from the group's alerts' fingerprints and transitions:
 *                    the same across retries and restarts ({@code webhook-id})
 * @param receiver    the configured receiver's name
 * @param groupKey    stable key of the group within its receiver
 * @param status      FIRING when any alert of the group fires, else RESOLVED
 * @param groupLabels the labels the group was formed by
 * @param alerts      every alert of the group, worst first (critical before warning, firing before resolved)
 * @param createdAt   when the evaluator made it; the outbox's age of a notification counts from here
 */
public record Notification(String id, String receiver, String groupKey, AlertStatus status,
                           Map<String, String> groupLabels, List<Alert> alerts, Instant createdAt) {

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(groupKey, "groupKey");
        Objects.requireNonNull(status, "status");
        groupLabels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(groupLabels));
        alerts = List.copyOf(alerts);
        Objects.requireNonNull(createdAt, "createdAt");
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a notification needs at least one alert");
        }
    }

    /** Labels every alert of the group shares, as Alertmanager's {@code commonLabels}. */
    public Map<String, String> commonLabels() {
        return common(alerts.stream().map(Alert::labels).toList());
    }

    /** Annotations every alert of the group shares, as Alertmanager's {@code commonAnnotations}. */
    public Map<String, String> commonAnnotations() {
        return common(alerts.stream().map(Alert::annotations).toList());
    }

    private static Map<String, String> common(List<Map<String, String>> maps) {
        Map<String, String> shared = new TreeMap<>(maps.getFirst());
        for (Map<String, String> m : maps.subList(1, maps.size())) {
            shared.entrySet().removeIf(e -> !e.getValue().equals(m.get(e.getKey())));
        }
        return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(shared));
    }
}
