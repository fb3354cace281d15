package dev.swarmwatch.tests.postgres;

import dev.swarmwatch.checks.postgres.PostgresRole;
import dev.swarmwatch.checks.postgres.PostgresTarget;
import dev.swarmwatch.checks.postgres.Thresholds;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe against the real primary, hot standby and cold standby of tests/bed/postgres.sh. */
class PostgresProbeTest {
    private static PgBed bed;

    @BeforeAll
    static void bed() throws Exception {
        bed = new PgBed();
    }

    @AfterAll
    static void close() {
        bed.close();
    }

    @Test
    void primaryAcceptsConnections() throws Exception {
        CheckResult r = bed.probe(bed.target(bed.primary));
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.summary()).isEqualTo("accepting connections");
        double time = perf(r, "time").orElseThrow().value();
        assertThat(time).isPositive().isLessThan(2);
    }

    @Test
    void queryResultAndPrimaryRoleAreReported() throws Exception {
        CheckResult r = bed.probe(bed.target(bed.primary).withQuery("SELECT 40 + 2 UNION ALL SELECT 7")
                .withExpectedRole(PostgresRole.PRIMARY));
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.summary()).isEqualTo("accepting connections, role primary");
        assertThat(r.details()).containsExactly("query returned 2 rows, first value 42");
        assertThat(perf(r, "query_time")).isPresent();
    }

    @Test
    void sessionCarriesApplicationNameAndStatementTimeout() throws Exception {
        CheckResult r = bed.probe(bed.target(bed.primary).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(1500))
                .withQuery("SELECT current_setting('application_name') || ' ' || current_setting('statement_timeout')"));
        assertThat(r.details()).containsExactly("query returned 1 row, first value swarmwatch 1500ms");
    }

    @Test
    void failingQueryIsCriticalWithItsSqlState() throws Exception {
        CheckResult r = bed.probe(bed.target(bed.primary).withQuery("SELECT * FROM no_such_table"));
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("accepting connections, but query failed: "
                + "relation \"no_such_table\" does not exist (SQLState 42P01)");
    }

    @Test
    void queryLongerThanTheStatementTimeoutIsCancelledByTheServer() throws Exception {
        CheckResult r = bed.probe(bed.target(bed.primary).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300))
                .withQuery("SELECT pg_sleep(5)"));
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("accepting connections, but query failed: "
                + "canceling statement due to statement timeout (SQLState 57014)");
    }

    @Test
    void standbyIsOkWhenAStandbyIsExpected() throws Exception {
        CheckResult r = bed.probe(bed.target(bed.standby).withExpectedRole(PostgresRole.STANDBY));
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.summary()).isEqualTo("accepting connections, role standby");
    }

    @Test
    void standbyIsCriticalWhenAPrimaryIsExpected() throws Exception {
        CheckResult r = bed.probe(bed.target(bed.standby).withExpectedRole(PostgresRole.PRIMARY));
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("accepting connections, but role is standby, expected primary");
    }

    @Test
    void wrongPasswordStillProvesTheServerAccepts() throws Exception {
        PostgresTarget t = PostgresTarget.of("127.0.0.1", bed.primary, "postgres", bed.user, "not-the-password");
        CheckResult r = bed.probe(t);
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.summary()).isEqualTo("accepting connections (authentication failed for user swarmwatch)");
        assertThat(r.details()).containsExactly(
                "password authentication failed for user \"swarmwatch\" (SQLState 28P01)");
        assertThat(r.toString()).doesNotContain("not-the-password");
    }

    @Test
    void wrongPasswordIsCriticalWhenAQueryWasAsked() throws Exception {
        PostgresTarget t = PostgresTarget.of("127.0.0.1", bed.primary, "postgres", bed.user, "not-the-password")
                .withQuery(PostgresTarget.DEFAULT_QUERY);
        CheckResult r = bed.probe(t);
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("accepting connections, but authentication failed for user swarmwatch");
        assertThat(r.toString()).doesNotContain("not-the-password").doesNotContain(bed.password);
    }

    @Test
    void missingPasswordIsAnsweredByTheServerToo() throws Exception {
        CheckResult r = bed.probe(PostgresTarget.of("127.0.0.1", bed.primary, "postgres", bed.user, ""));
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.summary()).isEqualTo("accepting connections (authentication failed for user swarmwatch)");
    }

    @Test
    void missingDatabaseStillProvesTheServerAccepts() throws Exception {
        PostgresTarget t = PostgresTarget.of("127.0.0.1", bed.primary, "no_such_db", bed.user, bed.password);
        assertThat(bed.probe(t).summary()).isEqualTo("accepting connections (database \"no_such_db\" does not exist)");
        CheckResult withQuery = bed.probe(t.withQuery(PostgresTarget.DEFAULT_QUERY));
        assertThat(withQuery.status()).isEqualTo(Status.CRITICAL);
        assertThat(withQuery.summary()).isEqualTo("accepting connections, but database \"no_such_db\" does not exist");
    }

    @Test
    void standbyWithHotStandbyOffRejectsConnectionsInItsOwnWords() throws Exception {
        CheckResult r = bed.probe(bed.target(bed.cold));
        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).isEqualTo("rejecting connections: the database system is not accepting connections");
        assertThat(r.details()).containsExactly("Hot standby mode is disabled. (SQLState 57P03)");
    }

    @Test
    void tooManyConnectionsIsCriticalInTheServersWords() throws Exception {
        PostgresTarget t = PostgresTarget.of("127.0.0.1", bed.primary, "postgres", bed.user + "_limited", bed.password);
        CheckResult r = bed.probe(t);
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("rejecting connections: too many connections for role \"swarmwatch_limited\"");
        assertThat(r.details()).containsExactly("SQLState 53300");
    }

    @Test
    void unknownHostIsUnknownNoAttempt() throws Exception {
        PostgresTarget t = PostgresTarget.of("no-such-host.invalid", 5432, "postgres", bed.user, bed.password);
        CheckResult r = bed.probe(t);
        assertThat(r.status()).isEqualTo(Status.UNKNOWN);
        assertThat(r.summary()).isEqualTo("no attempt to connect to no-such-host.invalid:5432: host not found: no-such-host.invalid");
    }

    @Test
    void closedPortIsCriticalNoResponse() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CheckResult r = bed.probe(bed.target(port));
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("no response from 127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void serverThatNeverAnswersTimesOutAsNoResponse() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            CheckResult r = bed.probe(bed.target(silent.getLocalPort())
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500)));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(r.status()).isEqualTo(Status.CRITICAL);
            assertThat(r.summary()).startsWith("no response from 127.0.0.1:" + silent.getLocalPort() + ": ")
                    .contains("timed out");
            assertThat(took).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void standbyLagIsMeasuredAgainstThresholds() throws Exception {
        CheckResult r = bed.probe(bed.target(bed.standby).withExpectedRole(PostgresRole.STANDBY)
                .withLag(new Thresholds(16_000_000, 64_000_000), new Thresholds(300, 600)));
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.summary()).startsWith("accepting connections, role standby, replication lag ");
        PerfDatum bytes = perf(r, "lag_bytes").orElseThrow();
        PerfDatum seconds = perf(r, "lag_seconds").orElseThrow();
        assertThat(bytes.unit()).isEqualTo("B");
        assertThat(bytes.value()).isBetween(0.0, 16_000_000.0);
        assertThat(bytes.warn()).hasValue(16_000_000);
        assertThat(bytes.crit()).hasValue(64_000_000);
        assertThat(seconds.unit()).isEqualTo("s");
        assertThat(seconds.value()).isBetween(0.0, 300.0);
    }

    @Test
    void standbyLagAboveAZeroThresholdIsCritical() throws Exception {
        // A zero limit is reached by any lag, including none: proves the thresholds are applied.
        CheckResult r = bed.probe(bed.target(bed.standby).withLag(new Thresholds(0, 0), null));
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).startsWith("accepting connections, but replication lag ").contains(" B >= critical 0 B");
    }

    @Test
    void primaryLagListsItsStandbys() throws Exception {
        CheckResult r = bed.probe(bed.target(bed.primary).withLag(new Thresholds(16_000_000, 64_000_000),
                new Thresholds(300, 600)));
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.summary()).startsWith("accepting connections, role primary, replication lag ");
        assertThat(r.details()).hasSize(2).allMatch(d -> d.startsWith("standby ") && d.contains(" streaming: lag "));
        assertThat(perf(r, "lag_bytes").orElseThrow().value()).isBetween(0.0, 16_000_000.0);
        assertThat(perf(r, "lag_seconds").orElseThrow().value()).isBetween(0.0, 300.0);
    }

    private static Optional<PerfDatum> perf(CheckResult r, String label) {
        return r.perfdata().stream().filter(p -> p.label().equals(label)).findFirst();
    }
}
