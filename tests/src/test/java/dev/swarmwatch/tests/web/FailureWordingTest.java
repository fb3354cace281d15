package dev.swarmwatch.tests.web;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.config.AgentConfig.TargetSettings;
import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.Status;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Network failures read the same in every check, in an operator's words, against real sockets on
 * loopback: a closed port, a listener whose backlog is full, a TLS server with a certificate no one
 * trusts. The Java class of the failure is only in a detail line.
 */
class FailureWordingTest {
    private static final URI SANDBOX = URI.create("unix://" + Path.of(System.getProperty("swarmwatch.bed", "/tmp/swarmwatch-bed"), "docker.sock"));
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String CLASS_NAME = ".*\\b[A-Z]\\w*(Exception|Error)\\b.*";
    private static Vertx servers;
    private static int tlsPort;
    private static int closedPort;
    private static ServerSocket full;
    private static final List<Socket> queued = new ArrayList<>();

    @BeforeAll
    static void startServers(@TempDir Path dir) throws Exception {
        servers = Vertx.vertx();
        Path keystore = dir.resolve("untrusted.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "test", "-keyalg", "EC", "-validity", "30", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        tlsPort = servers.createHttpServer(new HttpServerOptions().setSsl(true)
                        .setKeyCertOptions(new PfxOptions().setPath(keystore.toString()).setPassword("changeit")))
                .requestHandler(req -> req.response().end("secure")).listen(0, "127.0.0.1").await().actualPort();
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            closedPort = s.getLocalPort();
        }
        // Linux drops SYNs to a listener whose accept queue is full: fill it until a connect times out.
        full = new ServerSocket(0, 1, LOOPBACK);
        for (int i = 0; i < 8; i++) {
            Socket s = new Socket();
            queued.add(s);
            try {
                s.connect(new InetSocketAddress(LOOPBACK, full.getLocalPort()), 300);
            } catch (SocketTimeoutException e) {
                return;
            }
        }
        throw new AssertionError("the backlog of a listener that never accepts did not fill");
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (Socket s : queued) {
            s.close();
        }
        full.close();
        servers.close().await();
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void httpSaysConnectionTimedOutWhenTheListenersBacklogIsFull() throws Exception {
        String silent = "http://127.0.0.1:" + full.getLocalPort() + "/";
        CheckReport r = run("http", List.of(target("silent", "url", silent, "timeout", java.time.Duration.ofMillis(700)))).get("silent");
        assertThat(r.status()).isEqualTo(Status.CRITICAL);
        assertThat(r.result().summary()).startsWith("connection timed out").endsWith(": " + silent).doesNotMatch(CLASS_NAME);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void httpSaysConnectionRefusedAndTlsHandshakeFailedInWords() throws Exception {
        String refused = "http://127.0.0.1:" + closedPort + "/";
        String untrusted = "https://localhost:" + tlsPort + "/";
        Map<String, CheckReport> r = run("http", List.of(
                target("refused", "url", refused),
                target("untrusted", "url", untrusted)));

        assertThat(r.get("refused").result().summary()).isEqualTo("connection refused: " + refused);
        assertThat(r.get("untrusted").result().summary())
                .isEqualTo("TLS handshake failed: certificate not trusted (unknown issuer or self-signed): " + untrusted);
        assertThat(r.get("refused").result().details()).anySatisfy(d -> assertThat(d).contains("java.net.ConnectException"));
        assertThat(r.get("untrusted").result().details()).anySatisfy(d -> assertThat(d).contains("SSLHandshakeException"));
        assertThat(r.values()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(Status.CRITICAL);
            assertThat(c.result().summary()).doesNotMatch(CLASS_NAME);
        });
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void redisAndPostgresSayConnectionRefusedInTheSameWords() throws Exception {
        CheckReport redis = run("redis", List.of(target("cache", "host", "127.0.0.1", "port", closedPort))).get("cache");
        CheckReport postgres = run("postgres", List.of(target("db", "host", "127.0.0.1", "port", closedPort))).get("db");

        assertThat(redis.result().summary()).isEqualTo("no response from 127.0.0.1:" + closedPort + ": connection refused");
        assertThat(postgres.result().summary()).isEqualTo("no response from 127.0.0.1:" + closedPort + ": connection refused");
        assertThat(redis.result().details()).anySatisfy(d -> assertThat(d).contains("java.net.ConnectException"));
        for (CheckReport c : List.of(redis, postgres)) {
            assertThat(c.status()).isEqualTo(Status.CRITICAL);
            assertThat(c.result().summary()).doesNotMatch(CLASS_NAME);
        }
    }

    @Test
    @Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theTextReportShowsTheExceptionClassOnlyWithVerbose(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("swarmwatch.yml");
        java.nio.file.Files.writeString(config, """
                engine:
                  host: %s
                targets:
                  http:
                    - name: refused
                      url: http://127.0.0.1:%d/
                """.formatted(SANDBOX, closedPort));
        Path repo = Path.of(System.getProperty("swarmwatch.repo", "..")).toAbsolutePath();
        String plain = launch(repo, "report", "--config", config.toString());
        String verbose = launch(repo, "report", "-v", "--config", config.toString());

        assertThat(plain).contains("connection refused: http://127.0.0.1:" + closedPort + "/").doesNotContain("ConnectException");
        assertThat(verbose).contains("connection refused: http://127.0.0.1:" + closedPort + "/")
                .contains("- error: ").contains("java.net.ConnectException: Connection refused");
    }

    private static String launch(Path repo, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(repo.resolve("swarmwatch").toString()));
        cmd.addAll(List.of(args));
        Path out = java.nio.file.Files.createTempFile("sw-report", ".txt");
        Process p = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(100, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish within 100 s");
        }
        String text = java.nio.file.Files.readString(out);
        java.nio.file.Files.delete(out);
        return text;
    }

    private static TargetSettings target(String name, Object... options) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            o.put((String) options[i], options[i + 1]);
        }
        return new TargetSettings(name, "", o);
    }

    private static Map<String, CheckReport> run(String kind, List<TargetSettings> targets) throws Exception {
        try (Agent agent = new Agent(AgentConfig.defaults().withTargets(kind, targets), SANDBOX, Clock.systemUTC())) {
            HealthReport report = agent.runOnce().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            Map<String, CheckReport> found = new LinkedHashMap<>();
            report.checks().stream().filter(c -> c.kind().equals(kind)).forEach(c -> found.put(c.name(), c));
            return found;
        }
    }
}
