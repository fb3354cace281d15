package dev.swarmwatch.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Certificates made for one test run with the openssl command, as an operator following Docker's
 * "Protect the Docker daemon socket" guide would: a CA, the engine's certificate for IP:127.0.0.1,
 * client certificates, and a second CA that signed nothing the engine knows. Keys come in each
 * form openssl writes: PKCS#1 ({@code genrsa -traditional}), SEC1 ({@code ecparam -genkey}, with
 * its EC PARAMETERS block) and PKCS#8 ({@code req -nodes}).
 *
 * <p>Directories in DOCKER_CERT_PATH layout (ca.pem, cert.pem, key.pem): {@link #client()} (good),
 * {@link #wrongCa()} (trusts the other CA), {@link #noClient()} (CA only), {@link #otherClient()}
 * (a client certificate of the other CA), {@link #ecClient()} (good, SEC1 key).
 */
final class TlsCerts {
    private final Path dir;

    private TlsCerts(Path dir) {
        this.dir = dir;
    }

    static TlsCerts make(Path dir) throws IOException, InterruptedException {
        TlsCerts c = new TlsCerts(dir);
        c.ssl("ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "ca-key.pem");
        c.ssl("req", "-x509", "-new", "-key", "ca-key.pem", "-subj", "/CN=swarmwatch test CA", "-days", "2", "-out", "ca.pem");
        c.ssl("ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "other-ca-key.pem");
        c.ssl("req", "-x509", "-new", "-key", "other-ca-key.pem", "-subj", "/CN=other CA", "-days", "2", "-out", "other-ca.pem");
        c.ssl("ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "server-key.pem");
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        c.sign("server-key.pem", "/CN=swarmwatch test engine", "ca", "server.ext", "2", "server-cert.pem");
        c.sign("server-key.pem", "/CN=swarmwatch test engine", "ca", "server.ext", "-1", "expired-cert.pem");

        Path client = c.mkdir("client");
        c.ssl("genrsa", "-traditional", "-out", "client/key.pem", "2048");
        c.sign("client/key.pem", "/CN=swarmwatch", "ca", "client.ext", "2", "client/cert.pem");
        Files.copy(dir.resolve("ca.pem"), client.resolve("ca.pem"));

        Path ec = c.mkdir("ec-client");
        c.ssl("ecparam", "-genkey", "-name", "prime256v1", "-out", "ec-client/key.pem");
        c.sign("ec-client/key.pem", "/CN=swarmwatch ec", "ca", "client.ext", "2", "ec-client/cert.pem");
        Files.copy(dir.resolve("ca.pem"), ec.resolve("ca.pem"));

        Path other = c.mkdir("other-client");
        c.ssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-client/key.pem", "-subj", "/CN=stranger",
                "-out", "other-client/req.csr");
        c.ssl("x509", "-req", "-in", "other-client/req.csr", "-CA", "other-ca.pem", "-CAkey", "other-ca-key.pem",
                "-set_serial", "7", "-days", "2", "-extfile", "client.ext", "-out", "other-client/cert.pem");
        Files.copy(dir.resolve("ca.pem"), other.resolve("ca.pem"));

        Path wrong = c.mkdir("wrong-ca");
        Files.copy(dir.resolve("other-ca.pem"), wrong.resolve("ca.pem"));
        Files.copy(client.resolve("cert.pem"), wrong.resolve("cert.pem"));
        Files.copy(client.resolve("key.pem"), wrong.resolve("key.pem"));

        Files.copy(dir.resolve("ca.pem"), c.mkdir("no-client").resolve("ca.pem"));
        return c;
    }

    Path dir() {
        return dir;
    }

    Path client() {
        return dir.resolve("client");
    }

    Path ecClient() {
        return dir.resolve("ec-client");
    }

    Path otherClient() {
        return dir.resolve("other-client");
    }

    Path wrongCa() {
        return dir.resolve("wrong-ca");
    }

    Path noClient() {
        return dir.resolve("no-client");
    }

    private Path mkdir(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    private void sign(String key, String subject, String ca, String ext, String days, String out)
            throws IOException, InterruptedException {
        String csr = out + ".csr";
        ssl("req", "-new", "-key", key, "-subj", subject, "-out", csr);
        ssl("x509", "-req", "-in", csr, "-CA", ca + ".pem", "-CAkey", ca + "-key.pem", "-set_serial",
                Long.toString(System.nanoTime()), "-days", days, "-extfile", ext, "-out", out);
    }

    private void ssl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Bed.Result r = Bed.run(cmd, List.of(), Duration.ofSeconds(30), dir);
        assertThat(r.exit()).as(String.join(" ", cmd) + ": " + r.out() + r.err()).isZero();
    }
}
