package dev.swarmwatch.dashboards.view;

import dev.swarmwatch.checks.spi.SafeText;
import dev.swarmwatch.checks.spi.Status;

import java.util.List;
import java.util.Objects;

/**
 * A firing or pending alert as the checks panel shows it, every text already sanitized.
 *
 * @param name     the alert's name and check ("SwarmCritical replicas:web")
 * @param severity the colour and word: CRITICAL, WARNING, or OK for an info alert
 * @param pending  its condition holds but its {@code for} has not passed yet
 * @param mutes    what this alert suppresses, one line each ("replicas:web 0/2 running")
 * @param mutedBy  why it sends nothing (a root cause, a silence); empty when it sends
 */
public record AlertView(String name, Status severity, boolean pending, String summary, List<String> mutes,
                        List<String> mutedBy) {
    public AlertView {
        name = SafeText.line(Objects.requireNonNull(name, "name"));
        Objects.requireNonNull(severity, "severity");
        summary = SafeText.line(Objects.requireNonNull(summary, "summary"));
        mutes = mutes.stream().map(SafeText::line).toList();
        mutedBy = mutedBy.stream().map(SafeText::line).toList();
    }

    /** The word the panel marks it with: CRIT, WARN, INFO. */
    public String word() {
        return switch (severity) {
            case CRITICAL -> "CRIT";
            case WARNING -> "WARN";
            case OK -> "INFO";
            case UNKNOWN -> "UNKN";
        };
    }
}
