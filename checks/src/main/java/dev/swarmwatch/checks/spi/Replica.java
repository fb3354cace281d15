package dev.swarmwatch.checks.spi;

import java.util.Objects;

/**
 * One running task of the service a target belongs to, so a check can probe each replica.
 *
 * @param slot    the task's slot (0 for global services)
 * @param address the task's first network address without prefix length, "" when unknown
 *                (host networking publishes no task address)
 * @param node    the node it runs on, for messages
 */
public record Replica(int slot, String address, String node) {
    public Replica {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(node, "node");
        if (slot < 0) {
            throw new IllegalArgumentException("slot < 0");
        }
    }
}
