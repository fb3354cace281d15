package dev.swarmwatch.checks.swarm;

import java.util.Objects;

/**
 * The parts of {@code GET /info} a monitor needs.
 *
 * @param localNodeState   inactive, pending, active, error or locked
 * @param controlAvailable true when this engine is a manager
 * @param nodeId           this node's id, "" outside a swarm
 * @param managers         managers the engine knows of (0 when it cannot tell)
 * @param nodes            nodes the engine knows of (0 when it cannot tell)
 * @param error            the engine's swarm error text, "" when none
 * @param serverVersion    engine version, e.g. 20.10.24
 */
public record EngineInfo(String localNodeState, boolean controlAvailable, String nodeId,
                         int managers, int nodes, String error, String serverVersion) {
    public EngineInfo {
        Objects.requireNonNull(localNodeState, "localNodeState");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(serverVersion, "serverVersion");
    }
}
