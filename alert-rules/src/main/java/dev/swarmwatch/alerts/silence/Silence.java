package dev.swarmwatch.alerts.silence;

import dev.swarmwatch.alerts.rules.Matcher;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An operator's "not now" for the alerts its matchers select, from {@code startsAt} until
 * {@code endsAt}. A silenced alert sends nothing; when the silence ends, an alert still firing is
 * notified.
 */
public record Silence(String id, List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
                      String comment) {

    public Silence {
        Objects.requireNonNull(id, "id");
        matchers = List.copyOf(matchers);
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(comment, "comment");
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("a silence needs at least one matcher");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a silence must end after it starts");
        }
    }

    public boolean activeAt(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    public boolean silences(Map<String, String> labels, Instant now) {
        return activeAt(now) && Matcher.all(matchers, labels);
    }

    /** The same silence ended now (silence expire). */
    public Silence expiredAt(Instant now) {
        return new Silence(id, matchers, startsAt.isBefore(now) ? startsAt : now.minusMillis(1), now, createdBy, comment);
    }
}
