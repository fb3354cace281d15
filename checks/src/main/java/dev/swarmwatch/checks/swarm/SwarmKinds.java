package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.spi.CheckKind;

import java.util.List;

/** The Swarm check kinds, all reading one shared snapshot per cycle. */
public final class SwarmKinds {
    private SwarmKinds() {
    }

    public static List<CheckKind> all(SwarmSource swarm) {
        return List.of(
                new QuorumKind(swarm),
                new NodesKind(swarm),
                new ReplicasKind(swarm),
                new FailedTasksKind(swarm));
    }
}
