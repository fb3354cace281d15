package dev.swarmwatch.checks.redis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The fields of one or more {@code INFO} replies. The format is lines of {@code key:value},
 * {@code # Section} headers and blank lines, separated by CRLF; a value may itself contain ':'
 * (IPv6 master hosts, {@code slave0:ip=::1,port=...}), so only the first ':' splits.
 */
public record RedisInfo(Map<String, String> fields) {

    public RedisInfo {
        fields = Map.copyOf(fields);
    }

    public static RedisInfo parse(String... replies) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String reply : replies) {
            Objects.requireNonNull(reply, "INFO reply");
            for (String raw : reply.split("\r?\n")) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue; // not a field; INFO has none such, but a proxy might add noise
                }
                fields.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return new RedisInfo(fields);
    }

    public Optional<String> text(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    /** An integer field; empty when absent or not an integer. */
    public OptionalLong integer(String key) {
        String v = fields.get(key);
        if (v == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public OptionalDouble decimal(String key) {
        String v = fields.get(key);
        if (v == null) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(v.trim()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** An integer field the probe cannot judge without: a reply lacking it is not one we understand. */
    long requireInteger(String key) {
        return integer(key).orElseThrow(() -> new IllegalStateException(
                "INFO reply has no integer field " + key + (fields.containsKey(key) ? " (got '" + fields.get(key) + "')" : "")));
    }
}
