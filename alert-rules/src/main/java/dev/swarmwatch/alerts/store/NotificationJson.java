package dev.swarmwatch.alerts.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmwatch.alerts.notify.Alert;
import dev.swarmwatch.alerts.notify.AlertStatus;
import dev.swarmwatch.alerts.notify.Notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A notification as the outbox keeps it: plain JSON, so an operator reading the store with
 * {@code sqlite3} sees what will be sent, and a newer version can still read an older row.
 */
public final class NotificationJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NotificationJson() {
    }

    public static String write(Notification n) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", n.id());
        root.put("receiver", n.receiver());
        root.put("groupKey", n.groupKey());
        root.put("status", n.status().wire());
        root.set("groupLabels", map(n.groupLabels()));
        ArrayNode alerts = root.putArray("alerts");
        n.alerts().forEach(a -> alerts.add(alert(a)));
        root.put("createdAt", n.createdAt().toString());
        return root.toString();
    }

    public static ObjectNode alert(Alert a) {
        ObjectNode node = JSON.createObjectNode();
        node.put("fingerprint", a.fingerprint());
        node.set("labels", map(a.labels()));
        node.set("annotations", map(a.annotations()));
        node.put("status", a.status().wire());
        node.put("startsAt", a.startsAt().toString());
        a.endsAt().ifPresent(e -> node.put("endsAt", e.toString()));
        ArrayNode mutes = node.putArray("mutes");
        a.mutes().forEach(mutes::add);
        return node;
    }

    public static Notification read(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            List<Alert> alerts = new ArrayList<>();
            root.path("alerts").forEach(a -> alerts.add(alert(a)));
            return new Notification(root.path("id").asText(), root.path("receiver").asText(),
                    root.path("groupKey").asText(), status(root.path("status").asText()),
                    map(root.path("groupLabels")), alerts, Instant.parse(root.path("createdAt").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("outbox row is not a notification: " + e.getMessage(), e);
        }
    }

    public static Alert alert(JsonNode a) {
        List<String> mutes = new ArrayList<>();
        a.path("mutes").forEach(m -> mutes.add(m.asText()));
        Optional<Instant> ends = a.hasNonNull("endsAt") ? Optional.of(Instant.parse(a.get("endsAt").asText())) : Optional.empty();
        return new Alert(a.path("fingerprint").asText(), map(a.path("labels")), map(a.path("annotations")),
                status(a.path("status").asText()), Instant.parse(a.path("startsAt").asText()), ends, mutes);
    }

    private static AlertStatus status(String wire) {
        return AlertStatus.valueOf(wire.toUpperCase(Locale.ROOT));
    }

    private static ObjectNode map(Map<String, String> m) {
        ObjectNode node = JSON.createObjectNode();
        m.forEach(node::put);
        return node;
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> m = new TreeMap<>();
        node.properties().forEach(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }
}
