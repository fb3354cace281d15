package dev.swarmwatch.dashboards.view;

import dev.swarmwatch.checks.spi.Status;

import java.util.List;

/** The alert engine's view as the dashboard draws it: firing before pending, each worst first. */
public final class Alerts {
    private Alerts() {
    }

    public static List<AlertView> of(dev.swarmwatch.alerts.eval.AlertView engine) {
        // The engine sorts by severity first; the panel wants everything firing above anything pending.
        return java.util.stream.Stream.concat(engine.firing().stream(), engine.pending().stream())
                .map(Alerts::one).toList();
    }

    private static AlertView one(dev.swarmwatch.alerts.eval.AlertView.Entry e) {
        String alertname = e.label("alertname");
        String check = e.label("check");
        String name = check.isEmpty() || check.equals(alertname) ? alertname : alertname + " " + check;
        return new AlertView(name.isEmpty() ? e.fingerprint() : name, severity(e.label("severity")),
                e.state() == dev.swarmwatch.alerts.eval.AlertView.State.PENDING,
                e.annotations().getOrDefault("summary", ""), e.mutes(), e.mutedBy());
    }

    private static Status severity(String label) {
        return switch (label) {
            case "critical" -> Status.CRITICAL;
            case "warning" -> Status.WARNING;
            case "info" -> Status.OK;
            default -> Status.UNKNOWN;
        };
    }
}
