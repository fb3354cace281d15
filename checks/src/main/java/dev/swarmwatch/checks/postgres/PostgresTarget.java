package dev.swarmwatch.checks.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * One PostgreSQL server to probe, pg_isready-style, with optional extras that need a session.
 *
 * @param host             host name or address
 * @param port             TCP port
 * @param database         database to connect to
 * @param user             login role
 * @param password         secret, may be empty (then none is sent); never in {@link #toString()}
 * @param connectTimeout   bounds the TCP connect; the login (connect, startup, authentication)
 *                         gets one second more
 * @param statementTimeout the server's {@code statement_timeout} for the session; reads are bounded
 *                         by one second more
 * @param query            a query to run once logged in, e.g. {@link #DEFAULT_QUERY}; null: none
 * @param expectedRole     the role the server must have; null: report the role only when asked for lag
 * @param lagBytes         limits on replication lag in bytes; null: not checked
 * @param lagSeconds       limits on replication lag in seconds; null: not checked
 */
public record PostgresTarget(String host, int port, String database, String user, String password,
                             Duration connectTimeout, Duration statementTimeout, String query,
                             PostgresRole expectedRole, Thresholds lagBytes, Thresholds lagSeconds) {

    public static final String DEFAULT_QUERY = "SELECT 1";
    public static final int DEFAULT_PORT = 5432;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(5);

    public PostgresTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, not " + port);
        }
        if (database.isBlank()) {
            throw new IllegalArgumentException("database is blank");
        }
        if (user.isBlank()) {
            throw new IllegalArgumentException("user is blank");
        }
        // pgjdbc counts these in whole seconds; below one second would mean "no timeout" to it.
        if (connectTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("connectTimeout must be at least 1s, not " + connectTimeout);
        }
        if (statementTimeout.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("statementTimeout must be at least 1ms, not " + statementTimeout);
        }
        if (query != null && query.isBlank()) {
            throw new IllegalArgumentException("query is blank (leave it out for no query)");
        }
    }

    /** A pg_isready-like target: no query, no role, no lag, default timeouts. */
    public static PostgresTarget of(String host, int port, String database, String user, String password) {
        return new PostgresTarget(host, port, database, user, password, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_STATEMENT_TIMEOUT, null, null, null, null);
    }

    public PostgresTarget withTimeouts(Duration connect, Duration statement) {
        return new PostgresTarget(host, port, database, user, password, connect, statement, query,
                expectedRole, lagBytes, lagSeconds);
    }

    public PostgresTarget withQuery(String sql) {
        return new PostgresTarget(host, port, database, user, password, connectTimeout, statementTimeout, sql,
                expectedRole, lagBytes, lagSeconds);
    }

    public PostgresTarget withExpectedRole(PostgresRole role) {
        return new PostgresTarget(host, port, database, user, password, connectTimeout, statementTimeout, query,
                role, lagBytes, lagSeconds);
    }

    public PostgresTarget withLag(Thresholds bytes, Thresholds seconds) {
        return new PostgresTarget(host, port, database, user, password, connectTimeout, statementTimeout, query,
                expectedRole, bytes, seconds);
    }

    /** Whether anything beyond "is it accepting connections" was asked, which needs a logged-in session. */
    public boolean needsSession() {
        return query != null || expectedRole != null || lagAsked();
    }

    public boolean lagAsked() {
        return lagBytes != null || lagSeconds != null;
    }

    /** {@code host:port}, with brackets around an IPv6 address. */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return "PostgresTarget[" + user + "@" + address() + "/" + database
                + ", password " + (password.isEmpty() ? "none" : "set")
                + ", connectTimeout " + connectTimeout + ", statementTimeout " + statementTimeout
                + (query == null ? "" : ", query " + query)
                + (expectedRole == null ? "" : ", expectedRole " + expectedRole)
                + (lagBytes == null ? "" : ", lagBytes " + lagBytes)
                + (lagSeconds == null ? "" : ", lagSeconds " + lagSeconds) + "]";
    }
}
