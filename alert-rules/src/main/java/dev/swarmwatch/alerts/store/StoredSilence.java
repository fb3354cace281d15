package dev.swarmwatch.alerts.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A silence as the store keeps it. The matchers are the silence model's own JSON: the store does
 * not interpret them.
 */
public record StoredSilence(String id, String matchersJson, Instant starts, Instant ends, String createdBy,
                            String comment) {

    public StoredSilence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(matchersJson, "matchersJson");
        Objects.requireNonNull(starts, "starts");
        Objects.requireNonNull(ends, "ends");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(comment, "comment");
        if (ends.isBefore(starts)) {
            throw new IllegalArgumentException("a silence cannot end before it starts");
        }
    }

    public boolean activeAt(Instant t) {
        return !t.isBefore(starts) && t.isBefore(ends);
    }
}
