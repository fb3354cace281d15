package dev.swarmwatch.tests;

import com.sun.net.httpserver.HttpServer;
import dev.swarmwatch.tests.fake.Report;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real dockerd of its own speaking only TLS on TCP with --tlsverify (tests/bed/tls.sh), with
 * certificates made here by openssl: the report reads its swarm over TLS from the docker CLI's
 * environment variables and from engine.tls, and each way TLS goes wrong is a CRITICAL in an
 * operator's words within engine.timeout + 1 s. Servers that cannot be a dockerd (an expired
 * certificate, a plain HTTP port, a port that never answers the handshake) are openssl s_server,
 * the JDK's HTTP server and bare sockets; one of them sends Go's plain-HTTP 400 at once, which a
 * real plain dockerd sends only when a newline byte happens to be in the ClientHello.
 */
class TlsEngineTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration BOUND = TIMEOUT.plusSeconds(1);
    private static final Path SCRIPT = Bed.REPO.resolve("tests/bed/tls.sh");

    private static TlsCerts certs;
    private static int port;
    private static URI engine;

    @BeforeAll
    static void startTlsEngine() throws Exception {
        certs = TlsCerts.make(Files.createTempDirectory(Bed.DIR, "tls-certs-"));
        port = freePort();
        engine = URI.create("tcp://127.0.0.1:" + port);
        Bed.Result up = Bed.run(List.of("bash", SCRIPT.toString(), "up", certs.dir().toString(), Integer.toString(port),
                Integer.toString(freePort())), List.of("SWARMWATCH_BED=" + Bed.DIR), Duration.ofSeconds(60));
        assertThat(up.exit()).as("tls.sh up: " + up.err()).isZero();
    }

    @AfterAll
    static void stopTlsEngine() throws Exception {
        // tls.sh stops the PID it recorded at start (checked against its start time), nothing else.
        Bed.Result down = Bed.run(List.of("bash", SCRIPT.toString(), "down"), List.of("SWARMWATCH_BED=" + Bed.DIR),
                Duration.ofSeconds(60));
        if (certs != null) {
            try (var files = Files.walk(certs.dir())) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        assertThat(down.exit()).as("tls.sh down: " + down.err()).isZero();
    }

    @Test
    void reportReadsTheSwarmOverTlsFromTheDockerCliEnvironment() throws Exception {
        Bed.Result r = launcher(List.of("DOCKER_HOST=" + engine, "DOCKER_TLS_VERIFY=1",
                "DOCKER_CERT_PATH=" + certs.client()));
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).startsWith("SWARMWATCH OK - ").contains("'swarm.nodes'=1;");
    }

    @Test
    void reportReadsTheSwarmOverTlsFromEngineTlsKeys() throws Exception {
        Path config = config(certs.ecClient(), true);
        Report.Result r = Report.run(engine, TIMEOUT, "--format", "nagios", "-c", config.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).startsWith("SWARMWATCH OK - ").contains("'swarm.nodes'=1;");
    }

    @Test
    void engineCertificateFromAnotherCaIsNotSignedByTheConfiguredCa() throws Exception {
        Report.Result r = report(engine, config(certs.wrongCa(), true));
        assertCriticalWithin(r, "Docker engine unreachable", "TLS handshake failed: the engine's certificate"
                + " (CN=swarmwatch test engine), issued by CN=swarmwatch test CA, is not signed by the CA in "
                + certs.wrongCa().resolve("ca.pem"));
    }

    @Test
    void engineRequiringAClientCertificateRefusesAClientWithout() throws Exception {
        Report.Result r = report(engine, config(certs.noClient(), false));
        assertCriticalWithin(r, "the engine refused the connection: it requires a client certificate"
                + " (give engine.tls.cert_file and key_file, or cert.pem and key.pem in DOCKER_CERT_PATH)");
    }

    @Test
    void clientCertificateOfAnotherCaIsRefusedByTheEngine() throws Exception {
        Report.Result r = report(engine, config(certs.otherClient(), true));
        assertCriticalWithin(r, "the engine refused the client certificate in " + certs.otherClient().resolve("cert.pem")
                + ": it is not signed by a CA the engine trusts");
    }

    @Test
    void hostNameTheCertificateDoesNotNameIsRefused() throws Exception {
        Report.Result r = report(URI.create("tcp://localhost:" + port), config(certs.client(), true));
        assertCriticalWithin(r, "TLS handshake failed: the engine's certificate (CN=swarmwatch test engine) is for"
                + " IP:127.0.0.1, not localhost");
    }

    @Test
    void expiredEngineCertificateIsRefusedWithItsDate() throws Exception {
        int sPort = freePort();
        Process server = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + sPort, "-www", "-quiet",
                "-cert", "expired-cert.pem", "-key", "server-key.pem")
                .directory(certs.dir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            awaitListening(sPort);
            Report.Result r = report(URI.create("tcp://127.0.0.1:" + sPort), config(certs.client(), true));
            assertCriticalWithin(r, "TLS handshake failed: the engine's certificate (CN=swarmwatch test engine) expired on ");
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void plainClientAtTheTlsPortIsToldTheEngineSpeaksTls() {
        Report.Result r = Report.run(engine, TIMEOUT, "--format", "nagios");
        assertCriticalWithin(r, "cannot reach the Docker engine at " + engine + " (/info): the engine speaks TLS on this"
                + " port: connect with TLS (DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH, or engine.tls)");
    }

    @Test
    void tlsClientAtAPlainHttpPortIsCriticalWithinTheTimeout() throws Exception {
        // A plain HTTP server (the JDK's here; Go's in a plain dockerd alike) reads the ClientHello as a
        // request line and answers only once a newline byte happens to be in it: either the answer
        // is seen, or the handshake never finishes. Both are CRITICAL in time, never a stack trace.
        HttpServer plain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        plain.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        plain.start();
        try {
            int p = plain.getAddress().getPort();
            Report.Result r = report(URI.create("tcp://127.0.0.1:" + p), config(certs.client(), true));
            assertCriticalWithin(r, "Docker engine ");
            assertThat(r.out()).containsAnyOf("127.0.0.1:" + p + " does not speak TLS", "TLS handshake not finished");
        } finally {
            plain.stop(0);
        }
    }

    @Test
    void plainHttpAnswerToTheClientHelloIsToldAsNoTls() throws Exception {
        // What Go's HTTP server (a dockerd without --tls) sends once it finds a line in the ClientHello,
        // sent at once here, since a real one does so only by chance.
        byte[] goAnswer = ("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close"
                + "\r\n\r\n400 Bad Request").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            Thread answering = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        try (SocketChannel c = server.accept()) {
                            c.read(java.nio.ByteBuffer.allocate(4096));
                            c.write(java.nio.ByteBuffer.wrap(goAnswer));
                        }
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            int p = ((InetSocketAddress) server.getLocalAddress()).getPort();
            Report.Result r = report(URI.create("tcp://127.0.0.1:" + p), config(certs.client(), true));
            assertCriticalWithin(r, "TLS handshake failed: the engine answered in plain HTTP: 127.0.0.1:" + p
                    + " does not speak TLS (for a plain engine unset DOCKER_TLS_VERIFY and engine.tls");
            server.close();
            answering.join();
        }
    }

    @Test
    void handshakeThatNeverFinishesIsAbandonedAtTheDeadline() throws Exception {
        try (ServerSocketChannel silent = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            List<SocketChannel> accepted = new ArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            int p = ((InetSocketAddress) silent.getLocalAddress()).getPort();
            Report.Result r = report(URI.create("tcp://127.0.0.1:" + p), config(certs.client(), true));
            assertCriticalWithin(r, "Docker engine not answering within 2s at tcp://127.0.0.1:" + p
                    + ": GET /info: connected, TLS handshake not finished");
            silent.close();
            acceptor.join();
            for (SocketChannel c : accepted) {
                c.close();
            }
        }
    }

    @Test
    void missingCaFileInDockerCertPathStopsTheStartNamingTheFile() throws Exception {
        Path empty = Files.createDirectories(certs.dir().resolve("empty"));
        Bed.Result r = launcher(List.of("DOCKER_HOST=" + engine, "DOCKER_TLS_VERIFY=1", "DOCKER_CERT_PATH=" + empty));
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.out()).startsWith("SWARMWATCH UNKNOWN - bad option: DOCKER_TLS_VERIFY is set: cannot read "
                + empty.resolve("ca.pem") + ": no such file");
    }

    private static Bed.Result launcher(List<String> env) throws Exception {
        return Bed.run(List.of(Bed.REPO.resolve("swarmwatch").toString(), "report", "--format", "nagios",
                "--engine-timeout", "2s"), env, Duration.ofMinutes(2));
    }

    private static Report.Result report(URI at, Path config) {
        return Report.run(at, TIMEOUT, "--format", "nagios", "-c", config.toString());
    }

    /** engine.tls from a DOCKER_CERT_PATH-style directory. */
    private static Path config(Path dir, boolean withClient) throws IOException {
        String yaml = "engine:\n  tls:\n    ca_file: " + dir.resolve("ca.pem") + "\n"
                + (withClient ? "    cert_file: " + dir.resolve("cert.pem") + "\n    key_file: " + dir.resolve("key.pem") + "\n" : "");
        return Files.writeString(Files.createTempFile(certs.dir(), "swarmwatch-", ".yml"), yaml);
    }

    private static void assertCriticalWithin(Report.Result r, String... words) {
        assertThat(r.took()).as("report took " + r.took().toMillis() + " ms: " + r.firstLine()).isLessThan(BOUND);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        // The status line is bounded (a problem is cut at 100 characters): the whole message is in the long output.
        assertThat(r.firstLine()).startsWith("SWARMWATCH CRITICAL - ");
        assertThat(r.out()).contains(words);
        assertThat(r.out() + r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(int p) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            try (Socket s = new Socket("127.0.0.1", p)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("openssl s_server did not listen on " + p);
    }
}
