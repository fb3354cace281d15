package dev.swarmwatch.alerts.rules;

import java.util.Locale;

/** How bad an alert is; ordered worst first. */
public enum Severity {
    CRITICAL, WARNING, INFO;

    /** As labels and config write it: critical, warning, info. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected one of critical, warning, info, got \"" + text + "\"");
        }
    }

    /** For sorting worst first; unknown text sorts last. */
    public static int rank(String wire) {
        for (Severity s : values()) {
            if (s.wire().equals(wire)) {
                return s.ordinal();
            }
        }
        return values().length;
    }
}
