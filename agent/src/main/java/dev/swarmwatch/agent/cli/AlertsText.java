package dev.swarmwatch.agent.cli;

import dev.swarmwatch.checks.spi.SafeText;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code swarmwatch alerts} and {@code silence list} as text: alerts worst first (the daemon's
 * order), what each mutes or is muted by, the silences, the outbox. Everything from the daemon is
 * shown through SafeText: it holds names and summaries from the engine.
 */
final class AlertsText {
    private AlertsText() {
    }

    static String alerts(JsonObject body, Instant now) {
        StringBuilder out = new StringBuilder();
        JsonArray alerts = body.getJsonArray("alerts", new JsonArray());
        long firing = alerts.stream().filter(a -> "firing".equals(((JsonObject) a).getString("state"))).count();
        out.append(String.format(Locale.ROOT, "ALERTS: %d firing, %d pending%n", firing, alerts.size() - firing));
        for (Object o : alerts) {
            JsonObject a = (JsonObject) o;
            JsonObject labels = a.getJsonObject("labels", new JsonObject());
            String subject = labels.getString("service", "");
            subject = subject.isEmpty() ? labels.getString("check", "") : subject;
            out.append(String.format(Locale.ROOT, "  %-7s %-8s %s %s  since %s%n",
                    safe(a.getString("state", "")).toUpperCase(Locale.ROOT), safe(labels.getString("severity", "")),
                    safe(labels.getString("alertname", "")), safe(subject), age(a.getString("since"), now)));
            String summary = a.getJsonObject("annotations", new JsonObject()).getString("summary", "");
            if (!summary.isEmpty()) {
                out.append("          ").append(SafeText.line(summary, 200)).append('\n');
            }
            lines(out, "mutes: ", a.getJsonArray("mutes", new JsonArray()));
            lines(out, "muted by: ", a.getJsonArray("muted_by", new JsonArray()));
        }
        out.append(silences(body.getJsonArray("silences", new JsonArray()), now));
        JsonObject outbox = body.getJsonObject("outbox", new JsonObject());
        JsonObject store = outbox.getJsonObject("store", new JsonObject());
        out.append(String.format(Locale.ROOT, "OUTBOX (store %s)%n", store.getBoolean("healthy", true) ? "ok"
                : "DEGRADED: " + safe(store.getString("reason", ""))));
        out.append(String.format(Locale.ROOT, "  %-20s %8s %10s %14s%n", "RECEIVER", "PENDING", "OLDEST", "UNDELIVERABLE"));
        for (Map.Entry<String, Object> r : outbox.getJsonObject("receivers", new JsonObject())) {
            JsonObject v = (JsonObject) r.getValue();
            out.append(String.format(Locale.ROOT, "  %-20s %8d %10s %14d%n", SafeText.line(r.getKey(), 20),
                    v.getLong("pending", 0L), v.getLong("pending", 0L) == 0 ? "-"
                            : human(Duration.ofMillis((long) (v.getDouble("oldest_age_seconds", 0.0) * 1000))),
                    v.getLong("undeliverable", 0L)));
        }
        JsonArray given = outbox.getJsonArray("undeliverable", new JsonArray());
        if (!given.isEmpty()) {
            out.append("UNDELIVERABLE (newest first)\n");
            for (Object o : given) {
                JsonObject u = (JsonObject) o;
                out.append(String.format(Locale.ROOT, "  %s %s %s %s: %s%n", safe(u.getString("receiver", "")),
                        safe(u.getString("status", "")), safe(u.getString("created", "")),
                        SafeText.line(String.join(", ", strings(u.getJsonArray("alerts", new JsonArray()))), 120),
                        SafeText.line(u.getString("reason", ""), 200)));
            }
        }
        return out.toString();
    }

    static String silences(JsonArray silences, Instant now) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "SILENCES: %d%n", silences.size()));
        for (Object o : silences) {
            JsonObject s = (JsonObject) o;
            Instant ends = Instant.parse(s.getString("ends_at"));
            String left = ends.isAfter(now) ? "ends in " + human(Duration.between(now, ends)) : "ended";
            out.append(String.format(Locale.ROOT, "  %s  %s  %s (%s)  by %s: %s%n", safe(s.getString("id", "")),
                    SafeText.line(String.join(" ", strings(s.getJsonArray("matchers", new JsonArray()))), 200),
                    left, Instant.parse(s.getString("ends_at")).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), safe(s.getString("created_by", "")),
                    SafeText.line(s.getString("comment", ""), 200)));
        }
        return out.toString();
    }

    private static void lines(StringBuilder out, String prefix, JsonArray lines) {
        for (Object line : lines) {
            out.append("          ").append(prefix).append(SafeText.line(String.valueOf(line), 200)).append('\n');
        }
    }

    private static List<String> strings(JsonArray array) {
        return array.stream().map(String::valueOf).toList();
    }

    private static String age(String since, Instant now) {
        if (since == null) {
            return "?";
        }
        Instant at = Instant.parse(since);
        return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " (" + human(Duration.between(at, now)) + " ago)";
    }

    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
        }
        if (s < 86400) {
            return s / 3600 + "h" + (s % 3600 / 60 == 0 ? "" : s % 3600 / 60 + "m");
        }
        return s / 86400 + "d" + (s % 86400 / 3600 == 0 ? "" : s % 86400 / 3600 + "h");
    }

    private static String safe(String text) {
        return SafeText.line(text == null ? "" : text, 120);
    }
}
