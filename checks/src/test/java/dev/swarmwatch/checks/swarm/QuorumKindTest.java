package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.swarmwatch.checks.swarm.Fixtures.manager;
import static dev.swarmwatch.checks.swarm.Fixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;

class QuorumKindTest {

    @ParameterizedTest(name = "{0} managers, {1} reachable: quorum {2}, tolerated {3}")
    @CsvSource({
            "1, 1, 1, 0",
            "2, 2, 2, 0",
            "3, 3, 2, 1",
            "3, 2, 2, 0",
            "3, 1, 2, 0",
            "4, 4, 3, 1",
            "5, 5, 3, 2",
            "5, 4, 3, 1",
            "5, 3, 3, 0",
            "7, 7, 4, 3"})
    void quorumArithmetic(int managers, int reachable, int quorum, int tolerated) {
        assertThat(QuorumKind.quorum(managers)).isEqualTo(quorum);
        assertThat(QuorumKind.failuresTolerated(managers, reachable)).isEqualTo(tolerated);
    }

    @Test
    void singleManagerIsOkButNotedAsWithoutRedundancy() {
        CheckResult r = QuorumKind.evaluate(List.of(manager("a", "reachable", true), worker("w", "ready", "active")));
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.summary()).startsWith("1 manager: no redundancy");
    }

    @Test
    void threeManagersAllReachableTolerateOneFailure() {
        CheckResult r = QuorumKind.evaluate(List.of(manager("a", "reachable", true),
                manager("b", "reachable", false), manager("c", "reachable", false)));
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.summary()).isEqualTo("3/3 managers reachable, quorum 2, 1 failure tolerated, leader host-a");
    }

    @Test
    void oneOfThreeManagersUnreachableWarnsThatNoFailureIsTolerated() {
        CheckResult r = QuorumKind.evaluate(List.of(manager("a", "reachable", true),
                manager("b", "reachable", false), manager("c", "unreachable", false)));
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).startsWith("2/3 managers reachable, quorum 2: no further manager failure tolerated");
        assertThat(r.details()).anySatisfy(d -> assertThat(d).contains("host-c").contains("unreachable"));
    }

    @Test
    void twoOfThreeManagersUnreachableIsLostQuorum() {
        CheckResult r = QuorumKind.evaluate(List.of(manager("a", "reachable", true),
                manager("b", "unreachable", false), manager("c", "unreachable", false)));
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).startsWith("quorum lost: 1/3 managers reachable, quorum 2");
    }

    @Test
    void evenManagerCountIsPointedOut() {
        CheckResult r = QuorumKind.evaluate(List.of(manager("a", "reachable", true), manager("b", "reachable", false)));
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.details()).contains("2 managers tolerate no more failures than 1: use an odd number");
    }

    @Test
    void unavailableSwarmMapsEachProblemToItsOwnStatus() {
        for (SwarmSnapshot.Problem p : SwarmSnapshot.Problem.values()) {
            CheckResult r = QuorumKind.unavailable(new SwarmSnapshot.Unavailable(p, "because " + p, null));
            assertThat(r.summary()).isEqualTo("because " + p);
            Status expected = p == SwarmSnapshot.Problem.NOT_A_MANAGER || p == SwarmSnapshot.Problem.API_ERROR
                    ? Status.UNKNOWN : Status.CRITICAL;
            assertThat(r.status()).as(p.name()).isEqualTo(expected);
        }
    }

    @Test
    void engineWordsForLostQuorumAreRecognised() {
        assertThat(SwarmReader.mentionsQuorumLoss(
                "rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are online."))
                .isTrue();
        assertThat(SwarmReader.mentionsQuorumLoss("rpc error: code = DeadlineExceeded desc = context deadline exceeded")).isTrue();
        assertThat(SwarmReader.mentionsQuorumLoss("node lost leader status")).isTrue();
        assertThat(SwarmReader.mentionsQuorumLoss("This node is not a swarm manager.")).isFalse();
        assertThat(SwarmReader.mentionsQuorumLoss("")).isFalse();
    }

    @Test
    void infoStatesAreJudgedApart() {
        assertThat(SwarmReader.judgeInfo(info("active", true, ""))).isNull();
        assertThat(SwarmReader.judgeInfo(info("active", false, "")).problem()).isEqualTo(SwarmSnapshot.Problem.NOT_A_MANAGER);
        assertThat(SwarmReader.judgeInfo(info("inactive", false, "")).problem()).isEqualTo(SwarmSnapshot.Problem.SWARM_INACTIVE);
        assertThat(SwarmReader.judgeInfo(info("locked", false, "")).problem()).isEqualTo(SwarmSnapshot.Problem.SWARM_LOCKED);
        assertThat(SwarmReader.judgeInfo(info("active", true,
                "The swarm does not have a leader. It's possible that too few managers are online.")).problem())
                .isEqualTo(SwarmSnapshot.Problem.QUORUM_LOST);
    }

    private static EngineInfo info(String state, boolean control, String error) {
        return new EngineInfo(state, control, "n1", 3, 3, error, "20.10.24");
    }
}
