package dev.swarmwatch.alerts.notify;

import java.util.Locale;

/** An alert's (or a group's) state as receivers see it. */
public enum AlertStatus {
    FIRING, RESOLVED;

    /** As Alertmanager's webhook body writes it: {@code firing}, {@code resolved}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
