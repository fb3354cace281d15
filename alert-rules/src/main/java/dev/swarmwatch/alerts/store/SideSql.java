package dev.swarmwatch.alerts.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmwatch.alerts.notify.Alert;
import dev.swarmwatch.alerts.notify.AlertStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL of the tables beside the outbox: silences, check memory and the Alertmanager re-send set. */
final class SideSql {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SideSql() {
    }

    static void putSilence(Connection c, StoredSilence s) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO silences (id, matchers, starts, ends, created_by, comment)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET matchers = excluded.matchers,"
                + " starts = excluded.starts, ends = excluded.ends, created_by = excluded.created_by, comment = excluded.comment")) {
            p.setString(1, s.id());
            p.setString(2, s.matchersJson());
            p.setLong(3, s.starts().toEpochMilli());
            p.setLong(4, s.ends().toEpochMilli());
            p.setString(5, s.createdBy());
            p.setString(6, s.comment());
            p.executeUpdate();
        }
    }

    static List<StoredSilence> silences(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT id, matchers, starts, ends, created_by, comment FROM silences ORDER BY starts, id");
             ResultSet rs = p.executeQuery()) {
            List<StoredSilence> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new StoredSilence(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                        Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), rs.getString(6)));
            }
            return out;
        }
    }

    /** Ends a silence now (kept for the record); false when there is no such silence or it had ended. */
    static boolean expireSilence(Connection c, String id, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE silences SET ends = max(starts, ?) WHERE id = ? AND ends > ?")) {
            p.setLong(1, now.toEpochMilli());
            p.setString(2, id);
            p.setLong(3, now.toEpochMilli());
            return p.executeUpdate() == 1;
        }
    }

    static int pruneSilences(Connection c, Instant endedBefore) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM silences WHERE ends < ?")) {
            p.setLong(1, endedBefore.toEpochMilli());
            return p.executeUpdate();
        }
    }

    static Optional<String> memory(Connection c, String key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT json FROM check_memory WHERE key = ?")) {
            p.setString(1, key);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static void putMemory(Connection c, String key, String json, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO check_memory (key, json, updated) VALUES (?, ?, ?)"
                + " ON CONFLICT (key) DO UPDATE SET json = excluded.json, updated = excluded.updated")) {
            p.setString(1, key);
            p.setString(2, json);
            p.setLong(3, now.toEpochMilli());
            p.executeUpdate();
        }
    }

    /**
     * Remembers alerts a receiver took, for re-sending: a firing one until it resolves, a resolved one
     * until {@code resolvedFor} after its end.
     */
    static void remember(Connection c, String receiver, List<Alert> alerts, Duration resolvedFor) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO resend (receiver, fingerprint, alert, until) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (receiver, fingerprint) DO UPDATE SET alert = excluded.alert, until = excluded.until")) {
            for (Alert a : alerts) {
                p.setString(1, receiver);
                p.setString(2, a.fingerprint());
                p.setString(3, NotificationJson.alert(a).toString());
                p.setObject(4, a.status() == AlertStatus.FIRING ? null : a.endsAt().orElseThrow().plus(resolvedFor).toEpochMilli());
                p.executeUpdate();
            }
        }
    }

    /** The alerts to re-send to a receiver now; forgets resolved ones whose re-send time is over. */
    static List<Alert> resendable(Connection c, String receiver, Instant now) throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM resend WHERE receiver = ? AND until IS NOT NULL AND until < ?");
             PreparedStatement q = c.prepareStatement("SELECT alert FROM resend WHERE receiver = ? ORDER BY fingerprint")) {
            d.setString(1, receiver);
            d.setLong(2, now.toEpochMilli());
            d.executeUpdate();
            q.setString(1, receiver);
            List<Alert> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(NotificationJson.alert(tree(rs.getString(1))));
                }
            }
            return out;
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
