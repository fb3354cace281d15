package dev.swarmwatch.checks.postgres;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one logged-in probe read, before judging: plain values so the verdict is a pure function.
 *
 * @param connectTime  how long the login took
 * @param role         the server's role; null when neither a role nor lag was asked
 * @param query        the asked query's outcome; null when none was asked
 * @param lag          replication lag; null when not asked
 * @param monitorError the role/lag queries failed (then role and lag are null)
 */
public record Session(Duration connectTime, PostgresRole role, QueryOutcome query, Lag lag, SqlError monitorError) {

    public Session {
        Objects.requireNonNull(connectTime, "connectTime");
    }

    /** An error the server returned for a statement. */
    public record SqlError(String sqlState, String message) {
        public SqlError {
            sqlState = sqlState == null ? "" : sqlState;
            message = message == null ? "" : message;
        }

        /** The server's message alone (pgjdbc adds "ERROR: " and a "Position" line), on one line. */
        public static SqlError of(java.sql.SQLException e) {
            org.postgresql.util.ServerErrorMessage server =
                    e instanceof org.postgresql.util.PSQLException p ? p.getServerErrorMessage() : null;
            String message = server != null && server.getMessage() != null ? server.getMessage() : e.getMessage();
            return new SqlError(e.getSQLState(), message == null ? e.getClass().getSimpleName()
                    : message.lines().findFirst().orElse(""));
        }

        @Override
        public String toString() {
            return sqlState.isEmpty() ? message : message + " (SQLState " + sqlState + ")";
        }
    }

    /**
     * @param took       how long the query took
     * @param rows       rows returned (0 for a statement without a result)
     * @param firstValue the first column of the first row as text, null when none
     * @param error      set when the query failed
     */
    public record QueryOutcome(Duration took, int rows, String firstValue, SqlError error) {
        public QueryOutcome {
            Objects.requireNonNull(took, "took");
        }
    }

    /** One standby as a primary sees it in {@code pg_stat_replication}. */
    public record Standby(String name, String state, Double bytes, Double seconds) {
    }

    /**
     * Replication lag as seen from the server probed. A null value could not be measured.
     *
     * @param bytes    on a standby: WAL received but not yet replayed; on a primary: the largest
     *                 distance between the current WAL position and a standby's replay position
     * @param seconds  on a standby: age of the last replayed transaction, 0 when all received WAL is
     *                 replayed; on a primary: the largest {@code replay_lag}
     * @param standbys on a primary, what {@code pg_stat_replication} listed; empty on a standby
     */
    public record Lag(Double bytes, Double seconds, List<Standby> standbys) {
        public Lag {
            standbys = List.copyOf(standbys);
        }

        /**
         * A primary's lag: the worst standby. {@code replay_lag} is NULL once a standby has caught up
         * and the primary is idle, which means no lag; a NULL {@code replay_lsn} means the byte lag
         * could not be seen (e.g. the login lacks pg_monitor), which makes the maximum unknown.
         */
        public static Lag ofStandbys(List<Standby> standbys) {
            Double bytes = standbys.isEmpty() ? null : 0.0;
            double seconds = 0;
            for (Standby s : standbys) {
                if (s.bytes() == null) {
                    bytes = null;
                } else if (bytes != null) {
                    bytes = Math.max(bytes, s.bytes());
                }
                seconds = Math.max(seconds, s.seconds() == null ? 0 : s.seconds());
            }
            return new Lag(bytes, standbys.isEmpty() ? null : seconds, standbys);
        }
    }
}
