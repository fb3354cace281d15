package dev.swarmwatch.checks.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one probe saw: the PING round trip and the INFO fields the verdict needs.
 *
 * @param pingLatency       PING round trip
 * @param role              replication role
 * @param connectedClients  {@code connected_clients}
 * @param usedMemory        {@code used_memory} in bytes
 * @param maxMemory         {@code maxmemory} in bytes; 0 means no limit
 * @param maxMemoryPolicy   {@code maxmemory_policy}, or "" when INFO has none
 * @param connectedReplicas {@code connected_slaves} of a master
 * @param link              a replica's link to its master; empty on a master
 */
public record RedisFacts(Duration pingLatency, RedisRole role, long connectedClients, long usedMemory,
                         long maxMemory, String maxMemoryPolicy, long connectedReplicas,
                         Optional<MasterLink> link) {

    public RedisFacts {
        Objects.requireNonNull(pingLatency, "pingLatency");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(maxMemoryPolicy, "maxMemoryPolicy");
        Objects.requireNonNull(link, "link");
        if (role == RedisRole.REPLICA && link.isEmpty()) {
            throw new IllegalArgumentException("a replica without master link facts");
        }
    }

    /**
     * A replica's view of its master.
     *
     * @param masterHost      {@code master_host}
     * @param masterPort      {@code master_port}
     * @param up              {@code master_link_status:up}
     * @param downSeconds     {@code master_link_down_since_seconds}; empty when up, or when Redis says
     *                        -1 (the link was never up since the replica started)
     * @param syncInProgress  {@code master_sync_in_progress:1}: a full sync is running
     */
    public record MasterLink(String masterHost, long masterPort, boolean up, OptionalLong downSeconds,
                             boolean syncInProgress) {
        public MasterLink {
            Objects.requireNonNull(masterHost, "masterHost");
            Objects.requireNonNull(downSeconds, "downSeconds");
        }

        public String master() {
            return masterHost.contains(":") ? "[" + masterHost + "]:" + masterPort : masterHost + ":" + masterPort;
        }
    }

    /** From the fields of {@code INFO replication}, {@code INFO memory} and {@code INFO clients}. */
    public static RedisFacts from(Duration pingLatency, RedisInfo info) {
        String roleText = info.text("role").orElseThrow(() -> new IllegalStateException("INFO reply has no role"));
        RedisRole role = RedisRole.parse(roleText)
                .orElseThrow(() -> new IllegalStateException("INFO reply has unknown role '" + roleText + "'"));
        Optional<MasterLink> link = Optional.empty();
        if (role == RedisRole.REPLICA) {
            boolean up = info.text("master_link_status").map("up"::equals).orElse(false);
            OptionalLong down = up ? OptionalLong.empty() : info.integer("master_link_down_since_seconds");
            if (down.isPresent() && down.getAsLong() < 0) {
                down = OptionalLong.empty();
            }
            link = Optional.of(new MasterLink(info.text("master_host").orElse("?"),
                    info.integer("master_port").orElse(0), up, down,
                    info.integer("master_sync_in_progress").orElse(0) == 1));
        }
        return new RedisFacts(pingLatency, role, info.requireInteger("connected_clients"),
                info.requireInteger("used_memory"), info.integer("maxmemory").orElse(0),
                info.text("maxmemory_policy").orElse(""), info.integer("connected_slaves").orElse(0), link);
    }

    /** used_memory as percent of maxmemory; empty without a limit. */
    public java.util.OptionalDouble memoryPercent() {
        return maxMemory > 0 ? java.util.OptionalDouble.of(100.0 * usedMemory / maxMemory)
                : java.util.OptionalDouble.empty();
    }
}
