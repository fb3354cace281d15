package dev.swarmwatch.tests.postgres;

import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The primary going down: first a smart shutdown held up by a session, then stopped, then back. */
class PostgresOutageTest {
    private static PgBed bed;

    @BeforeAll
    static void bed() throws Exception {
        bed = new PgBed();
    }

    @AfterAll
    static void restore() throws Exception {
        try {
            PgBed.bed("start-primary");
        } finally {
            bed.close();
        }
    }

    @Test
    void shuttingDownIsCriticalThenStoppedIsNoResponseThenBackToOk() throws Exception {
        PgBed.bed("shutting-down");
        CheckResult shuttingDown = bed.probe(bed.target(bed.primary));
        assertThat(shuttingDown.status()).isEqualTo(Status.CRITICAL);
        assertThat(shuttingDown.summary()).isEqualTo("rejecting connections: the database system is shutting down");
        assertThat(shuttingDown.details()).containsExactly("SQLState 57P03");

        PgBed.bed("stop-primary");
        CheckResult stopped = bed.probe(bed.target(bed.primary));
        assertThat(stopped.status()).isEqualTo(Status.CRITICAL);
        assertThat(stopped.summary()).isEqualTo("no response from 127.0.0.1:" + bed.primary + ": connection refused");

        PgBed.bed("start-primary");
        CheckResult back = bed.probe(bed.target(bed.primary));
        assertThat(back.status()).isEqualTo(Status.OK);
        assertThat(back.summary()).isEqualTo("accepting connections");
    }
}
