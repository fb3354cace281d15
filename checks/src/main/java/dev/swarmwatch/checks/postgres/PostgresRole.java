package dev.swarmwatch.checks.postgres;

import java.util.Locale;

/** What a server is, as {@code pg_is_in_recovery()} tells: a standby is in recovery, a primary is not. */
public enum PostgresRole {
    PRIMARY, STANDBY;

    public static PostgresRole of(boolean inRecovery) {
        return inRecovery ? STANDBY : PRIMARY;
    }

    /** From config: {@code primary} or {@code standby} (case-insensitive). */
    public static PostgresRole parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "primary" -> PRIMARY;
            case "standby" -> STANDBY;
            default -> throw new IllegalArgumentException("role must be primary or standby, not '" + text + "'");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
