package dev.swarmwatch.checks.swarm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The swarm as read once per cycle and shared by every Swarm check: either all of it, or why not. */
public sealed interface SwarmSnapshot {

    /** A complete read: info, nodes, services and tasks from one engine. */
    record Available(EngineInfo info, List<SwarmNode> nodes, List<SwarmService> services,
                     List<SwarmTask> tasks, Instant readAt) implements SwarmSnapshot {
        public Available {
            Objects.requireNonNull(info, "info");
            nodes = List.copyOf(nodes);
            services = List.copyOf(services);
            tasks = List.copyOf(tasks);
            Objects.requireNonNull(readAt, "readAt");
        }

        public Map<String, SwarmNode> nodesById() {
            return nodes.stream().collect(Collectors.toMap(SwarmNode::id, Function.identity(), (a, b) -> a));
        }

        public Map<String, List<SwarmTask>> tasksByService() {
            return tasks.stream().collect(Collectors.groupingBy(SwarmTask::serviceId));
        }
    }

    /**
     * No usable read, and why.
     *
     * @param problem what kind of trouble, for the checks to judge
     * @param message the full reason for humans, with the engine's own words
     * @param info    what {@code /info} said, when it answered
     */
    record Unavailable(Problem problem, String message, EngineInfo info) implements SwarmSnapshot {
        public Unavailable {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(message, "message");
        }
    }

    enum Problem {
        /** No connection to the engine at all. */
        ENGINE_UNREACHABLE,
        /**
         * The engine took the connection but gave no complete, usable answer within the engine
         * timeout: frozen, hung, dripping, an answer cut off, over swarmwatch's caps or not JSON.
         */
        ENGINE_NOT_ANSWERING,
        /** The engine is not part of a swarm (inactive, pending or error state). */
        SWARM_INACTIVE,
        /** The swarm is autolocked on this node. */
        SWARM_LOCKED,
        /** This node is a worker: only managers can answer for the swarm. */
        NOT_A_MANAGER,
        /** Managers cannot agree: no leader, calls that time out, lost leadership. */
        QUORUM_LOST,
        /** Any other error answer from the engine. */
        API_ERROR
    }
}
