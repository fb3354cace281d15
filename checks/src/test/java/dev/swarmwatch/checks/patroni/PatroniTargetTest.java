package dev.swarmwatch.checks.patroni;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatroniTargetTest {
    private static final List<URI> ONE = List.of(URI.create("http://127.0.0.1:8008"));

    private static PatroniTarget target(List<URI> members, int minWarn, int minCrit, long lagWarn, long lagCrit) {
        return new PatroniTarget(members, Duration.ofSeconds(2), minWarn, minCrit, lagWarn, lagCrit, OptionalInt.empty(), List.of(), 1);
    }

    @Test
    void rejectsWhatCannotBeAsked() {
        assertThatThrownBy(() -> target(List.of(), 2, 1, 1, 2)).hasMessage("at least one Patroni member URL is needed");
        assertThatThrownBy(() -> target(List.of(URI.create("tcp://127.0.0.1:8008")), 2, 1, 1, 2))
                .hasMessage("member URL must be http(s)://host[:port]: tcp://127.0.0.1:8008");
        assertThatThrownBy(() -> target(List.of(URI.create("http://127.0.0.1:8008/cluster")), 2, 1, 1, 2))
                .hasMessage("member URL must have no path or query: http://127.0.0.1:8008/cluster");
        assertThatThrownBy(() -> new PatroniTarget(ONE, Duration.ZERO, 2, 1, 1, 2, OptionalInt.empty(), List.of(), 1))
                .hasMessage("timeout must be positive: PT0S");
        assertThatThrownBy(() -> new PatroniTarget(ONE, Duration.ofSeconds(1), 2, 1, 1, 2, OptionalInt.of(0), List.of(), 1))
                .hasMessage("expectedMembers must be at least 1: 0");
        assertThatThrownBy(() -> new PatroniTarget(ONE, Duration.ofSeconds(1), 2, 1, 1, 2, OptionalInt.empty(), List.of(), 0))
                .hasMessage("failoverHoldCycles must be at least 1: 0");
    }

    @Test
    void thresholdsMustBeOrdered() {
        assertThatThrownBy(() -> target(ONE, 1, 2, 1, 2))
                .hasMessage("need 0 <= minReplicasCritical <= minReplicasWarning, got critical 2, warning 1");
        assertThatThrownBy(() -> target(ONE, 2, 1, 5, 2))
                .hasMessage("need 0 <= lagWarningBytes <= lagCriticalBytes, got warning 5, critical 2");
    }

    @Test
    void credentialsInAMemberUrlAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> target(List.of(URI.create("http://admin:s3cret@127.0.0.1:8008")), 2, 1, 1, 2))
                .hasMessage("member URL must not carry credentials");
    }
}
