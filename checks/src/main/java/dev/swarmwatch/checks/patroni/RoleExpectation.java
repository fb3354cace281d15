package dev.swarmwatch.checks.patroni;

import java.net.URI;
import java.util.Objects;

/**
 * What one member should be, asked of its own REST API: Patroni answers 200 when the member is what
 * the endpoint names and 503 otherwise.
 *
 * @param member REST API base URL of the member
 * @param role   what it should be
 */
public record RoleExpectation(URI member, Role role) {

    public RoleExpectation {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(role, "role");
    }

    /** The endpoint asked and the words used when it says no. */
    public enum Role {
        /** node_is_primary: {@code /primary} is 200 only on the leader. */
        PRIMARY("/primary", "the primary"),
        /** node_is_replica: {@code /replica} is 200 only on a running replica. */
        REPLICA("/replica", "a replica"),
        /** {@code /health} is 200 whenever PostgreSQL runs on the member, whatever its role. */
        HEALTHY("/health", "healthy");

        private final String path;
        private final String words;

        Role(String path, String words) {
            this.path = path;
            this.words = words;
        }

        public String path() {
            return path;
        }

        String words() {
            return words;
        }
    }
}
