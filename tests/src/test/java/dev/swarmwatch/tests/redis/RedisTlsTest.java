package dev.swarmwatch.tests.redis;

import dev.swarmwatch.checks.redis.RedisTls;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static dev.swarmwatch.tests.redis.RedisBed.TLS;
import static dev.swarmwatch.tests.redis.RedisBed.acl;
import static org.assertj.core.api.Assertions.assertThat;

/** The bed's TLS-only server (6393) with a self-signed certificate for 127.0.0.1 and localhost. */
class RedisTlsTest {
    private static final Path CERT = RedisBed.DIR.resolve("tls/cert.pem");
    private static RedisBed bed;

    @BeforeAll
    static void start() {
        bed = new RedisBed();
        assertThat(CERT).as("the bed's TLS certificate (redis-server built without TLS?)").exists();
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void pingOverTlsTrustingTheBedCertificateVerifiesHostAndIsOk() throws Exception {
        CheckResult r = bed.check(acl(TLS).withTls(RedisTls.trusting(CERT))).result();

        assertThat(r.status()).as(r.summary()).isEqualTo(Status.OK);
        assertThat(r.summary()).matches("PONG in \\d+(\\.\\d+)? ms, role master, 1 client, memory \\d+(\\.\\d)? (KB|MB)");
    }

    @Test
    void insecureSkipVerifyAcceptsTheSelfSignedCertificate() throws Exception {
        CheckResult r = bed.check(acl(TLS).withTls(RedisTls.insecure())).result();
        assertThat(r.status()).as(r.summary()).isEqualTo(Status.OK);
    }

    @Test
    void selfSignedCertificateUntrustedByTheJvmIsCriticalTlsHandshakeFailure() throws Exception {
        CheckResult r = bed.check(acl(TLS).withTls(RedisTls.systemTrust())).result();

        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.summary()).isEqualTo("TLS handshake with 127.0.0.1:6393 failed: certificate not trusted (unknown issuer or self-signed)");
    }
}
