package dev.swarmwatch.agent.daemon;

import dev.swarmwatch.alerts.eval.AlertView;
import dev.swarmwatch.alerts.notify.Alert;
import dev.swarmwatch.alerts.outbox.OutboxStats;
import dev.swarmwatch.alerts.outbox.ReceiverStats;
import dev.swarmwatch.alerts.rules.Matcher;
import dev.swarmwatch.alerts.silence.Silence;
import dev.swarmwatch.alerts.store.OutboxEntry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON of {@code /api/v1/alerts} and {@code /api/v1/silences}: snake_case keys, RFC 3339 times. */
final class AlertsJson {
    private AlertsJson() {
    }

    static JsonObject alerts(AlertView view, List<Silence> silences, OutboxStats stats, List<OutboxEntry> undeliverable,
                             Instant now) {
        JsonArray alerts = new JsonArray();
        view.alerts().forEach(e -> alerts.add(alert(e)));
        JsonArray active = new JsonArray();
        silences.stream().filter(s -> s.activeAt(now)).forEach(s -> active.add(silence(s, now)));
        return new JsonObject().put("alerts", alerts).put("silences", active).put("outbox", outbox(stats, undeliverable, now));
    }

    static JsonObject alert(AlertView.Entry e) {
        JsonObject o = new JsonObject().put("fingerprint", e.fingerprint())
                .put("state", e.state().name().toLowerCase(Locale.ROOT))
                .put("labels", strings(e.labels())).put("annotations", strings(e.annotations()))
                .put("since", e.since().toString());
        e.startsAt().ifPresent(t -> o.put("starts_at", t.toString()));
        return o.put("mutes", new JsonArray(List.copyOf(e.mutes()))).put("muted_by", new JsonArray(List.copyOf(e.mutedBy())));
    }

    static JsonObject silence(Silence s, Instant now) {
        return new JsonObject().put("id", s.id())
                .put("matchers", new JsonArray(s.matchers().stream().map(Matcher::toString).toList()))
                .put("starts_at", s.startsAt().toString()).put("ends_at", s.endsAt().toString())
                .put("created_by", s.createdBy()).put("comment", s.comment()).put("active", s.activeAt(now));
    }

    static JsonArray silences(List<Silence> silences, Instant now) {
        JsonArray all = new JsonArray();
        silences.forEach(s -> all.add(silence(s, now)));
        return all;
    }

    private static JsonObject outbox(OutboxStats stats, List<OutboxEntry> undeliverable, Instant now) {
        JsonObject receivers = new JsonObject();
        stats.receivers().forEach((name, r) -> receivers.put(name, receiver(r, now)));
        JsonArray given = new JsonArray();
        for (OutboxEntry e : undeliverable) {
            given.add(new JsonObject().put("id", e.id()).put("receiver", e.receiver())
                    .put("status", e.notification().status().name().toLowerCase(Locale.ROOT))
                    .put("created", e.created().toString()).put("attempts", e.attempts())
                    .put("reason", e.lastError().orElse(""))
                    .put("alerts", new JsonArray(e.notification().alerts().stream().map(AlertsJson::name).toList())));
        }
        return new JsonObject().put("store", new JsonObject().put("healthy", stats.store().ok()).put("reason", stats.store().reason()))
                .put("receivers", receivers).put("undeliverable", given);
    }

    private static JsonObject receiver(ReceiverStats r, Instant now) {
        JsonObject o = new JsonObject().put("pending", r.pending()).put("undeliverable", r.undeliverable())
                .put("oldest_age_seconds", r.oldestAge(now).toMillis() / 1000.0);
        r.oldestPending().ifPresent(t -> o.put("oldest_pending", t.toString()));
        JsonObject outcomes = new JsonObject();
        r.outcomes().forEach(outcomes::put);
        return o.put("outcomes", outcomes);
    }

    private static String name(Alert a) {
        String subject = a.label("service").isEmpty() ? a.label("check") : a.label("service");
        return a.label("alertname") + (subject.isEmpty() ? "" : " " + subject);
    }

    private static JsonObject strings(Map<String, String> map) {
        JsonObject o = new JsonObject();
        map.forEach(o::put);
        return o;
    }
}
