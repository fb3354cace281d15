package dev.swarmwatch.alerts.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One alert as a notification carries it: the shape of an alert in Alertmanager's webhook body,
 * plus what it mutes.
 *
 * @param fingerprint stable id computed from the labels (same across restarts and versions)
 * @param labels      alertname, severity, service, stack, node, kind, check and the rule's own; sorted
 * @param annotations summary, description and the rule's own
 * @param status      firing or resolved
 * @param startsAt    when the alert started firing
 * @param endsAt      when it resolved; empty while firing
 * @param mutes       one line per alert this one suppresses ("replicas:web 0/2 running"), most important first
 */
public record Alert(String fingerprint, Map<String, String> labels, Map<String, String> annotations,
                    AlertStatus status, Instant startsAt, Optional<Instant> endsAt, List<String> mutes) {

    public Alert {
        Objects.requireNonNull(fingerprint, "fingerprint");
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        annotations = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(annotations));
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        mutes = List.copyOf(mutes);
        if (status == AlertStatus.RESOLVED && endsAt.isEmpty()) {
            throw new IllegalArgumentException("a resolved alert needs endsAt");
        }
    }

    public String label(String name) {
        return labels.getOrDefault(name, "");
    }

    public String annotation(String name) {
        return annotations.getOrDefault(name, "");
    }
}
