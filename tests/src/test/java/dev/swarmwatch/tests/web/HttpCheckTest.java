package dev.swarmwatch.tests.web;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.config.AgentConfig.TargetSettings;
import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.Status;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The http check through the real agent against real HTTP(S) servers, and per replica on the sandbox swarm. */
class HttpCheckTest {
    private static final URI SANDBOX = URI.create("unix://" + Path.of(System.getProperty("swarmwatch.bed", "/tmp/swarmwatch-bed"), "docker.sock"));
    private static Vertx servers;
    private static int port;
    private static int tlsPort;
    private static int closedPort;

    @BeforeAll
    static void startServers(@TempDir Path dir) throws Exception {
        servers = Vertx.vertx();
        HttpServer plain = servers.createHttpServer().requestHandler(req -> {
            switch (req.path()) {
                case "/fine" -> req.response().putHeader("content-type", "application/json").end("{\"status\":\"UP\"}");
                case "/slow" -> servers.setTimer(300, t -> req.response().end("late"));
                case "/wrong" -> req.response().end("maintenance");
                case "/down" -> req.response().setStatusCode(503).end("backend\nunavailable");
                case "/redirect" -> req.response().setStatusCode(302).putHeader("location", "/fine").end();
                case "/hang" -> { }
                case "/endless" -> {
                    req.response().setChunked(true).write("status=UP ");
                    endless(req.response());
                }
                default -> req.response().setStatusCode(404).end();
            }
        });
        port = plain.listen(0, "127.0.0.1").await().actualPort();

        Path keystore = dir.resolve("short-lived.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "test", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        HttpServer tls = servers.createHttpServer(new HttpServerOptions().setSsl(true)
                        .setKeyCertOptions(new PfxOptions().setPath(keystore.toString()).setPassword("changeit")))
                .requestHandler(req -> req.response().end("secure"));
        tlsPort = tls.listen(0, "127.0.0.1").await().actualPort();
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
    }

    // 64 KB chunks for as long as the client reads: a body with no end.
    private static void endless(io.vertx.core.http.HttpServerResponse response) {
        if (response.closed() || response.ended()) {
            return;
        }
        response.write("x".repeat(65536)).onComplete(ar -> {
            if (ar.succeeded()) {
                servers.runOnContext(v -> endless(response));
            }
        });
    }

    @AfterAll
    static void stopServers() {
        servers.close().await();
    }

    private static TargetSettings target(String name, String url, Object... options) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("url", url);
        for (int i = 0; i < options.length; i += 2) {
            o.put((String) options[i], options[i + 1]);
        }
        return new TargetSettings(name, "", o);
    }

    private static Map<String, CheckReport> run(List<TargetSettings> targets) throws Exception {
        try (Agent agent = new Agent(AgentConfig.defaults().withTargets("http", targets), SANDBOX, Clock.systemUTC())) {
            HealthReport report = agent.runOnce().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            Map<String, CheckReport> http = new LinkedHashMap<>();
            report.checks().stream().filter(c -> c.kind().equals("http")).forEach(c -> http.put(c.name(), c));
            return http;
        }
    }

    @Test
    void eachWayAnEndpointCanFailIsReportedWithItsReason() throws Exception {
        String base = "http://127.0.0.1:" + port;
        Map<String, CheckReport> r = run(List.of(
                target("fine", base + "/fine", "json_pointer", "/status", "json_equals", "UP", "body_contains", "UP"),
                target("slow", base + "/slow", "latency_warning", Duration.ofMillis(100), "latency_critical", Duration.ofMillis(200)),
                target("slowish", base + "/slow", "latency_warning", Duration.ofMillis(100), "latency_critical", Duration.ofSeconds(20)),
                target("wrong", base + "/wrong", "body_contains", "UP"),
                target("down", base + "/down"),
                target("hang", base + "/hang", "timeout", Duration.ofMillis(500)),
                target("redirect", base + "/redirect", "json_pointer", "/status", "json_equals", "UP"),
                target("redirect-kept", base + "/redirect", "follow_redirects", false, "expect_status", "302"),
                target("redirect-unexpected", base + "/redirect", "follow_redirects", false),
                target("refused", "http://127.0.0.1:" + closedPort + "/")));

        assertThat(r.get("fine").status()).isEqualTo(Status.OK);
        assertThat(r.get("fine").result().summary()).matches("200 OK in \\d+ ms");
        assertThat(r.get("slow").status()).isEqualTo(Status.CRITICAL);
        assertThat(r.get("slow").result().summary()).matches("took \\d+ ms \\(critical at 200 ms\\); 200 OK in \\d+ ms");
        assertThat(r.get("slowish").status()).isEqualTo(Status.WARNING);
        assertThat(r.get("wrong").result().summary()).startsWith("body does not contain \"UP\"");
        assertThat(r.get("wrong").status()).isEqualTo(Status.CRITICAL);
        assertThat(r.get("down").status()).isEqualTo(Status.CRITICAL);
        assertThat(r.get("down").result().summary()).startsWith("status 503, expected 200-299; 503 Service Unavailable in ");
        assertThat(r.get("down").result().details()).containsExactly("body: backend unavailable");
        assertThat(r.get("hang").status()).isEqualTo(Status.CRITICAL);
        assertThat(r.get("hang").result().summary()).isEqualTo("no answer within 500ms: " + base + "/hang");
        assertThat(r.get("redirect").status()).isEqualTo(Status.OK);
        assertThat(r.get("redirect-kept").status()).isEqualTo(Status.OK);
        assertThat(r.get("redirect-unexpected").result().summary()).startsWith("status 302, expected 200-299");
        assertThat(r.get("refused").status()).isEqualTo(Status.CRITICAL);
        assertThat(r.get("refused").result().summary()).isEqualTo("connection refused: http://127.0.0.1:" + closedPort + "/");
    }

    @Test
    void anEndlessBodyIsJudgedOnItsFirstMegabyteAndTheConnectionDropped() throws Exception {
        Map<String, CheckReport> r = run(List.of(
                target("endless", "http://127.0.0.1:" + port + "/endless", "body_contains", "status=UP", "timeout", Duration.ofSeconds(5))));
        assertThat(r.get("endless").status()).as(r.get("endless").result().summary()).isEqualTo(Status.OK);
        assertThat(r.get("endless").result().summary()).matches("200 OK in \\d+ ms");
    }

    @Test
    void aShortLivedSelfSignedCertificateWarnsOfItsExpiryOrFailsVerification() throws Exception {
        String url = "https://localhost:" + tlsPort + "/";
        Map<String, CheckReport> r = run(List.of(
                target("unverified", url, "tls_verify", false, "cert_critical_days", 0),
                target("verified", url)));
        assertThat(r.get("unverified").status()).isEqualTo(Status.WARNING);
        assertThat(r.get("unverified").result().summary())
                .matches("certificate for CN=localhost expires in 1 days \\(\\d{4}-\\d\\d-\\d\\d\\); 200 OK in \\d+ ms, certificate expires in 1 days");
        assertThat(r.get("verified").status()).isEqualTo(Status.CRITICAL);
        assertThat(r.get("verified").result().summary()).startsWith("TLS handshake failed: ");
    }

    @Test
    void aUrlNamingTheSlotProbesEveryReplicaOfTheService() throws Exception {
        Map<String, Object> o = Map.of("url", "http://127.0.1.{{slot}}:18080/");
        Map<String, CheckReport> r = run(List.of(new TargetSettings("web", "bed-healthy", o)));
        assertThat(r.keySet()).containsExactly("web#1", "web#2");
        assertThat(r.values()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(Status.OK);
            assertThat(c.subject().name()).isEqualTo("bed-healthy");
        });
    }
}
