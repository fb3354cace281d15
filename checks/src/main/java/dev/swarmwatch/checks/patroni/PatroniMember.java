package dev.swarmwatch.checks.patroni;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One member as {@code GET /cluster} lists it.
 *
 * @param name           Patroni's member name
 * @param role           {@code leader}, {@code standby_leader}, {@code replica}, {@code sync_standby}, ...
 * @param state          {@code running}, {@code streaming}, {@code stopped}, {@code starting}, ...
 * @param apiUrl         its REST URL as it advertises it ({@code http://host:8008/patroni}), or ""
 * @param timeline       its PostgreSQL timeline, when Patroni knows it
 * @param lagBytes       replication lag in bytes, when Patroni reports a number
 * @param lagText        the lag as listed when it is not a number ("unknown"), "" when there is none
 *                       (the leader has no lag field)
 * @param pendingRestart a changed setting waits for a restart
 */
public record PatroniMember(String name, String role, String state, String apiUrl, OptionalLong timeline,
                            OptionalLong lagBytes, String lagText, boolean pendingRestart) {

    public PatroniMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(lagBytes, "lagBytes");
        Objects.requireNonNull(lagText, "lagText");
        if (name.isBlank()) {
            throw new IllegalArgumentException("member name is blank");
        }
        if (lagBytes.isPresent() && !lagText.isEmpty()) {
            throw new IllegalArgumentException("lag is either a number or a text, not both");
        }
    }

    public boolean leader() {
        return role.equals("leader") || role.equals("standby_leader");
    }

    /**
     * A replica that follows the leader. Patroni 3.0.4 and later say {@code streaming}; earlier
     * versions (Debian 12 ships 3.0.2) say {@code running} for every working replica, so both count,
     * as in dalibo check_patroni.
     */
    public boolean streamingReplica() {
        return !leader() && (state.equals("streaming") || state.equals("running"));
    }
}
