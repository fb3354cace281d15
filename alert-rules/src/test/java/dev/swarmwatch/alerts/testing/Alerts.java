package dev.swarmwatch.alerts.testing;

import dev.swarmwatch.alerts.notify.Alert;
import dev.swarmwatch.alerts.notify.AlertStatus;
import dev.swarmwatch.alerts.notify.Notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/** Hand-built alerts and notifications (pure values) for the delivery tests. */
public final class Alerts {
    private Alerts() {
    }

    public static Alert firing(String service, Instant since) {
        return new Alert("fp-" + service, Map.of("alertname", "ReplicasMissing", "severity", "critical",
                "service", service, "stack", "shop", "node", "node-1", "kind", "replicas", "check", "replicas:" + service),
                Map.of("summary", service + " 0/2 running", "description", "tasks pending: no suitable node"),
                AlertStatus.FIRING, since, Optional.empty(), List.of());
    }

    public static Alert resolved(String service, Instant since, Instant ended) {
        Alert f = firing(service, since);
        return new Alert(f.fingerprint(), f.labels(), f.annotations(), AlertStatus.RESOLVED, since, Optional.of(ended), List.of());
    }

    public static Notification one(String id, String receiver, Alert alert, Instant created) {
        return new Notification(id, receiver, "{}:{service=\"" + alert.label("service") + "\"}", alert.status(),
                Map.of("service", alert.label("service")), List.of(alert), created);
    }

    public static Notification storm(String id, String receiver, int n, Instant created) {
        List<Alert> alerts = IntStream.range(0, n).mapToObj(i -> firing(String.format("svc-%03d", i), created.minusSeconds(60))).toList();
        return new Notification(id, receiver, "{}:{alertname=\"ReplicasMissing\"}", AlertStatus.FIRING,
                Map.of("alertname", "ReplicasMissing"), alerts, created);
    }
}
