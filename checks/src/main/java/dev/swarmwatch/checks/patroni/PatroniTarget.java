package dev.swarmwatch.checks.patroni;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One Patroni cluster to check.
 *
 * @param members             REST API base URLs of the members ({@code http://host:8008}), asked in order
 *                            for {@code /cluster} until one answers
 * @param timeout             bound on each HTTP request (connect and answer)
 * @param minReplicasWarning  WARNING when fewer replicas than this are streaming
 * @param minReplicasCritical CRITICAL when fewer replicas than this are streaming
 * @param lagWarningBytes     WARNING when a replica lags this many bytes or more
 * @param lagCriticalBytes    CRITICAL when a replica lags this many bytes or more
 * @param expectedMembers     how many members the cluster should list, when known
 * @param roles               per-member role expectations (node_is_primary / node_is_replica / health)
 * @param failoverHoldCycles  for how many cycles, the first included, a failover or timeline change stays
 *                            reported (1: only on the cycle it is first seen)
 */
public record PatroniTarget(List<URI> members, Duration timeout,
                            int minReplicasWarning, int minReplicasCritical,
                            long lagWarningBytes, long lagCriticalBytes,
                            OptionalInt expectedMembers, List<RoleExpectation> roles,
                            int failoverHoldCycles) {

    public PatroniTarget {
        members = List.copyOf(members);
        roles = List.copyOf(roles);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(expectedMembers, "expectedMembers");
        if (members.isEmpty()) {
            throw new IllegalArgumentException("at least one Patroni member URL is needed");
        }
        members.forEach(PatroniTarget::requireHttpBase);
        roles.forEach(r -> requireHttpBase(r.member()));
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (minReplicasCritical < 0 || minReplicasWarning < minReplicasCritical) {
            throw new IllegalArgumentException("need 0 <= minReplicasCritical <= minReplicasWarning, got critical "
                    + minReplicasCritical + ", warning " + minReplicasWarning);
        }
        if (lagWarningBytes < 0 || lagCriticalBytes < lagWarningBytes) {
            throw new IllegalArgumentException("need 0 <= lagWarningBytes <= lagCriticalBytes, got warning "
                    + lagWarningBytes + ", critical " + lagCriticalBytes);
        }
        if (expectedMembers.isPresent() && expectedMembers.getAsInt() < 1) {
            throw new IllegalArgumentException("expectedMembers must be at least 1: " + expectedMembers.getAsInt());
        }
        if (failoverHoldCycles < 1) {
            throw new IllegalArgumentException("failoverHoldCycles must be at least 1: " + failoverHoldCycles);
        }
    }

    /** Defaults as dalibo check_patroni would be used on a three-member cluster: 2 replicas, lag 1/16 MiB. */
    public static PatroniTarget of(List<URI> members, Duration timeout) {
        return new PatroniTarget(members, timeout, 2, 1, 1L << 20, 16L << 20, OptionalInt.empty(), List.of(), 1);
    }

    public PatroniTarget withExpectedMembers(int count) {
        return new PatroniTarget(members, timeout, minReplicasWarning, minReplicasCritical, lagWarningBytes,
                lagCriticalBytes, OptionalInt.of(count), roles, failoverHoldCycles);
    }

    public PatroniTarget withRoles(List<RoleExpectation> expectations) {
        return new PatroniTarget(members, timeout, minReplicasWarning, minReplicasCritical, lagWarningBytes,
                lagCriticalBytes, expectedMembers, expectations, failoverHoldCycles);
    }

    // The URL is joined with "/cluster" etc., so a path, query or user-info part would be lost or leaked.
    private static void requireHttpBase(URI url) {
        Objects.requireNonNull(url, "member URL");
        String scheme = url.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
            throw new IllegalArgumentException("member URL must be http(s)://host[:port]: " + url);
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("member URL must not carry credentials");
        }
        if (url.getRawQuery() != null || url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/")) {
            throw new IllegalArgumentException("member URL must have no path or query: " + url);
        }
    }
}
