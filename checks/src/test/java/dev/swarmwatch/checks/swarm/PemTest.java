package dev.swarmwatch.checks.swarm;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Keys and certificates as the openssl command writes them (run here), read as docker's PEM files. */
class PemTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void makeKeys() throws Exception {
        ssl("genrsa", "-out", "pkcs8-rsa.pem", "2048");
        ssl("genrsa", "-traditional", "-out", "pkcs1-rsa.pem", "2048");
        ssl("ecparam", "-genkey", "-name", "prime256v1", "-out", "sec1-ec-with-params.pem");
        ssl("ecparam", "-genkey", "-name", "secp384r1", "-noout", "-out", "sec1-ec.pem");
        ssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "pkcs8-ec.pem");
        ssl("genpkey", "-algorithm", "ed25519", "-out", "pkcs8-ed25519.pem");
        ssl("genrsa", "-aes256", "-passout", "pass:secret", "-out", "encrypted-pkcs8.pem", "2048");
        ssl("genrsa", "-traditional", "-aes256", "-passout", "pass:secret", "-out", "encrypted-pkcs1.pem", "2048");
        ssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "req-key.pem", "-subj", "/CN=one",
                "-days", "1", "-out", "one.pem");
        ssl("req", "-x509", "-key", "sec1-ec.pem", "-subj", "/CN=two", "-days", "1", "-out", "two.pem");
        Files.writeString(dir.resolve("bundle.pem"), Files.readString(dir.resolve("one.pem"))
                + "some comment between\n" + Files.readString(dir.resolve("two.pem")));
    }

    @ParameterizedTest
    @CsvSource({"pkcs8-rsa.pem, RSA", "pkcs1-rsa.pem, RSA", "sec1-ec-with-params.pem, EC", "sec1-ec.pem, EC",
            "pkcs8-ec.pem, EC", "pkcs8-ed25519.pem, EdDSA", "req-key.pem, RSA"})
    void readsEveryUnencryptedKeyFormOpensslWrites(String file, String algorithm) throws IOException {
        PrivateKey key = Pem.privateKey(Files.readString(dir.resolve(file)));
        assertThat(key.getAlgorithm()).isEqualTo(algorithm);
    }

    @ParameterizedTest
    @CsvSource({"encrypted-pkcs8.pem", "encrypted-pkcs1.pem"})
    void refusesAnEncryptedKeyAsDockerDoes(String file) throws IOException {
        String text = Files.readString(dir.resolve(file));
        assertThatIllegalArgumentException().isThrownBy(() -> Pem.privateKey(text))
                .withMessageStartingWith("holds an encrypted private key: the Docker engine's client key must be unencrypted");
    }

    @Test
    void readsEveryCertificateOfABundleInOrder() throws IOException {
        List<X509Certificate> certs = Pem.certificates(Files.readString(dir.resolve("bundle.pem")));
        assertThat(certs).extracting(c -> c.getSubjectX500Principal().getName()).containsExactly("CN=one", "CN=two");
    }

    @Test
    void tellsAKeyFromACertificateWhenTheyAreSwapped() throws IOException {
        String key = Files.readString(dir.resolve("req-key.pem"));
        String cert = Files.readString(dir.resolve("one.pem"));
        assertThatIllegalArgumentException().isThrownBy(() -> Pem.certificates(key))
                .withMessage("holds a private key, not a certificate");
        assertThatIllegalArgumentException().isThrownBy(() -> Pem.privateKey(cert))
                .withMessage("holds a certificate, not a private key");
        assertThatIllegalArgumentException().isThrownBy(() -> Pem.certificates("hello"))
                .withMessage("holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }

    @Test
    void damagedCertificateIsNamedByItsPlace() {
        String broken = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        assertThatIllegalArgumentException().isThrownBy(() -> Pem.certificates(broken))
                .withMessage("certificate 1 is not a valid X.509 certificate");
    }

    @Test
    void keyMatchesOnlyItsOwnCertificate() throws IOException {
        X509Certificate one = Pem.certificates(Files.readString(dir.resolve("one.pem"))).get(0);
        X509Certificate two = Pem.certificates(Files.readString(dir.resolve("two.pem"))).get(0);
        PrivateKey oneKey = Pem.privateKey(Files.readString(dir.resolve("req-key.pem")));
        PrivateKey twoKey = Pem.privateKey(Files.readString(dir.resolve("sec1-ec.pem")));
        assertThat(Pem.matches(one, oneKey)).isTrue();
        assertThat(Pem.matches(two, twoKey)).isTrue();
        assertThat(Pem.matches(one, twoKey)).isFalse();
        assertThat(Pem.matches(two, oneKey)).isFalse();
        assertThat(Pem.matches(one, Pem.privateKey(Files.readString(dir.resolve("pkcs8-rsa.pem"))))).isFalse();
    }

    private static void ssl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd)).isZero();
    }
}
