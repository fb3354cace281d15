package dev.swarmwatch.checks.redis;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisTargetTest {

    @Test
    void toStringNeverShowsThePassword() {
        RedisTarget t = RedisTarget.of("127.0.0.1", 6391).withUser("swarmwatch", "s3cret-for-tests")
                .withTls(RedisTls.insecure());
        assertThat(t.toString()).doesNotContain("s3cret-for-tests")
                .contains("127.0.0.1:6391", "user=swarmwatch", "password=***", "tls=insecure");
        assertThat(RedisTarget.of("h", 1).toString()).contains("user=default", "password=none", "tls=off");
    }

    @Test
    void anAclUserNeedsAPassword() {
        assertThatThrownBy(() -> new RedisTarget("h", 6379, Optional.of("swarmwatch"), Optional.empty(),
                RedisTls.off(), Duration.ofSeconds(1), Duration.ofSeconds(1), Optional.empty(), RedisThresholds.defaults()))
                .hasMessage("redis user swarmwatch given without a password");
    }

    @Test
    void badPortsHostsAndTimeoutsAreRejected() {
        assertThatThrownBy(() -> RedisTarget.of("h", 0)).hasMessage("redis port must be 1..65535, got 0");
        assertThatThrownBy(() -> RedisTarget.of(" ", 1)).hasMessage("redis host is blank");
        assertThatThrownBy(() -> RedisTarget.of("h", 1).withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessage("connectTimeout must be positive, got PT0S");
    }

    @Test
    void tlsTrustChoicesExcludeEachOther() {
        assertThatThrownBy(() -> new RedisTls(true, Optional.of(Path.of("ca.pem")), true))
                .hasMessage("TLS: a CA file and insecure-skip-verify exclude each other");
        assertThatThrownBy(() -> new RedisTls(false, Optional.empty(), true))
                .hasMessage("TLS trust options given while TLS is off");
        assertThat(RedisTls.trusting(Path.of("/x/ca.pem")).toString()).isEqualTo("ca /x/ca.pem");
    }

    @Test
    void thresholdsMustBeOrdered() {
        RedisThresholds d = RedisThresholds.defaults();
        assertThatThrownBy(() -> d.withLatency(Duration.ofMillis(10), Duration.ofMillis(5)))
                .hasMessage("latency critical PT0.005S is below latency warning PT0.01S");
        assertThatThrownBy(() -> d.withMemoryPercent(90, 80)).hasMessage("memory critical 80.0% is below memory warning 90.0%");
        assertThatThrownBy(() -> d.withMemoryPercent(0, 80)).hasMessage("memory percent must be in (0, 100], got 0.0");
        assertThatThrownBy(() -> d.withClients(10, 5)).hasMessage("clients critical 5 is below clients warning 10");
        assertThat(new RedisThresholds(Duration.ofMillis(1), Duration.ofMillis(1), OptionalDouble.of(1),
                OptionalDouble.empty(), OptionalLong.empty(), OptionalLong.of(3)).clientsCritical()).hasValue(3);
    }

    @Test
    void rolesParseRedisWordsAndOurs() {
        assertThat(RedisRole.parse("slave")).contains(RedisRole.REPLICA);
        assertThat(RedisRole.parse("replica")).contains(RedisRole.REPLICA);
        assertThat(RedisRole.parse("master")).contains(RedisRole.MASTER);
        assertThat(RedisRole.parse("sentinel")).isEmpty();
    }
}
