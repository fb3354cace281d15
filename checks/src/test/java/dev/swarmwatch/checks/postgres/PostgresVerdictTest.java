package dev.swarmwatch.checks.postgres;

import dev.swarmwatch.checks.postgres.ConnectFailure.Kind;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verdict on hand-built outcomes. */
class PostgresVerdictTest {
    static final PostgresTarget T = PostgresTarget.of("db.example", 5432, "app", "monitor", "hunter2");
    static final Duration MS_12 = Duration.ofMillis(12);

    static CheckResult failed(PostgresTarget t, Kind kind, String reason) {
        return PostgresVerdict.connectFailed(t, new ConnectFailure(kind, reason, "d"), MS_12);
    }

    @Test
    void pgIsReadyOutcomesMapToStatuses() {
        assertThat(failed(T, Kind.REJECTING_STARTING_UP, "the database system is starting up"))
                .extracting(CheckResult::status, CheckResult::summary)
                .containsExactly(Status.WARNING, "rejecting connections: the database system is starting up");
        assertThat(failed(T, Kind.REJECTING_SHUTTING_DOWN, "the database system is shutting down").status())
                .isEqualTo(Status.CRITICAL);
        assertThat(failed(T, Kind.REJECTING_TOO_MANY_CONNECTIONS, "sorry, too many clients already"))
                .extracting(CheckResult::status, CheckResult::summary)
                .containsExactly(Status.CRITICAL, "rejecting connections: sorry, too many clients already");
        assertThat(failed(T, Kind.REJECTING_CRASH_RECOVERY, "x").status()).isEqualTo(Status.CRITICAL);
        assertThat(failed(T, Kind.NO_RESPONSE, "connection refused"))
                .extracting(CheckResult::status, CheckResult::summary)
                .containsExactly(Status.CRITICAL, "no response from db.example:5432: connection refused");
        CheckResult noAttempt = failed(T, Kind.NO_ATTEMPT, "host not found: db.example");
        assertThat(noAttempt.status()).isEqualTo(Status.UNKNOWN);
        assertThat(noAttempt.summary()).isEqualTo("no attempt to connect to db.example:5432: host not found: db.example");
        assertThat(noAttempt.perfdata()).isEmpty();
    }

    @Test
    void refusedLoginIsOkForReachabilityAndCriticalWhenASessionWasNeeded() {
        CheckResult reach = failed(T, Kind.ACCEPTING_LOGIN_REFUSED, "password authentication failed for user \"monitor\"");
        assertThat(reach.status()).isEqualTo(Status.OK);
        assertThat(reach.summary()).isEqualTo("accepting connections (authentication failed for user monitor)");
        assertThat(reach.perfdata()).extracting(PerfDatum::label).containsExactly("time");

        for (PostgresTarget t : List.of(T.withQuery("SELECT 1"), T.withExpectedRole(PostgresRole.PRIMARY),
                T.withLag(null, new Thresholds(1, 2)))) {
            CheckResult r = failed(t, Kind.ACCEPTING_LOGIN_REFUSED, "password authentication failed");
            assertThat(r.status()).isEqualTo(Status.CRITICAL);
            assertThat(r.summary()).isEqualTo("accepting connections, but authentication failed for user monitor");
        }
        assertThat(failed(T, Kind.ACCEPTING_LOGIN_REFUSED, "database \"app\" does not exist").summary())
                .isEqualTo("accepting connections (database \"app\" does not exist)");
    }

    @Test
    void acceptedWithRoleQueryAndPerfdata() {
        Session s = new Session(MS_12, PostgresRole.PRIMARY,
                new Session.QueryOutcome(Duration.ofMillis(3), 1, "1", null), null, null);
        CheckResult r = PostgresVerdict.accepted(T.withQuery("SELECT 1").withExpectedRole(PostgresRole.PRIMARY), s);
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.summary()).isEqualTo("accepting connections, role primary");
        assertThat(r.details()).containsExactly("query returned 1 row, first value 1");
        assertThat(r.perfdata()).extracting(PerfDatum::label, PerfDatum::value, PerfDatum::unit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("time", 0.012, "s"),
                        org.assertj.core.groups.Tuple.tuple("query_time", 0.003, "s"));
    }

    @Test
    void roleMismatchAndQueryErrorAreBothCritical() {
        Session s = new Session(MS_12, PostgresRole.STANDBY, new Session.QueryOutcome(MS_12, 0, null,
                new Session.SqlError("25006", "cannot execute INSERT in a read-only transaction")), null, null);
        CheckResult r = PostgresVerdict.accepted(T.withQuery("INSERT ...").withExpectedRole(PostgresRole.PRIMARY), s);
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("accepting connections, but role is standby, expected primary; "
                + "query failed: cannot execute INSERT in a read-only transaction (SQLState 25006)");
    }

    @Test
    void lagThresholdsJudgeBytesAndSeconds() {
        PostgresTarget t = T.withLag(new Thresholds(1000, 5000), new Thresholds(10, 60));
        Session ok = new Session(MS_12, PostgresRole.STANDBY, null, new Session.Lag(0.0, 0.0, List.of()), null);
        CheckResult okR = PostgresVerdict.accepted(t, ok);
        assertThat(okR.status()).isEqualTo(Status.OK);
        assertThat(okR.summary()).isEqualTo("accepting connections, role standby, replication lag 0 B, replication lag 0.0s");
        PerfDatum bytes = okR.perfdata().get(1);
        assertThat(bytes.label()).isEqualTo("lag_bytes");
        assertThat(bytes.warn()).hasValue(1000);
        assertThat(bytes.crit()).hasValue(5000);

        Session warn = new Session(MS_12, PostgresRole.STANDBY, null, new Session.Lag(2000.0, 61.0, List.of()), null);
        CheckResult w = PostgresVerdict.accepted(t, warn);
        assertThat(w.status()).isEqualTo(Status.CRITICAL);
        assertThat(w.summary()).isEqualTo("accepting connections, but replication lag 2000 B >= warning 1000 B; "
                + "replication lag 61.0s >= critical 60.0s (role standby)");

        Session unknown = new Session(MS_12, PostgresRole.STANDBY, null, new Session.Lag(null, 1.0, List.of()), null);
        assertThat(PostgresVerdict.accepted(t, unknown).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void primaryWithoutStandbysWarnsWhenLagIsAsked() {
        Session s = new Session(MS_12, PostgresRole.PRIMARY, null, Session.Lag.ofStandbys(List.of()), null);
        CheckResult r = PostgresVerdict.accepted(T.withLag(new Thresholds(1, 2), null), s);
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).isEqualTo("accepting connections, but no standby is replicating from this primary (role primary)");
    }

    @Test
    void primaryLagIsTheWorstStandbyAndIdleMeansNoLag() {
        Session.Lag lag = Session.Lag.ofStandbys(List.of(
                new Session.Standby("a", "streaming", 10.0, null),
                new Session.Standby("b", "catchup", 900.0, 2.5)));
        assertThat(lag.bytes()).isEqualTo(900.0);
        assertThat(lag.seconds()).isEqualTo(2.5);
        assertThat(Session.Lag.ofStandbys(List.of(new Session.Standby("a", "streaming", null, null))).bytes()).isNull();
    }

    @Test
    void thresholdsAndTargetValidate() {
        assertThat(new Thresholds(10, 20).judge(10)).isEqualTo(Status.WARNING);
        assertThat(new Thresholds(10, 20).judge(9.9)).isEqualTo(Status.OK);
        assertThat(new Thresholds(10, 20).judge(20)).isEqualTo(Status.CRITICAL);
        assertThatThrownBy(() -> new Thresholds(20, 10)).hasMessage("warning 20.0 is above critical 10.0");
        assertThatThrownBy(() -> PostgresTarget.of("h", 0, "d", "u", "")).hasMessage("port must be 1..65535, not 0");
        assertThatThrownBy(() -> T.withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1)))
                .hasMessage("connectTimeout must be at least 1s, not PT0.5S");
        assertThat(PostgresRole.parse(" Standby ")).isEqualTo(PostgresRole.STANDBY);
    }

    @Test
    void passwordNeverShowsInToStringOrUrl() {
        assertThat(T.toString()).doesNotContain("hunter2").contains("password set");
        assertThat(PostgresProbe.url(T)).isEqualTo("jdbc:postgresql://db.example:5432/app").doesNotContain("hunter2");
        assertThat(PostgresProbe.url(PostgresTarget.of("::1", 5432, "my db", "u", ""))).isEqualTo("jdbc:postgresql://[::1]:5432/my%20db");
    }

    @Test
    void everyDriverTimeoutIsSet() {
        var p = PostgresProbe.properties(T.withTimeouts(Duration.ofMillis(2500), Duration.ofMillis(1500)));
        assertThat(p.getProperty("connectTimeout")).isEqualTo("3");
        assertThat(p.getProperty("loginTimeout")).isEqualTo("4");
        assertThat(p.getProperty("socketTimeout")).isEqualTo("3");
        assertThat(p.getProperty("options")).isEqualTo("-c statement_timeout=1500");
        assertThat(p.getProperty("ApplicationName")).isEqualTo("swarmwatch");
        assertThat(PostgresProbe.properties(PostgresTarget.of("h", 1, "d", "u", "")).getProperty("password")).isNull();
    }
}
