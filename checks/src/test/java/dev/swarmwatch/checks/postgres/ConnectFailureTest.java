package dev.swarmwatch.checks.postgres;

import dev.swarmwatch.checks.postgres.ConnectFailure.Kind;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Classification of what pgjdbc throws on connect, on hand-built exceptions shaped like its own. */
class ConnectFailureTest {

    /** A FATAL the server sent during start-up, in the protocol's field format. */
    static PSQLException server(String state, String message, String detail) {
        String fields = "SFATAL\0C" + state + "\0M" + message + "\0" + (detail == null ? "" : "D" + detail + "\0");
        return new PSQLException(new ServerErrorMessage(fields));
    }

    static PSQLException driver(String message, PSQLState state, Throwable cause) {
        return new PSQLException(message, state, cause);
    }

    @Test
    void shuttingDownIsItsOwnKindWithTheServersWords() {
        ConnectFailure f = ConnectFailure.classify(server("57P03", "the database system is shutting down", null));
        assertThat(f).isEqualTo(new ConnectFailure(Kind.REJECTING_SHUTTING_DOWN,
                "the database system is shutting down", "SQLState 57P03"));
    }

    @Test
    void everyStartingUpMessageIsStartingUp() {
        assertThat(ConnectFailure.classify(server("57P03", "the database system is starting up", null)).kind())
                .isEqualTo(Kind.REJECTING_STARTING_UP);
        assertThat(ConnectFailure.classify(server("57P03", "the database system is not yet accepting connections",
                "Consistent recovery state has not been yet reached.")))
                .isEqualTo(new ConnectFailure(Kind.REJECTING_STARTING_UP,
                        "the database system is not yet accepting connections",
                        "Consistent recovery state has not been yet reached. (SQLState 57P03)"));
        assertThat(ConnectFailure.classify(server("57P03", "the database system is not accepting connections",
                "Hot standby mode is disabled.")).kind()).isEqualTo(Kind.REJECTING_STARTING_UP);
    }

    @Test
    void crashRecoveryAndTooManyClientsAndOthersAreRejections() {
        assertThat(ConnectFailure.classify(server("57P03", "the database system is in recovery mode", null)).kind())
                .isEqualTo(Kind.REJECTING_CRASH_RECOVERY);
        assertThat(ConnectFailure.classify(server("53300", "sorry, too many clients already", null)))
                .isEqualTo(new ConnectFailure(Kind.REJECTING_TOO_MANY_CONNECTIONS,
                        "sorry, too many clients already", "SQLState 53300"));
        assertThat(ConnectFailure.classify(server("57P03", "something new", null)).kind()).isEqualTo(Kind.REJECTING_OTHER);
        assertThat(ConnectFailure.classify(server("53100", "could not fork new process for connection", null)).kind())
                .isEqualTo(Kind.REJECTING_OTHER);
    }

    @Test
    void refusedLoginsProveTheServerAccepts() {
        assertThat(ConnectFailure.classify(server("28P01", "password authentication failed for user \"u\"", null)))
                .isEqualTo(new ConnectFailure(Kind.ACCEPTING_LOGIN_REFUSED,
                        "password authentication failed for user \"u\"",
                        "password authentication failed for user \"u\" (SQLState 28P01)"));
        assertThat(ConnectFailure.classify(server("28000", "no pg_hba.conf entry for host \"127.0.0.1\"", null)).kind())
                .isEqualTo(Kind.ACCEPTING_LOGIN_REFUSED);
        assertThat(ConnectFailure.classify(server("3D000", "database \"x\" does not exist", null)).kind())
                .isEqualTo(Kind.ACCEPTING_LOGIN_REFUSED);
        // pgjdbc's own words when the server asks for a password the target does not have
        assertThat(ConnectFailure.classify(driver("The server requested SCRAM-based authentication, but no password was provided.",
                PSQLState.CONNECTION_REJECTED, null)).kind()).isEqualTo(Kind.ACCEPTING_LOGIN_REFUSED);
    }

    @Test
    void refusedConnectionIsNoResponse() {
        ConnectFailure f = ConnectFailure.classify(driver("Connection to 127.0.0.1:5 refused. Check that ...",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused")));
        assertThat(f.kind()).isEqualTo(Kind.NO_RESPONSE);
        assertThat(f.reason()).isEqualTo("connection refused");
    }

    @Test
    void timeoutsUnreachableAndClosedConnectionsAreNoResponse() {
        assertThat(ConnectFailure.classify(driver("The connection attempt failed.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new SocketTimeoutException("Connect timed out"))))
                .extracting(ConnectFailure::kind, ConnectFailure::reason)
                .containsExactly(Kind.NO_RESPONSE, "connection timed out");
        assertThat(ConnectFailure.classify(driver("Connection attempt timed out.", PSQLState.CONNECTION_UNABLE_TO_CONNECT, null)))
                .extracting(ConnectFailure::kind, ConnectFailure::reason)
                .containsExactly(Kind.NO_RESPONSE, "login timed out");
        assertThat(ConnectFailure.classify(driver("The connection attempt failed.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new NoRouteToHostException("No route to host"))))
                .extracting(ConnectFailure::kind, ConnectFailure::reason)
                .containsExactly(Kind.NO_RESPONSE, "host unreachable");
        assertThat(ConnectFailure.classify(driver("The connection attempt failed.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new EOFException())).kind()).isEqualTo(Kind.NO_RESPONSE);
        // a timeout wrapped once more still counts by its root cause
        assertThat(ConnectFailure.classify(driver("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE, new java.io.IOException("wrapped", new SocketTimeoutException("Read timed out")))))
                .extracting(ConnectFailure::kind, ConnectFailure::reason)
                .containsExactly(Kind.NO_RESPONSE, "read timed out");
    }

    @Test
    void unknownHostIsNoAttempt() {
        ConnectFailure f = ConnectFailure.classify(driver("The connection attempt failed.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new UnknownHostException("db.invalid")));
        assertThat(f.kind()).isEqualTo(Kind.NO_ATTEMPT);
        assertThat(f.reason()).isEqualTo("host not found: db.invalid");
    }

    @Test
    void anythingElseIsNoAttempt() {
        ConnectFailure f = ConnectFailure.classify(new SQLException("No suitable driver found", "08001"));
        assertThat(f).isEqualTo(new ConnectFailure(Kind.NO_ATTEMPT, "No suitable driver found", "SQLState 08001"));
    }
}
