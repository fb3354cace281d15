package dev.swarmwatch.tests;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secret planted in each place the config takes one (password, password_file, an authorization
 * header given through ${VAR}, URL userinfo, a URL query token) against the bed's real PostgreSQL,
 * Redis and Patroni and a real HTTP server that echoes the request back in its 401 page, and one in
 * a service label of the sandbox swarm, appears in none of the outputs: text, JSON and Nagios
 * reports, the daemon's log, /metrics, /api/v1/status.
 */
class SecretRedactionTest {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Map<String, String> SECRETS = new LinkedHashMap<>();

    static {
        for (String place : List.of("pgpassword", "redisfile", "authheader", "urluser", "querytoken", "labelauth")) {
            SECRETS.put(place, place + "-planted-" + RUN);
        }
    }

    private HttpServer echo;

    @AfterEach
    void stopEcho() {
        if (echo != null) {
            echo.stop(0);
        }
    }

    @Test
    void plantedSecretsAppearInNoOutput(@TempDir Path dir) throws Exception {
        echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        echo.createContext("/", exchange -> {
            StringBuilder body = new StringBuilder("401 Unauthorized. You sent: ").append(exchange.getRequestMethod())
                    .append(' ').append(exchange.getRequestURI()).append('\n');
            exchange.getRequestHeaders().forEach((k, v) -> body.append(k).append(": ").append(String.join(",", v)).append('\n'));
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(401, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        echo.start();
        int echoPort = echo.getAddress().getPort();
        int closed = freePort();
        Properties pg = new Properties();
        try (Reader r = Files.newBufferedReader(Bed.DIR.resolve("postgres/ports"))) {
            pg.load(r);
        }
        Path redisPass = dir.resolve("redis.pass");
        Files.writeString(redisPass, SECRETS.get("redisfile") + "\n");
        Path config = dir.resolve("swarmwatch.yml");
        Files.writeString(config, """
                engine:
                  host: %s
                targets:
                  postgres:
                    - name: pg-login
                      host: 127.0.0.1
                      port: %s
                      user: %s
                      password: %s
                      query: SELECT 1
                  redis:
                    - name: redis-auth
                      host: 127.0.0.1
                      port: 6391
                      password_file: %s
                  http:
                    - name: echo-auth
                      url: http://127.0.0.1:%d/health
                      authorization: ${SW_PLANTED_AUTH}
                    - name: echo-token
                      url: http://127.0.0.1:%d/health?token=%s&page=1
                    - name: userinfo
                      url: http://ops:%s@127.0.0.1:%d/health
                  patroni:
                    - name: patroni-user
                      members: http://127.0.0.1:8001,http://127.0.0.1:8002,http://127.0.0.1:8003
                """.formatted(Bed.sandbox(), pg.getProperty("primary"), pg.getProperty("user"), SECRETS.get("pgpassword"),
                redisPass, echoPort, echoPort, SECRETS.get("querytoken"), SECRETS.get("urluser"), closed));
        List<String> env = List.of("SW_PLANTED_AUTH=Bearer " + SECRETS.get("authheader"));

        String service = "swsecret-" + RUN;
        Bed.docker("service", "create", "--detach", "--no-resolve-image", "--init", "--network", "host", "--name", service,
                "--label", "swarmwatch.http.url=http://127.0.0.1:" + echoPort + "/label",
                "--label", "swarmwatch.http.authorization=Bearer " + SECRETS.get("labelauth"),
                "swarmwatch/busybox:bed", "sleep", "100000").orFail();
        Map<String, String> outputs = new LinkedHashMap<>();
        try {
            collect(config, env, dir, outputs);
        } finally {
            Bed.docker("service", "rm", service).orFail();
        }

        // The probes ran and the servers answered: there was something to hide.
        String text = outputs.get("text stdout");
        assertThat(text).contains("echo-auth", "echo-token", "userinfo", "pg-login", "redis-auth", "patroni-user", service)
                .contains("Authorization: ***").contains("/health?token=***").contains("http://ops:***@127.0.0.1:" + closed)
                .containsPattern("GET /label [^\\n]*Authorization: \\*\\*\\*");
        assertThat(outputs.get("/api/v1/status")).contains("\"schema\" : \"swarmwatch.report/v1\"");
        assertThat(outputs.get("/metrics")).contains("swarmwatch_check_status");
        outputs.forEach((where, content) -> SECRETS.forEach((place, secret) ->
                assertThat(content).as("the %s secret in %s", place, where)
                        .doesNotContain(secret).doesNotContain(secret.substring(0, secret.length() - 4))));
    }

    private static void collect(Path config, List<String> env, Path dir, Map<String, String> outputs) throws Exception {
        for (String format : List.of("text", "json", "nagios")) {
            Bed.Result r = Bed.run(List.of(Bed.REPO.resolve("swarmwatch").toString(), "report", "-v", "-f", format,
                    "-c", config.toString()), env, Duration.ofMinutes(2));
            outputs.put(format + " stdout", r.out());
            outputs.put(format + " stderr", r.err());
        }
        daemonOutputs(config, env, dir, outputs);
    }

    private static void daemonOutputs(Path config, List<String> env, Path dir, Map<String, String> outputs) throws Exception {
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        Path log = dir.resolve("daemon.log");
        Path err = dir.resolve("daemon.err");
        ProcessBuilder pb = new ProcessBuilder(Bed.REPO.resolve("swarmwatch").toString(), "run", "-c", config.toString(),
                "--listen", "127.0.0.1:" + port, "--interval", "2s")
                .directory(Bed.REPO.toFile()).redirectOutput(log.toFile()).redirectError(err.toFile());
        env.forEach(e -> pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1)));
        Process daemon = pb.start();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String status = null;
            while (System.nanoTime() < deadline && status == null) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/status")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    status = r.statusCode() == 200 ? r.body() : null;
                } catch (java.io.IOException notYetListening) {
                    // still starting
                }
                Thread.sleep(250);
            }
            assertThat(status).as(Files.readString(log) + Files.readString(err)).isNotNull();
            outputs.put("/api/v1/status", status);
            outputs.put("/metrics", http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } finally {
            daemon.destroy();
            if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
        outputs.put("daemon log", Files.readString(log));
        outputs.put("daemon stderr", Files.readString(err));
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
