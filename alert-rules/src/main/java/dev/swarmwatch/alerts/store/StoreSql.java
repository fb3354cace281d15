package dev.swarmwatch.alerts.store;

import dev.swarmwatch.alerts.notify.Notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store's SQL, on one connection owned by the store's thread. Times are epoch milliseconds
 * ({@code datetime(created/1000, 'unixepoch')} in {@code sqlite3}).
 */
final class StoreSql {
    static final int SCHEMA_VERSION = 1;

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS alert_state (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL, updated INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS notification_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL,"
            + " notification_id TEXT NOT NULL, receiver TEXT NOT NULL, event TEXT NOT NULL, detail TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS notification_log_at ON notification_log (at)",
        "CREATE TABLE IF NOT EXISTS outbox (id TEXT NOT NULL, receiver TEXT NOT NULL, notification TEXT NOT NULL,"
            + " created INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt INTEGER NOT NULL,"
            + " last_error TEXT, state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'undeliverable')),"
            + " done_at INTEGER, PRIMARY KEY (receiver, id))",
        "CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (receiver, state, created)",
        "CREATE TABLE IF NOT EXISTS silences (id TEXT PRIMARY KEY, matchers TEXT NOT NULL, starts INTEGER NOT NULL,"
            + " ends INTEGER NOT NULL, created_by TEXT NOT NULL, comment TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS check_memory (key TEXT PRIMARY KEY, json TEXT NOT NULL, updated INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS resend (receiver TEXT NOT NULL, fingerprint TEXT NOT NULL, alert TEXT NOT NULL,"
            + " until INTEGER, PRIMARY KEY (receiver, fingerprint))",
    };

    private StoreSql() {
    }

    static void configure(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute("PRAGMA journal_mode = WAL");
            // FULL: a committed transition survives a power cut too, not only a crash of the process;
            // commits are a few a minute, so the extra fsync costs nothing that matters.
            s.execute("PRAGMA synchronous = FULL");
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                String verdict = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw new org.sqlite.SQLiteException("quick_check: " + verdict, org.sqlite.SQLiteErrorCode.SQLITE_CORRUPT);
                }
            }
            c.setAutoCommit(false);
            // Only a new file is written to here: a store on a full disk must still open and be read.
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION) {
                throw new SQLException("written by a newer swarmwatch (schema " + version + ", this one knows " + SCHEMA_VERSION + ")");
            }
            if (version != SCHEMA_VERSION) {
                for (String ddl : SCHEMA) {
                    s.execute(ddl);
                }
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            }
            c.commit();
        }
    }

    static void commit(Connection c, String stateJson, List<Notification> notifications, Instant now) throws SQLException {
        long t = now.toEpochMilli();
        try (PreparedStatement state = c.prepareStatement(
                "INSERT INTO alert_state (id, json, updated) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json, updated = excluded.updated");
             PreparedStatement out = c.prepareStatement(
                "INSERT OR IGNORE INTO outbox (id, receiver, notification, created, next_attempt, state) VALUES (?, ?, ?, ?, ?, 'pending')")) {
            state.setString(1, stateJson);
            state.setLong(2, t);
            state.executeUpdate();
            for (Notification n : notifications) {
                out.setString(1, n.id());
                out.setString(2, n.receiver());
                out.setString(3, NotificationJson.write(n));
                out.setLong(4, n.createdAt().toEpochMilli());
                out.setLong(5, t);
                if (out.executeUpdate() == 1) {
                    log(c, t, n.id(), n.receiver(), "committed", n.status().wire() + ", " + n.alerts().size() + " alert(s)");
                }
            }
        }
    }

    static Optional<String> state(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT json FROM alert_state WHERE id = 1");
             ResultSet rs = p.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    static Optional<OutboxEntry> oldestPending(Connection c, String receiver) throws SQLException {
        List<OutboxEntry> rows = entries(c, "WHERE receiver = ? AND state = 'pending' ORDER BY created, id LIMIT 1", receiver);
        return rows.stream().findFirst();
    }

    static List<OutboxEntry> entries(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT notification, created, attempts, next_attempt, last_error, state FROM outbox " + where)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            List<OutboxEntry> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new OutboxEntry(NotificationJson.read(rs.getString(1)), Instant.ofEpochMilli(rs.getLong(2)),
                            rs.getInt(3), Instant.ofEpochMilli(rs.getLong(4)), Optional.ofNullable(rs.getString(5)),
                            OutboxState.of(rs.getString(6))));
                }
            }
            return out;
        }
    }

    /** Moves a pending row on; false when it was not pending (already settled by an earlier run). */
    static boolean settle(Connection c, String receiver, String id, OutboxState to, int attempts, Instant next,
                          Optional<String> error, Instant now, String event) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE outbox SET state = ?, attempts = ?, next_attempt = ?,"
                + " last_error = coalesce(?, last_error), done_at = ? WHERE receiver = ? AND id = ? AND state = 'pending'")) {
            p.setString(1, to.column());
            p.setInt(2, attempts);
            p.setLong(3, next.toEpochMilli());
            p.setString(4, error.orElse(null));
            p.setObject(5, to == OutboxState.PENDING ? null : now.toEpochMilli());
            p.setString(6, receiver);
            p.setString(7, id);
            boolean changed = p.executeUpdate() == 1;
            if (changed) {
                log(c, now.toEpochMilli(), id, receiver, event, error.orElse(""));
            }
            return changed;
        }
    }

    /** Gives up on a receiver's pending rows committed before {@code before}; how many. */
    static int abandon(Connection c, String receiver, Instant before, String reason, Instant now) throws SQLException {
        List<OutboxEntry> rows = entries(c, "WHERE receiver = ? AND state = 'pending' AND created < ?", receiver, before.toEpochMilli());
        for (OutboxEntry e : rows) {
            settle(c, receiver, e.id(), OutboxState.UNDELIVERABLE, e.attempts(), now, Optional.of(reason), now, "undeliverable");
        }
        return rows.size();
    }

    static Map<String, ReceiverSummary> summary(Connection c) throws SQLException {
        Map<String, ReceiverSummary> out = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT receiver, sum(state = 'pending'),"
                + " min(CASE WHEN state = 'pending' THEN created END), sum(state = 'undeliverable')"
                + " FROM outbox GROUP BY receiver ORDER BY receiver");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                long oldest = rs.getLong(3);
                Optional<Instant> o = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(oldest));
                out.put(rs.getString(1), new ReceiverSummary(rs.getLong(2), o, rs.getLong(4)));
            }
        }
        return out;
    }

    /** Settled rows and log lines older than the retention; pending rows are never pruned. */
    static void prune(Connection c, Instant before) throws SQLException {
        try (PreparedStatement a = c.prepareStatement("DELETE FROM outbox WHERE state != 'pending' AND done_at < ?");
             PreparedStatement b = c.prepareStatement("DELETE FROM notification_log WHERE at < ?")) {
            a.setLong(1, before.toEpochMilli());
            a.executeUpdate();
            b.setLong(1, before.toEpochMilli());
            b.executeUpdate();
        }
    }

    static void log(Connection c, long at, String id, String receiver, String event, String detail) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO notification_log (at, notification_id, receiver, event, detail) VALUES (?, ?, ?, ?, ?)")) {
            p.setLong(1, at);
            p.setString(2, id);
            p.setString(3, receiver);
            p.setString(4, event);
            p.setString(5, detail);
            p.executeUpdate();
        }
    }
}
