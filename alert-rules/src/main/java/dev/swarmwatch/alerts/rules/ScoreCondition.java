package dev.swarmwatch.alerts.rules;

import java.util.Locale;
import java.util.Objects;

/**
 * A rule's condition on the health score instead of check states: the score of the cluster, of
 * each stack or of each service is below {@code below}.
 */
public record ScoreCondition(Scope scope, int below) {

    public enum Scope {
        CLUSTER, STACK, SERVICE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Scope parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("expected one of cluster, stack, service, got \"" + text + "\"");
            }
        }
    }

    public ScoreCondition {
        Objects.requireNonNull(scope, "scope");
        if (below < 1 || below > 100) {
            throw new IllegalArgumentException("score_below must be between 1 and 100, got " + below);
        }
    }
}
