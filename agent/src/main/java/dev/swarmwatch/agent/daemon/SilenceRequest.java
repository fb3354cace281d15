package dev.swarmwatch.agent.daemon;

import dev.swarmwatch.alerts.rules.Matcher;
import dev.swarmwatch.alerts.silence.Silence;
import dev.swarmwatch.checks.spi.OptionType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The body of {@code POST /api/v1/silences}, checked as strictly as the config: {@code matchers}
 * (strings such as {@code service=web}), {@code for} (e.g. 2h) or {@code ends_at} (RFC 3339),
 * {@code comment}, optional {@code created_by}. Any problem is an IllegalArgumentException whose
 * message is the 400 answer.
 */
final class SilenceRequest {
    static final int MAX_BODY = 64 * 1024;
    private static final Set<String> KEYS = Set.of("matchers", "for", "ends_at", "comment", "created_by");

    private SilenceRequest() {
    }

    static Silence parse(Buffer body, Instant now) {
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException("body: larger than " + MAX_BODY + " bytes");
        }
        JsonObject json;
        try {
            json = new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException("body: expected a JSON object");
        }
        for (String key : json.fieldNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(key + ": unknown key (expected matchers, for, ends_at, comment, created_by)");
            }
        }
        List<Matcher> matchers = matchers(json.getValue("matchers"));
        Instant ends = ends(json, now);
        String comment = text(json, "comment", "");
        if (comment.isBlank()) {
            throw new IllegalArgumentException("comment: required, say why the alerts are silenced");
        }
        String by = text(json, "created_by", "api");
        return new Silence(UUID.randomUUID().toString(), matchers, now, ends, by.isBlank() ? "api" : by, comment);
    }

    private static List<Matcher> matchers(Object value) {
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw new IllegalArgumentException("matchers: required, a list of matchers such as [\"service=web\"]");
        }
        List<Matcher> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof String text)) {
                throw new IllegalArgumentException("matchers[" + i + "]: expected a string such as \"service=web\"");
            }
            try {
                out.add(Matcher.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("matchers[" + i + "]: " + e.getMessage());
            }
        }
        return out;
    }

    private static Instant ends(JsonObject json, Instant now) {
        boolean hasFor = json.containsKey("for");
        boolean hasEnd = json.containsKey("ends_at");
        if (hasFor == hasEnd) {
            throw new IllegalArgumentException("for: give either for (e.g. \"2h\") or ends_at (e.g. \"2026-03-02T12:00:00Z\"), not both or neither");
        }
        if (hasFor) {
            Duration d;
            try {
                d = (Duration) OptionType.DURATION.parse(text(json, "for", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("for: " + e.getMessage());
            }
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("for: must be longer than 0s");
            }
            return now.plus(d);
        }
        Instant end;
        try {
            end = Instant.parse(text(json, "ends_at", ""));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ends_at: expected an RFC 3339 time such as 2026-03-02T12:00:00Z");
        }
        if (!end.isAfter(now)) {
            throw new IllegalArgumentException("ends_at: must be in the future");
        }
        return end;
    }

    private static String text(JsonObject json, String key, String otherwise) {
        Object v = json.getValue(key);
        if (v == null) {
            return otherwise;
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(key + ": expected a string");
        }
        if (s.length() > 1000) {
            throw new IllegalArgumentException(key + ": longer than 1000 characters");
        }
        return s;
    }
}
