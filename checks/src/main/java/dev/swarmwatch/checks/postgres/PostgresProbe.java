package dev.swarmwatch.checks.postgres;

import dev.swarmwatch.checks.spi.CheckContext;
import dev.swarmwatch.checks.spi.CheckResult;
import io.vertx.core.Future;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Probes one PostgreSQL server over JDBC, on a virtual thread: logs in (which is what pg_isready
 * tests), then, when asked, runs the query, reads the role and the replication lag. Failures to
 * log in are classified by {@link ConnectFailure}; what it cannot classify it lets through to the
 * runner.
 */
public final class PostgresProbe {
    static final String APPLICATION_NAME = "swarmwatch";
    // Enough rows to count for a health query without reading a whole table.
    private static final int MAX_ROWS = 1000;

    private static final String STANDBY_SQL = """
            SELECT pg_is_in_recovery(),
                   pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()),
                   CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                        ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END""";
    private static final String PRIMARY_SQL = """
            SELECT coalesce(nullif(application_name, ''), host(client_addr), 'local'), state,
                   pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn),
                   extract(epoch FROM replay_lag)::float8
              FROM pg_stat_replication ORDER BY 1""";

    public Future<CheckResult> probe(CheckContext context, PostgresTarget target) {
        return context.blocking(() -> probeNow(target));
    }

    /** The blocking probe; runs on a virtual thread. */
    CheckResult probeNow(PostgresTarget target) throws SQLException {
        long start = System.nanoTime();
        Connection connection;
        try {
            // The password travels in the Properties only, never in the URL.
            connection = DriverManager.getConnection(url(target), properties(target));
        } catch (SQLException e) {
            return PostgresVerdict.connectFailed(target, ConnectFailure.classify(e), since(start));
        }
        try (connection) {
            Duration connectTime = since(start);
            if (!target.needsSession()) {
                return PostgresVerdict.accepted(target, new Session(connectTime, null, null, null, null));
            }
            Session.QueryOutcome query = target.query() == null ? null : runQuery(connection, target.query());
            PostgresRole role = null;
            Session.Lag lag = null;
            Session.SqlError monitorError = null;
            if (target.expectedRole() != null || target.lagAsked()) {
                try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(STANDBY_SQL)) {
                    rs.next();
                    role = PostgresRole.of(rs.getBoolean(1));
                    if (target.lagAsked()) {
                        lag = role == PostgresRole.STANDBY
                                ? new Session.Lag(nullableDouble(rs, 2), nullableDouble(rs, 3), List.of())
                                : Session.Lag.ofStandbys(standbys(connection));
                    }
                } catch (SQLException e) {
                    role = null;
                    lag = null;
                    monitorError = Session.SqlError.of(e);
                }
            }
            return PostgresVerdict.accepted(target, new Session(connectTime, role, query, lag, monitorError));
        }
    }

    static String url(PostgresTarget target) {
        String db = URLEncoder.encode(target.database(), StandardCharsets.UTF_8).replace("+", "%20");
        return "jdbc:postgresql://" + target.address() + "/" + db;
    }

    /**
     * Every timeout pgjdbc has, in its whole seconds: connect, login (connect + start-up +
     * authentication, one second more) and socket reads (the statement timeout plus one second, so
     * the server's own statement_timeout fires first and says so).
     */
    static Properties properties(PostgresTarget target) {
        Properties p = new Properties();
        p.setProperty("user", target.user());
        if (!target.password().isEmpty()) {
            p.setProperty("password", target.password());
        }
        long connect = ceilSeconds(target.connectTimeout());
        p.setProperty("connectTimeout", Long.toString(connect));
        p.setProperty("loginTimeout", Long.toString(connect + 1));
        p.setProperty("socketTimeout", Long.toString(ceilSeconds(target.statementTimeout()) + 1));
        p.setProperty("options", "-c statement_timeout=" + Math.max(1, target.statementTimeout().toMillis()));
        p.setProperty("ApplicationName", APPLICATION_NAME);
        return p;
    }

    private static Session.QueryOutcome runQuery(Connection connection, String sql) {
        long start = System.nanoTime();
        try (Statement st = connection.createStatement()) {
            st.setMaxRows(MAX_ROWS);
            if (!st.execute(sql)) {
                return new Session.QueryOutcome(since(start), 0, null, null);
            }
            try (ResultSet rs = st.getResultSet()) {
                int rows = 0;
                String first = null;
                while (rs.next()) {
                    if (rows++ == 0 && rs.getMetaData().getColumnCount() > 0) {
                        first = rs.getString(1);
                    }
                }
                return new Session.QueryOutcome(since(start), rows, first, null);
            }
        } catch (SQLException e) {
            return new Session.QueryOutcome(since(start), 0, null, Session.SqlError.of(e));
        }
    }

    private static List<Session.Standby> standbys(Connection connection) throws SQLException {
        List<Session.Standby> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(PRIMARY_SQL)) {
            while (rs.next()) {
                out.add(new Session.Standby(rs.getString(1), rs.getString(2), nullableDouble(rs, 3), nullableDouble(rs, 4)));
            }
        }
        return out;
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static long ceilSeconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
