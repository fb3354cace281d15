package dev.swarmwatch.checks.postgres;

import dev.swarmwatch.checks.spi.FailureWords;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a connection attempt failed, in pg_isready's terms: the server answered and accepts
 * connections (only this login was refused), the server answered but rejects connections, it did
 * not answer, or no attempt could be made.
 *
 * @param kind   the class of failure
 * @param reason one line for the summary: the server's own words when it sent any
 * @param detail the server's DETAIL or the driver's message, for the details; may be empty
 */
public record ConnectFailure(Kind kind, String reason, String detail) {

    public enum Kind {
        /** The server checked the login and refused it (password, pg_hba, database): it accepts connections. */
        ACCEPTING_LOGIN_REFUSED,
        /** 57P03 while starting up or before consistent recovery (incl. a standby with hot_standby=off). */
        REJECTING_STARTING_UP,
        /** 57P03 "the database system is shutting down". */
        REJECTING_SHUTTING_DOWN,
        /** 57P03 "in recovery mode": crash recovery after a backend died. */
        REJECTING_CRASH_RECOVERY,
        /** 53300 too_many_connections. */
        REJECTING_TOO_MANY_CONNECTIONS,
        /** Any other refusal the server sent during connection start-up. */
        REJECTING_OTHER,
        /** Connection refused, connect or login timed out, host unreachable, connection closed at once. */
        NO_RESPONSE,
        /** Nothing was sent: unknown host name or a parameter the driver refused. */
        NO_ATTEMPT
    }

    public ConnectFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** Classifies what {@code DriverManager.getConnection} threw. Pure: no I/O. */
    public static ConnectFailure classify(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (server != null) {
            return fromServer(state, nullToEmpty(server.getMessage()), nullToEmpty(server.getDetail()));
        }
        String message = nullToEmpty(e.getMessage());
        Throwable cause = rootCause(e);
        String words = FailureWords.network(cause).orElse("");
        if (cause instanceof UnknownHostException) {
            return new ConnectFailure(Kind.NO_ATTEMPT, words, message);
        }
        if (cause instanceof NoRouteToHostException || cause instanceof ConnectException
                || cause instanceof SocketTimeoutException) {
            return new ConnectFailure(Kind.NO_RESPONSE, words, FailureWords.detail(e));
        }
        if (cause instanceof EOFException) {
            return new ConnectFailure(Kind.NO_RESPONSE, "connection closed by the server during start-up", message);
        }
        // pgjdbc's loginTimeout gives up in its own thread: "Connection attempt timed out." (08001), no cause.
        if (message.toLowerCase(Locale.ROOT).contains("timed out")) {
            return new ConnectFailure(Kind.NO_RESPONSE, "login timed out", message);
        }
        // The driver itself saw the server ask for a password it does not have: the server answered.
        if (state.equals("08004") && message.toLowerCase(Locale.ROOT).contains("password")) {
            return new ConnectFailure(Kind.ACCEPTING_LOGIN_REFUSED, "authentication failed", message);
        }
        if (state.startsWith("08") && cause != e) {
            return new ConnectFailure(Kind.NO_RESPONSE, lowerFirst(FailureWords.summary(cause)), FailureWords.detail(e));
        }
        return new ConnectFailure(Kind.NO_ATTEMPT, message.isEmpty() ? FailureWords.summary(e) : message,
                state.isEmpty() ? "" : "SQLState " + state);
    }

    /** A refusal the server sent itself, with its SQLState, message and detail. */
    static ConnectFailure fromServer(String state, String message, String detail) {
        String lower = message.toLowerCase(Locale.ROOT);
        Kind kind = switch (state) {
            // invalid_password, invalid_authorization_specification (pg_hba), invalid_catalog_name
            case "28P01", "28000", "3D000" -> Kind.ACCEPTING_LOGIN_REFUSED;
            case "53300" -> Kind.REJECTING_TOO_MANY_CONNECTIONS;
            case "57P03" -> {
                if (lower.contains("shutting down")) {
                    yield Kind.REJECTING_SHUTTING_DOWN;
                } else if (lower.contains("recovery mode")) {
                    yield Kind.REJECTING_CRASH_RECOVERY;
                } else if (lower.contains("starting up") || lower.contains("accepting connections")) {
                    // "starting up", "not yet accepting connections", "not accepting connections"
                    yield Kind.REJECTING_STARTING_UP;
                } else {
                    yield Kind.REJECTING_OTHER;
                }
            }
            default -> Kind.REJECTING_OTHER;
        };
        String reason = message.isEmpty() ? "SQLState " + state : message;
        String more = detail.isEmpty() ? "SQLState " + state : detail + " (SQLState " + state + ")";
        if (kind == Kind.ACCEPTING_LOGIN_REFUSED) {
            // the summary says it in our words; keep the server's in the details
            more = message + (detail.isEmpty() ? "" : ": " + detail) + " (SQLState " + state + ")";
        }
        return new ConnectFailure(kind, reason, more);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String lowerFirst(String s) {
        // "Connection refused" -> "connection refused"; keep acronyms such as "SSL ..." as they are.
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
