package dev.swarmwatch.checks.swarm;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;

/** Hand-built swarm objects for the pure rules; the integration tests use a real swarm. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private Fixtures() {
    }

    static SwarmNode manager(String id, String reachability, boolean leader) {
        return new SwarmNode(id, "host-" + id, true, reachability.equals("reachable") ? "ready" : "down", "active",
                "", reachability, leader, "10.0.0.1:2377");
    }

    static SwarmNode worker(String id, String state, String availability) {
        return new SwarmNode(id, "host-" + id, false, state, availability, "", "", false, "10.0.0.9");
    }

    static SwarmService replicated(String name, int replicas) {
        return new SwarmService("svc-" + name, name, "", "replicated", replicas, OptionalInt.empty(),
                OptionalInt.empty(), "", "", Map.of());
    }

    static SwarmService global(String name, int engineDesired) {
        return new SwarmService("svc-" + name, name, "", "global", 0, OptionalInt.empty(),
                OptionalInt.of(engineDesired), "", "", Map.of());
    }

    static SwarmService updating(String name, int replicas, String state, String message) {
        return new SwarmService("svc-" + name, name, "", "replicated", replicas, OptionalInt.empty(),
                OptionalInt.empty(), state, message, Map.of());
    }

    static SwarmTask task(String id, int slot, String node, String state, String desired) {
        return new SwarmTask(id, "svc", slot, node, state, desired, "", "", OptionalInt.empty(), NOW.minusSeconds(5), "");
    }

    static SwarmTask failed(String id, int slot, int exitCode, Instant at) {
        return new SwarmTask(id, "svc", slot, "n1", "failed", "shutdown", "task: non-zero exit (" + exitCode + ")",
                "started", OptionalInt.of(exitCode), at, "");
    }
}
