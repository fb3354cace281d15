package dev.swarmwatch.agent.config;

import dev.swarmwatch.agent.run.EngineHost;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.swarm.EngineTls;
import dev.swarmwatch.checks.swarm.SwarmKinds;
import dev.swarmwatch.checks.swarm.SwarmSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** engine.tls and DOCKER_TLS_VERIFY / DOCKER_CERT_PATH, with files made by the openssl command. */
class EngineTlsConfigTest {
    private static final List<CheckKind> SWARM = SwarmKinds.all(new SwarmSource(null));
    private static final URI TCP = URI.create("tcp://manager-1:2376");

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeCertificates() throws Exception {
        ssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca-key.pem", "-subj", "/CN=ca", "-days", "1",
                "-out", "ca.pem");
        ssl("genrsa", "-traditional", "-out", "key.pem", "2048");
        ssl("req", "-new", "-key", "key.pem", "-subj", "/CN=client", "-out", "client.csr");
        ssl("x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-set_serial", "2", "-days", "1",
                "-out", "cert.pem");
        ssl("ecparam", "-genkey", "-name", "prime256v1", "-out", "other-key.pem");
    }

    @Test
    void tlsFilesRelativeToTheConfigAreReadAndParsed() throws Exception {
        AgentConfig config = load("""
                engine:
                  host: tcp://manager-1:2376
                  tls:
                    ca_file: ca.pem
                    cert_file: cert.pem
                    key_file: key.pem
                """);
        EngineTls tls = config.engineTls().orElseThrow();
        assertThat(tls.verify()).isTrue();
        assertThat(tls.caFile()).contains(dir.resolve("ca.pem"));
        assertThat(tls.trusted()).hasSize(1);
        assertThat(tls.client().orElseThrow().certFile()).isEqualTo(dir.resolve("cert.pem"));
        assertThat(tls.client().orElseThrow().key().getAlgorithm()).isEqualTo("RSA");
        assertThat(tls.toString()).doesNotContain("BEGIN").doesNotContain("modulus");
    }

    @Test
    void verifyFalseTrustsAnyEngineAndTakesNoCa() throws Exception {
        AgentConfig config = load("engine:\n  tls:\n    verify: false\n");
        assertThat(config.engineTls().orElseThrow().verify()).isFalse();
        assertThat(config.engineTls().orElseThrow().client()).isEmpty();
    }

    @Test
    void everyTlsProblemIsReportedAtItsKey() throws Exception {
        Path file = write("""
                engine:
                  tls:
                    ca_file: missing.pem
                    cert_file: key.pem
                    key_file: /dev/zero
                    verify: maybe
                    ciphers: all
                """);
        assertThat(problems(file)).isEqualTo(String.join("\n",
                file + ":3:14 engine.tls.ca_file: cannot read " + dir.resolve("missing.pem") + ": no such file",
                file + ":4:16 engine.tls.cert_file: " + dir.resolve("key.pem") + " holds a private key, not a certificate",
                file + ":5:15 engine.tls.key_file: cannot read /dev/zero: is not a regular file (a device, pipe or socket)",
                file + ":6:13 engine.tls.verify: expected true or false, got \"maybe\"",
                file + ":7:5 engine.tls.ciphers: unknown key (expected one of: ca_file, cert_file, key_file, verify)"));
    }

    @Test
    void keysThatOnlyWorkTogetherAreCheckedTogether() throws Exception {
        Path file = write("""
                engine:
                  tls:
                    cert_file: cert.pem
                    key_file: other-key.pem
                """);
        assertThat(problems(file)).isEqualTo(String.join("\n",
                file + ":3:5 engine.tls: ca_file is needed to verify the engine's certificate (or verify: false, which trusts any engine)",
                file + ":4:15 engine.tls.key_file: " + dir.resolve("other-key.pem") + " is not the private key of the"
                        + " certificate in " + dir.resolve("cert.pem")));
        Path half = write("engine:\n  tls:\n    ca_file: ca.pem\n    key_file: key.pem\n");
        assertThat(problems(half)).isEqualTo(half + ":3:5 engine.tls: cert_file and key_file go together: give both or neither");
        Path both = write("engine:\n  tls:\n    ca_file: ca.pem\n    verify: false\n");
        assertThat(problems(both)).isEqualTo(both + ":3:14 engine.tls.ca_file: has no use with verify: false; remove one of them");
    }

    @Test
    void dockerTlsVerifyReadsTheCertPathAsTheDockerCliDoes() {
        Optional<EngineTls> tls = EngineHost.tls(AgentConfig.defaults(), TCP,
                Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", dir.toString()));
        assertThat(tls.orElseThrow().caFile()).contains(dir.resolve("ca.pem"));
        assertThat(tls.orElseThrow().client().orElseThrow().certFile()).isEqualTo(dir.resolve("cert.pem"));
        assertThat(EngineHost.tls(AgentConfig.defaults(), TCP, Map.of("DOCKER_CERT_PATH", dir.toString()))).isEmpty();
        assertThat(EngineHost.tls(AgentConfig.defaults(), URI.create("unix:///var/run/docker.sock"),
                Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", dir.toString()))).isEmpty();
    }

    @Test
    void dockerCertPathWithoutItsCaOrWithHalfAClientCertificateIsRefusedNamingTheFile() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatIllegalArgumentException().isThrownBy(() -> EngineHost.tls(AgentConfig.defaults(), TCP,
                        Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", empty.toString())))
                .withMessage("DOCKER_TLS_VERIFY is set: cannot read " + empty.resolve("ca.pem") + ": no such file");
        Path half = Files.createDirectories(dir.resolve("half"));
        Files.copy(dir.resolve("ca.pem"), half.resolve("ca.pem"));
        Files.copy(dir.resolve("cert.pem"), half.resolve("cert.pem"));
        assertThatIllegalArgumentException().isThrownBy(() -> EngineHost.tls(AgentConfig.defaults(), TCP,
                        Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", half.toString())))
                .withMessage("DOCKER_TLS_VERIFY is set: " + half + " has cert.pem but no key.pem: a client certificate needs both");
    }

    @Test
    void engineTlsWithAUnixSocketIsRefused() throws Exception {
        AgentConfig config = load("engine:\n  tls:\n    verify: false\n");
        assertThatIllegalArgumentException().isThrownBy(() -> EngineHost.tls(config,
                        URI.create("unix:///var/run/docker.sock"), Map.of()))
                .withMessage("engine.tls is set, but the engine is unix:///var/run/docker.sock: TLS is for a tcp://host:port engine");
    }

    private static Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "swarmwatch-", ".yml"), yaml);
    }

    private static AgentConfig load(String yaml) throws Exception {
        return new ConfigLoader(SWARM, Map.of()).load(write(yaml));
    }

    private static String problems(Path file) {
        try {
            new ConfigLoader(SWARM, Map.of()).load(file);
            throw new AssertionError(file + " was accepted");
        } catch (ConfigException e) {
            return e.getMessage();
        }
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
