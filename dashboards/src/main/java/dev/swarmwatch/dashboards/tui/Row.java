package dev.swarmwatch.dashboards.tui;

import dev.swarmwatch.checks.spi.Status;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of the table, a service or a node, as the texts of its columns.
 *
 * @param key    {@code service:<stack/name>} or {@code node:<id>}: what Enter drills into
 * @param detail the worst check's summary, for the wide last column
 */
public record Row(String key, Status status, String stack, String name, String mode, String replicas, String failed,
                  String latency, String score, String detail) {
    public Row {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(replicas, "replicas");
        Objects.requireNonNull(failed, "failed");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(detail, "detail");
    }

    /** The status as a word: the mark that remains without colour. */
    public static String word(Status status) {
        return switch (status) {
            case OK -> "OK";
            case WARNING -> "WARN";
            case CRITICAL -> "CRIT";
            case UNKNOWN -> "UNKN";
        };
    }

    public boolean node() {
        return key.startsWith("node:");
    }

    /** The filter's substring match, case-insensitive, over every column. */
    public boolean matches(String filter) {
        if (filter.isEmpty()) {
            return true;
        }
        String needle = filter.toLowerCase(Locale.ROOT);
        return List.of(word(status), stack, name, mode, replicas, failed, latency, score, detail).stream()
                .anyMatch(c -> c.toLowerCase(Locale.ROOT).contains(needle));
    }
}
