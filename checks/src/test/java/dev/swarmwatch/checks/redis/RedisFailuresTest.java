package dev.swarmwatch.checks.redis;

import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

import javax.net.ssl.SSLHandshakeException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class RedisFailuresTest {
    private static final String SECRET = "hunter2-secret";
    private static final RedisTarget ACL = RedisTarget.of("127.0.0.1", 6391).withUser("swarmwatch", SECRET);
    private static final RedisTarget PLAIN = RedisTarget.of("127.0.0.1", 6391);

    @Test
    void refusedAndTimedOutConnectionsAreCriticalNoResponse() {
        assertThat(RedisFailures.classify(PLAIN, new JedisConnectionException(new ConnectException("Connection refused"))))
                .hasValueSatisfying(r -> {
                    assertThat(r.status()).isEqualTo(Status.CRITICAL);
                    assertThat(r.summary()).isEqualTo("no response from 127.0.0.1:6391: connection refused");
                    assertThat(r.details()).containsExactly("error: redis.clients.jedis.exceptions.JedisConnectionException: "
                            + "java.net.ConnectException: Connection refused <- java.net.ConnectException: Connection refused");
                });
        JedisConnectionException summaryOnly = new JedisConnectionException("Failed to connect to any host resolved for DNS name.");
        summaryOnly.addSuppressed(new SocketTimeoutException("Connect timed out"));
        assertThat(RedisFailures.classify(PLAIN, summaryOnly)).map(CheckResult::summary)
                .contains("no response from 127.0.0.1:6391: connection timed out");
    }

    @Test
    void failedHandshakeIsNamedAsTls() {
        JedisConnectionException e = new JedisConnectionException(new SSLHandshakeException("PKIX path building failed"));
        assertThat(RedisFailures.classify(PLAIN, e)).map(CheckResult::summary)
                .contains("TLS handshake with 127.0.0.1:6391 failed: certificate not trusted (unknown issuer or self-signed)");
    }

    @Test
    void wrongPasswordNamesTheUserAndNeverThePassword() {
        CheckResult r = RedisFailures.classify(ACL, new JedisAccessControlException(
                "WRONGPASS invalid username-password pair or user is disabled.")).orElseThrow();

        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("authentication failed for user swarmwatch");
        assertThat(r.details()).containsExactly("server replied: WRONGPASS invalid username-password pair or user is disabled.");
        assertThat(r.toString()).doesNotContain(SECRET);
    }

    @Test
    void missingOrUnexpectedPasswordSaysWhich() {
        assertThat(RedisFailures.classify(PLAIN, new JedisAccessControlException("NOAUTH Authentication required.")))
                .map(CheckResult::summary)
                .contains("authentication failed for user default: the server requires a password and none is configured");
        assertThat(RedisFailures.classify(PLAIN.withPassword(SECRET), new JedisDataException(
                "ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?")))
                .map(CheckResult::summary).contains("authentication failed for user default: the server has no password set");
        assertThat(RedisFailures.classify(PLAIN.withPassword(SECRET), new JedisDataException("ERR invalid password")))
                .map(CheckResult::summary).contains("authentication failed for user default");
    }

    @Test
    void passwordQuotedByAnyErrorIsScrubbed() {
        CheckResult r = RedisFailures.classify(ACL, new JedisConnectionException(
                new ConnectException("odd proxy echoed " + SECRET))).orElseThrow();
        assertThat(r.summary()).isEqualTo("no response from 127.0.0.1:6391: connection failed: odd proxy echoed ***");
        assertThat(r.toString()).doesNotContain(SECRET);
    }

    @Test
    void errorsTheProbeDoesNotUnderstandAreLeftToTheRunner() {
        assertThat(RedisFailures.classify(PLAIN, new JedisDataException("ERR unknown command 'INFO'"))).isEmpty();
        assertThat(RedisFailures.classify(PLAIN, new JedisAccessControlException(
                "NOPERM User swarmwatch has no permissions to run the 'info' command"))).isEmpty();
        assertThat(RedisFailures.classify(PLAIN, new IllegalStateException("x"))).isEmpty();
    }

    @Test
    void loadingAndMasterDownRepliesAreRecognised() {
        assertThat(RedisFailures.loading(new JedisDataException("LOADING Redis is loading the dataset in memory"))).isTrue();
        assertThat(RedisFailures.masterDown(new JedisDataException(
                "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'."))).isTrue();
        assertThat(RedisFailures.loading(new JedisDataException("ERR no"))).isFalse();
    }
}
