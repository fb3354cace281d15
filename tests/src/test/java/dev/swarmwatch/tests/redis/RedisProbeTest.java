package dev.swarmwatch.tests.redis;

import dev.swarmwatch.checks.redis.RedisRole;
import dev.swarmwatch.checks.redis.RedisTarget;
import dev.swarmwatch.checks.redis.RedisThresholds;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import static dev.swarmwatch.tests.redis.RedisBed.HOST;
import static dev.swarmwatch.tests.redis.RedisBed.MASTER;
import static dev.swarmwatch.tests.redis.RedisBed.REPLICA;
import static dev.swarmwatch.tests.redis.RedisBed.acl;
import static org.assertj.core.api.Assertions.assertThat;

/** The probe against the bed's running master (6391, maxmemory 64mb) and replica (6392). */
class RedisProbeTest {
    private static final String MEMORY_OF_64MB = "memory \\d+(\\.\\d)? (KB|MB) of 64 MB \\(\\d+\\.\\d%\\)";
    private static RedisBed bed;

    @BeforeAll
    static void start() {
        bed = new RedisBed();
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void pingAsAclUserReportsLatencyRoleClientsAndMemoryOfMaxmemory() throws Exception {
        CheckResult r = bed.check(acl(MASTER)).result();

        assertThat(r.status()).as(r.summary()).isEqualTo(Status.OK);
        // connected_clients excludes replicas: the probe's own connection is the only client.
        assertThat(r.summary()).matches("PONG in \\d+(\\.\\d+)? ms, role master, 1 client, " + MEMORY_OF_64MB);
        assertThat(r.details()).containsExactly("master with 1 connected replica", "maxmemory 64 MB, policy noeviction");
        assertThat(r.perfdata()).extracting(PerfDatum::label)
                .containsExactly("time", "used_memory", "memory_used_percent", "connected_clients");
        assertThat(r.perfdata().getFirst().value()).isPositive().isLessThan(0.1);
        assertThat(r.perfdata().get(1).max()).hasValue(64 * 1024 * 1024);
    }

    @Test
    void requirepassAuthenticatesTheDefaultUser() throws Exception {
        CheckResult r = bed.check(RedisTarget.of(HOST, MASTER).withPassword(RedisBed.DEFAULT_PASS)).result();
        assertThat(r.status()).as(r.summary()).isEqualTo(Status.OK);
    }

    @Test
    void wrongPasswordIsCriticalAuthenticationFailedAndThePasswordAppearsNowhere() throws Exception {
        String wrong = "not-the-password-" + System.nanoTime();
        CheckReport report = bed.check(RedisTarget.of(HOST, MASTER).withUser(RedisBed.USER, wrong));
        CheckResult r = report.result();

        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("authentication failed for user swarmwatch");
        assertThat(r.details()).containsExactly(
                "server replied: WRONGPASS invalid username-password pair or user is disabled.");
        assertThat(report.toString()).doesNotContain(wrong);
        assertThat(r.perfdata()).extracting(PerfDatum::label).noneMatch(l -> l.contains(wrong));
    }

    @Test
    void noPasswordForAProtectedServerSaysOneIsRequired() throws Exception {
        CheckResult r = bed.check(RedisTarget.of(HOST, MASTER)).result();
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo(
                "authentication failed for user default: the server requires a password and none is configured");
    }

    @Test
    void replicaExpectedToBeMasterIsCritical() throws Exception {
        CheckResult r = bed.check(acl(REPLICA).withExpectedRole(RedisRole.MASTER)).result();

        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        // On a replica its own link to the master counts as a client, besides the probe.
        assertThat(r.summary()).matches("role replica, expected master; PONG in \\d+(\\.\\d+)? ms, role replica, 2 clients, "
                + "memory \\d+(\\.\\d)? (KB|MB)");
        assertThat(r.details()).startsWith("replica of 127.0.0.1:6391, link up");
    }

    @Test
    void healthyReplicaWithItsExpectedRoleIsOk() throws Exception {
        CheckResult r = bed.check(acl(REPLICA).withExpectedRole(RedisRole.REPLICA)).result();
        assertThat(r.status()).as(r.summary()).isEqualTo(Status.OK);
        assertThat(r.perfdata()).extracting(PerfDatum::label).doesNotContain("master_link_down_seconds", "memory_used_percent");
    }

    @Test
    void memoryOverTheWarningPercentWarns() throws Exception {
        // An empty Redis 7 already uses ~0.9 MB (used_memory_startup): always over 1% of 64 MB, far below 99%.
        CheckResult r = bed.check(acl(MASTER).withThresholds(RedisThresholds.defaults().withMemoryPercent(1, 99))).result();

        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).matches("memory \\d+\\.\\d% of maxmemory \\(warning at 1%\\); PONG in \\d+(\\.\\d+)? ms, "
                + "role master, 1 client, " + MEMORY_OF_64MB);
        assertThat(r.perfdata()).filteredOn(p -> p.label().equals("memory_used_percent")).singleElement()
                .satisfies(p -> assertThat(p.warn()).hasValue(1));
    }

    @Test
    void memoryOverTheCriticalPercentIsCritical() throws Exception {
        CheckResult r = bed.check(acl(MASTER).withThresholds(RedisThresholds.defaults().withMemoryPercent(0.5, 1))).result();

        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).matches("memory \\d+\\.\\d% of maxmemory \\(critical at 1%\\); PONG in .*");
    }

    @Test
    void pongSlowerThanTheLatencyWarningWarns() throws Exception {
        // No PING answers within a nanosecond, and none takes an hour.
        CheckResult r = bed.check(acl(MASTER).withThresholds(
                RedisThresholds.defaults().withLatency(Duration.ofNanos(1), Duration.ofHours(1)))).result();

        assertThat(r.status()).isEqualTo(Status.WARNING);
        assertThat(r.summary()).matches("PONG took \\d+(\\.\\d+)? ms \\(warning at 0.000001 ms\\); PONG in .*");
    }

    @Test
    void clientCountOverTheLimitIsCritical() throws Exception {
        CheckResult r = bed.check(acl(MASTER).withThresholds(RedisThresholds.defaults().withClients(1, 1))).result();
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).startsWith("1 client (critical at 1); PONG in ");
    }

    @Test
    void serverThatAcceptsButNeverAnswersTimesOutAsNoResponse() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = silent.accept(); InputStream in = s.getInputStream()) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                } catch (Exception ignored) {
                    // the test closes the socket
                }
            });
            RedisTarget target = RedisTarget.of(HOST, silent.getLocalPort())
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300));
            CheckResult r = bed.check(target).result();

            assertThat(r.status()).isEqualTo(Status.CRITICAL);
            assertThat(r.summary()).isEqualTo("no response from 127.0.0.1:" + silent.getLocalPort()
                    + ": read timed out");
            assertThat(r.details()).anySatisfy(d -> assertThat(d).contains("java.net.SocketTimeoutException"));
        }
    }
}
