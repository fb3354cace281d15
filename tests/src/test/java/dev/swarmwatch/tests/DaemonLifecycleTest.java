package dev.swarmwatch.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * swarmwatch run and report as real processes against an engine that accepts and never answers:
 * overruns reported, signals obeyed within their bounds, recovery within one interval.
 */
class DaemonLifecycleTest {
    // engine.timeout 1s + the largest check timeout 2s: a cycle deadline of 3s.
    private static final String SHORT_DEADLINE = "engine:\n  timeout: 1s\ntimeout: 2s\n";
    // A 40 s deadline: only a second signal can stop the daemon quickly.
    private static final String LONG_DEADLINE = "engine:\n  timeout: 30s\n";

    @TempDir
    Path dir;
    private final List<Process> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void stopWhatWasStarted() throws InterruptedException {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
        http.close();
    }

    @Test
    void aFrozenEngineMakesOverrunsThatAreReportedAndSigtermStillStopsWithinTheDeadlinePlusTwoSeconds() throws Exception {
        try (FreezableEngine engine = new FreezableEngine(dir.resolve("engine.sock"), sandboxSocket())) {
            int port = freePort();
            Path log = dir.resolve("daemon.log");
            Process daemon = swarmwatch(log, "run", "-c", config(SHORT_DEADLINE), "-H", engine.uri(),
                    "--listen", "127.0.0.1:" + port, "--interval", "1s");
            awaitLog(log, "event=cycle_overrun cycle=2 ", Duration.ofSeconds(60));

            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> health = get(base + "/healthz", "GET");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).startsWith("{\"status\":\"degraded\"")
                    .containsPattern("\"reason\":\"cycle \\d+ overran: \\d+ unfinished when the next cycle was due \\(quorum:swarm");
            assertThat(get(base + "/metrics", "GET").body()).containsPattern("(?m)^swarmwatch_cycle_overruns_total [1-9]");
            assertThat(get(base + "/api/v1/status", "GET").body())
                    .containsPattern("Docker engine not answering within \\d+m?s: the swarm read had not finished when the cycle ended");

            for (String path : new String[]{"/healthz", "/metrics", "/api/v1/status"}) {
                HttpResponse<String> head = get(base + path, "HEAD");
                assertThat(head.statusCode()).as(path).isEqualTo(200);
                assertThat(head.body()).as(path).isEmpty();
                for (String method : new String[]{"POST", "PUT", "DELETE", "OPTIONS"}) {
                    HttpResponse<String> refused = get(base + path, method);
                    assertThat(refused.statusCode()).as(method + " " + path).isEqualTo(405);
                    assertThat(refused.headers().firstValue("allow")).as(method + " " + path).hasValue("GET, HEAD");
                }
            }

            long sent = signal(daemon, "TERM");
            assertThat(daemon.waitFor(5, TimeUnit.SECONDS)).as("stopped within 3s deadline + 2s").isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - sent);
            System.out.println("sigterm against a frozen engine: stopped in " + took.toMillis() + " ms");
            assertThat(daemon.exitValue()).isEqualTo(143);
            String lines = Files.readString(log);
            assertThat(lines).contains("event=stopping signal=TERM").contains("event=stopped cycles=")
                    .doesNotContain("event=cycle_skipped").doesNotContain("\tat ").doesNotContain("Exception in thread");
            assertThat(Pattern.compile("(?m)^event=cycle_overrun cycle=\\d+ duration_ms=\\d+ deadline_ms=3000 next_due=true"
                    + " unfinished=\\d+ first=\"quorum:swarm\"$").matcher(lines).find()).as(lines).isTrue();
        }
    }

    @Test
    void aSecondSignalStopsTheDaemonAtOnceWhileTheFirstWaitsForTheCycle() throws Exception {
        try (FreezableEngine engine = new FreezableEngine(dir.resolve("engine.sock"), sandboxSocket())) {
            Path log = dir.resolve("daemon.log");
            Process daemon = swarmwatch(log, "run", "-c", config(LONG_DEADLINE), "-H", engine.uri(),
                    "--listen", "127.0.0.1:" + freePort(), "--interval", "60s");
            awaitLog(log, "event=started", Duration.ofSeconds(60));
            await(() -> engine.accepted() > 0, Duration.ofSeconds(10));

            signal(daemon, "TERM");
            assertThat(daemon.waitFor(1, TimeUnit.SECONDS)).as("the first signal waits for the cycle in flight").isFalse();
            long sent = signal(daemon, "INT");
            assertThat(daemon.waitFor(2, TimeUnit.SECONDS)).as("a second signal stops at once").isTrue();
            System.out.println("second signal: stopped in " + Duration.ofNanos(System.nanoTime() - sent).toMillis() + " ms");
            assertThat(daemon.exitValue()).isEqualTo(130);
            assertThat(Files.readString(log)).contains("event=stopping signal=TERM", "event=stopped_at_once signal=INT");
        }
    }

    @Test
    void ctrlCOnAReportWaitingForAFrozenEngineEndsItAtOnce() throws Exception {
        try (FreezableEngine engine = new FreezableEngine(dir.resolve("engine.sock"), sandboxSocket())) {
            Path log = dir.resolve("report.log");
            // The jar itself: the launcher's first report after a build trains a start-up cache as the
            // JVM exits, which is the launcher's time, not the report's.
            Process report = start(log, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", Bed.REPO.resolve("agent/target/swarmwatch.jar").toString(),
                    "report", "-H", engine.uri(), "--engine-timeout", "30s"));
            await(() -> engine.accepted() > 0, Duration.ofSeconds(60));

            long sent = signal(report, "INT");
            assertThat(report.waitFor(2, TimeUnit.SECONDS)).as("Ctrl-C ends a waiting report at once").isTrue();
            System.out.println("ctrl-c on report: ended in " + Duration.ofNanos(System.nanoTime() - sent).toMillis() + " ms");
            assertThat(report.exitValue()).isEqualTo(130);
        }
    }

    @Test
    void afterAFrozenEngineRecoversTheNextCycleIsHealthyWithinOneInterval() throws Exception {
        try (FreezableEngine engine = new FreezableEngine(dir.resolve("engine.sock"), sandboxSocket())) {
            int port = freePort();
            Path log = dir.resolve("daemon.log");
            Process daemon = swarmwatch(log, "run", "-c", config(SHORT_DEADLINE), "-H", engine.uri(),
                    "--listen", "127.0.0.1:" + port, "--interval", "2s");
            // Each Docker call gives up at engine.timeout, so a frozen engine makes CRITICAL cycles, not overruns.
            awaitLog(log, "event=cycle cycle=2 status=CRITICAL", Duration.ofSeconds(60));

            engine.thaw();
            long thawed = System.nanoTime();
            String status = "http://127.0.0.1:" + port + "/api/v1/status";
            await(() -> {
                try {
                    JsonNode checks = new ObjectMapper().readTree(get(status, "GET").body()).path("checks");
                    for (JsonNode check : checks) {
                        if (check.path("id").asText().equals("quorum:swarm")) {
                            return check.path("status").asText().equals("OK");
                        }
                    }
                    return false;
                } catch (IOException | InterruptedException e) {
                    return false;
                }
            }, Duration.ofSeconds(10));
            Duration recovery = Duration.ofNanos(System.nanoTime() - thawed);
            String lines = Files.readString(log);
            System.out.println("recovery after unfreeze: " + recovery.toMillis() + " ms, cycles logged "
                    + lines.lines().filter(l -> l.startsWith("event=cycle ")).count());
            // The next cycle starts within the 2 s interval and reads a healthy engine in well under a second.
            assertThat(recovery).isLessThan(Duration.ofMillis(3500));
            assertThat(get("http://127.0.0.1:" + port + "/healthz", "GET").body()).startsWith("{\"status\":\"ok\"");
            assertThat(lines).doesNotContain("event=cycle_skipped");
            signal(daemon, "TERM");
            assertThat(daemon.waitFor(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aNegativeListenPortAndAnFtpEngineAreRefusedAtStartWithExit3() throws Exception {
        Bed.Result port = Bed.swarmwatch("run", "-H", sandboxUri(), "--listen", "127.0.0.1:-1");
        assertThat(port.exit()).isEqualTo(3);
        assertThat(port.err()).contains("swarmwatch: bad option: --listen: expected host:port with a port from 1 to 65535, got \"127.0.0.1:-1\"");
        Bed.Result ftp = Bed.run(List.of(Bed.REPO.resolve("swarmwatch").toString(), "run", "--listen", "127.0.0.1:" + freePort()),
                List.of("DOCKER_HOST=ftp://127.0.0.1:2375"), Duration.ofSeconds(60));
        assertThat(ftp.exit()).isEqualTo(3);
        assertThat(ftp.err()).contains("DOCKER_HOST: expected unix:///absolute/path or tcp://host:port, got \"ftp://127.0.0.1:2375\"");
    }

    private Process swarmwatch(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Bed.REPO.resolve("swarmwatch").toString()));
        cmd.addAll(List.of(args));
        return start(log, cmd);
    }

    private Process start(Path log, List<String> command) throws IOException {
        List<String> cmd = new ArrayList<>();
        // A test run from a background shell inherits SIGINT ignored, and a process keeps an ignored
        // signal ignored: give the process the disposition an operator's terminal would.
        cmd.addAll(List.of("env", "--default-signal=INT,TERM"));
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(Bed.REPO.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("DOCKER_HOST");
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** Sends the signal by PID with kill(1); returns when it was sent (System.nanoTime). */
    private static long signal(Process p, String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).inheritIO().start();
        assertThat(kill.waitFor(5, TimeUnit.SECONDS)).isTrue();
        return System.nanoTime();
    }

    private HttpResponse<String> get(String url, String method) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String config(String yaml) throws IOException {
        Path file = dir.resolve("swarmwatch.yml");
        Files.writeString(file, yaml);
        return file.toString();
    }

    private static void awaitLog(Path log, String text, Duration timeout) throws Exception {
        await(() -> {
            try {
                return Files.exists(log) && Files.readString(log).contains(text);
            } catch (IOException e) {
                return false;
            }
        }, timeout);
        assertThat(Files.readString(log)).contains(text);
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("within " + timeout).isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Path sandboxSocket() {
        return Path.of(Bed.sandbox().getPath());
    }

    private static String sandboxUri() {
        return Bed.sandbox().toString();
    }
}
