package dev.swarmwatch.checks.redis;

import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class RedisVerdictTest {
    private static final long MB64 = 64L * 1024 * 1024;
    private static final RedisTarget TARGET = RedisTarget.of("127.0.0.1", 6391);

    private static RedisFacts master(Duration ping, long clients, long used, long max) {
        return new RedisFacts(ping, RedisRole.MASTER, clients, used, max, "noeviction", 1, Optional.empty());
    }

    private static RedisFacts replica(boolean up, OptionalLong downSeconds) {
        return new RedisFacts(Duration.ofNanos(300_000), RedisRole.REPLICA, 1, 1_048_576, 0, "noeviction", 0,
                Optional.of(new RedisFacts.MasterLink("127.0.0.1", 6391, up, downSeconds, false)));
    }

    @Test
    void healthyMasterSummaryHasLatencyRoleClientsAndMemoryOfMaxmemory() {
        CheckResult r = RedisVerdict.evaluate(TARGET, master(Duration.ofNanos(400_000), 2, 1_258_291, MB64));

        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.summary()).isEqualTo("PONG in 0.4 ms, role master, 2 clients, memory 1.2 MB of 64 MB (1.9%)");
        assertThat(r.details()).containsExactly("master with 1 connected replica", "maxmemory 64 MB, policy noeviction");
        assertThat(r.perfdata()).extracting(PerfDatum::label)
                .containsExactly("time", "used_memory", "memory_used_percent", "connected_clients");
        PerfDatum time = r.perfdata().get(0);
        assertThat(time.value()).isEqualTo(0.0004);
        assertThat(time.unit()).isEqualTo("s");
        assertThat(time.warn()).hasValue(0.1);
        assertThat(time.crit()).hasValue(0.5);
        assertThat(r.perfdata().get(1).max()).hasValue(MB64);
        assertThat(r.perfdata().get(2).value()).isEqualTo(1.875);
        assertThat(r.perfdata().get(2).warn()).hasValue(80);
    }

    @Test
    void withoutMaxmemoryUsedMemoryIsReportedButNotJudged() {
        RedisTarget strict = TARGET.withThresholds(RedisThresholds.defaults().withMemoryPercent(0.001, 0.002));
        CheckResult r = RedisVerdict.evaluate(strict, master(Duration.ofNanos(400_000), 1, 1_258_291, 0));

        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.summary()).isEqualTo("PONG in 0.4 ms, role master, 1 client, memory 1.2 MB");
        assertThat(r.details()).contains("no maxmemory set: used memory is reported, not judged, policy noeviction");
        assertThat(r.perfdata()).extracting(PerfDatum::label).doesNotContain("memory_used_percent");
    }

    @Test
    void memoryAtTheWarningLimitWarnsAndAtTheCriticalLimitIsCritical() {
        RedisTarget t = TARGET.withThresholds(RedisThresholds.defaults().withMemoryPercent(50, 75));
        CheckResult below = RedisVerdict.evaluate(t, master(Duration.ofNanos(400_000), 2, MB64 / 2 - 1, MB64));
        CheckResult atWarning = RedisVerdict.evaluate(t, master(Duration.ofNanos(400_000), 2, MB64 / 2, MB64));
        CheckResult atCritical = RedisVerdict.evaluate(t, master(Duration.ofNanos(400_000), 2, MB64 / 4 * 3, MB64));

        assertThat(below.status()).isEqualTo(Status.OK);
        assertThat(atWarning.status()).isEqualTo(Status.WARNING);
        assertThat(atWarning.summary()).isEqualTo(
                "memory 50.0% of maxmemory (warning at 50%); PONG in 0.4 ms, role master, 2 clients, memory 32 MB of 64 MB (50.0%)");
        assertThat(atCritical.status()).isEqualTo(Status.CRITICAL);
        assertThat(atCritical.summary()).startsWith("memory 75.0% of maxmemory (critical at 75%); ");
    }

    @Test
    void tinyThresholdsAreShownAsGiven() {
        RedisTarget t = TARGET.withThresholds(RedisThresholds.defaults().withMemoryPercent(0.001, 99));
        CheckResult r = RedisVerdict.evaluate(t, master(Duration.ofNanos(400_000), 2, 1_258_291, MB64));
        assertThat(r.summary()).startsWith("memory 1.9% of maxmemory (warning at 0.001%); ");
    }

    @Test
    void slowPongWarnsThenGoesCritical() {
        CheckResult slow = RedisVerdict.evaluate(TARGET, master(Duration.ofMillis(150), 2, 1_258_291, MB64));
        CheckResult slower = RedisVerdict.evaluate(TARGET, master(Duration.ofMillis(1500), 2, 1_258_291, MB64));

        assertThat(slow.status()).isEqualTo(Status.WARNING);
        assertThat(slow.summary()).startsWith("PONG took 150 ms (warning at 100 ms); PONG in 150 ms, role master");
        assertThat(slower.status()).isEqualTo(Status.CRITICAL);
        assertThat(slower.summary()).startsWith("PONG took 1.50 s (critical at 500 ms); ");
    }

    @Test
    void clientThresholdsAreOptionalAndInclusive() {
        RedisTarget t = TARGET.withThresholds(RedisThresholds.defaults().withClients(2, 3));
        assertThat(RedisVerdict.evaluate(TARGET, master(Duration.ofNanos(400_000), 5000, 0, 0)).status()).isEqualTo(Status.OK);
        assertThat(RedisVerdict.evaluate(t, master(Duration.ofNanos(400_000), 1, 0, 0)).status()).isEqualTo(Status.OK);
        CheckResult three = RedisVerdict.evaluate(t, master(Duration.ofNanos(400_000), 3, 0, 0));
        assertThat(three.status()).isEqualTo(Status.CRITICAL);
        assertThat(three.summary()).startsWith("3 clients (critical at 3); ");
        assertThat(three.perfdata()).filteredOn(p -> p.label().equals("connected_clients"))
                .singleElement().satisfies(p -> assertThat(p.warn()).hasValue(2));
    }

    @Test
    void wrongRoleIsCriticalAndListedBeforeLesserProblems() {
        RedisTarget t = TARGET.withExpectedRole(RedisRole.REPLICA);
        CheckResult r = RedisVerdict.evaluate(t, master(Duration.ofMillis(150), 2, 1_258_291, MB64));

        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).startsWith("role master, expected replica; PONG took 150 ms (warning at 100 ms); PONG in 150 ms");
    }

    @Test
    void replicaWithItsLinkDownIsCriticalWithHowLongAndPerfdata() {
        CheckResult r = RedisVerdict.evaluate(TARGET, replica(false, OptionalLong.of(42)));

        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo(
                "replica link to master 127.0.0.1:6391 down for 42s; PONG in 0.3 ms, role replica, 1 client, memory 1 MB");
        assertThat(r.details()).first().isEqualTo("replica of 127.0.0.1:6391, link down");
        assertThat(r.perfdata()).filteredOn(p -> p.label().equals("master_link_down_seconds"))
                .singleElement().satisfies(p -> {
                    assertThat(p.value()).isEqualTo(42);
                    assertThat(p.unit()).isEqualTo("s");
                });
    }

    @Test
    void replicaLinkNeverUpSaysDownWithoutADuration() {
        CheckResult r = RedisVerdict.evaluate(TARGET, replica(false, OptionalLong.empty()));
        assertThat(r.summary()).startsWith("replica link to master 127.0.0.1:6391 down; PONG");
        assertThat(r.perfdata()).extracting(PerfDatum::label).doesNotContain("master_link_down_seconds");
    }

    @Test
    void healthyReplicaMatchingItsExpectedRoleIsOk() {
        CheckResult r = RedisVerdict.evaluate(TARGET.withExpectedRole(RedisRole.REPLICA), replica(true, OptionalLong.empty()));
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.details()).first().isEqualTo("replica of 127.0.0.1:6391, link up");
        assertThat(r.perfdata()).extracting(PerfDatum::label).doesNotContain("master_link_down_seconds");
    }

    @Test
    void unitsAreHumanAndStable() {
        assertThat(RedisVerdict.bytes(0)).isEqualTo("0 B");
        assertThat(RedisVerdict.bytes(1023)).isEqualTo("1023 B");
        assertThat(RedisVerdict.bytes(1536)).isEqualTo("1.5 KB");
        assertThat(RedisVerdict.bytes(MB64)).isEqualTo("64 MB");
        assertThat(RedisVerdict.bytes(3L << 30)).isEqualTo("3 GB");
        assertThat(RedisVerdict.latency(Duration.ofNanos(61_101))).isEqualTo("0.06 ms");
        assertThat(RedisVerdict.latency(Duration.ofNanos(400_000))).isEqualTo("0.4 ms");
        assertThat(RedisVerdict.limit(Duration.ofNanos(1))).isEqualTo("0.000001 ms");
        assertThat(RedisVerdict.limit(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(RedisVerdict.latency(Duration.ofNanos(3_250_000))).isEqualTo("3.3 ms");
        assertThat(RedisVerdict.latency(Duration.ofMillis(12))).isEqualTo("12 ms");
        assertThat(RedisVerdict.number(OptionalDouble.of(0.5).getAsDouble())).isEqualTo("0.5");
    }
}
