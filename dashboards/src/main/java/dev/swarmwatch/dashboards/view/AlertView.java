package dev.swarmwatch.dashboards.view;

import dev.swarmwatch.checks.spi.Status;

import java.util.List;
import java.util.Objects;

/**
 * A firing alert as the checks panel shows it. The alert engine feeds these in; until it is wired
 * the dashboard's model carries none and shows no alerts section.
 *
 * @param mutes what this alert suppresses (e.g. the service alerts a lost quorum causes)
 */
public record AlertView(String name, Status severity, String summary, List<String> mutes) {
    public AlertView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        mutes = List.copyOf(mutes);
    }
}
