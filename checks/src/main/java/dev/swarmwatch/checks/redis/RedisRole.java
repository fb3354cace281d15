package dev.swarmwatch.checks.redis;

import java.util.Optional;

/** The replication role INFO reports; Redis still says {@code slave} where we say replica. */
public enum RedisRole {
    MASTER("master"),
    REPLICA("replica");

    private final String text;

    RedisRole(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** From INFO's {@code role} field ({@code master}, {@code slave}) or config ({@code replica}). */
    public static Optional<RedisRole> parse(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "master", "primary" -> Optional.of(MASTER);
            case "slave", "replica" -> Optional.of(REPLICA);
            default -> Optional.empty();
        };
    }
}
