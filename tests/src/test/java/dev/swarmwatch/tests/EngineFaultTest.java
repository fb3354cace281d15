package dev.swarmwatch.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmwatch.checks.swarm.DockerApi;
import dev.swarmwatch.checks.swarm.SwarmReader;
import dev.swarmwatch.checks.swarm.SwarmSnapshot;
import dev.swarmwatch.tests.fake.FakeEngine;
import dev.swarmwatch.tests.fake.FakeEngine.Mode;
import dev.swarmwatch.tests.fake.RecordedSwarm;
import dev.swarmwatch.tests.fake.Report;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-shot report against an engine that misbehaves in each way a real one does (a fake on a
 * unix socket, real HTTP/1.1): it finishes within engine.timeout + 1 s, CRITICAL, naming the fault.
 */
class EngineFaultTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration BOUND = TIMEOUT.plusSeconds(1);

    @TempDir
    Path dir;
    private FakeEngine engine;

    @AfterEach
    void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
    }

    private Report.Result reportAgainst(Mode mode, Duration timeout) throws Exception {
        engine = new FakeEngine(dir.resolve("docker.sock"), mode, RecordedSwarm.sandbox());
        return Report.run(engine.uri(), timeout, "--format", "nagios");
    }

    private static void assertCriticalWithin(Report.Result r, Duration bound, String... words) {
        assertThat(r.took()).as("report took " + r.took().toMillis() + " ms: " + r.firstLine()).isLessThan(bound);
        assertThat(r.exit()).as(r.out()).isEqualTo(2);
        // The status line is bounded (a problem is cut at 100 characters): the whole message is in the long output.
        assertThat(r.firstLine()).startsWith("SWARMWATCH CRITICAL - ");
        assertThat(r.out()).contains(words);
    }

    private void assertConnectionsClosed() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (engine.openConnections() > 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(engine.openConnections()).as("connections left open by the report").isZero();
    }

    @Test
    void engineThatAcceptsAndNeverAnswersIsNotAnsweringWithinTheTimeout() throws Exception {
        Report.Result r = reportAgainst(Mode.ACCEPT_AND_WAIT, TIMEOUT);
        assertCriticalWithin(r, BOUND, "Docker engine not answering within 2s at " + engine.uri(),
                "GET /info: connected, nothing received", "GET /_ping got no answer either");
        assertConnectionsClosed();
    }

    @Test
    void engineThatStallsAfterItsHeadersIsNotAnswering() throws Exception {
        Report.Result r = reportAgainst(Mode.HEADERS_THEN_STALL, TIMEOUT);
        assertCriticalWithin(r, BOUND, "Docker engine not answering within 2s", "GET /info: status 200, then 0 body bytes");
        assertConnectionsClosed();
    }

    @Test
    void engineThatDripsItsAnswerIsNotAnsweringThoughEveryReadIsQuick() throws Exception {
        Report.Result r = reportAgainst(Mode.DRIP, TIMEOUT);
        assertCriticalWithin(r, BOUND, "Docker engine not answering within 2s", "GET /info: status 200, then ");
        assertThat(r.firstLine()).doesNotContain("then 0 body bytes");
        assertConnectionsClosed();
    }

    @Test
    void engineThatClosesInTheMiddleOfItsAnswerGaveAnUnusableAnswer() throws Exception {
        Report.Result r = reportAgainst(Mode.CLOSE_MID_BODY, TIMEOUT);
        assertCriticalWithin(r, BOUND, "Docker engine answer unusable at " + engine.uri(),
                "GET /info: the engine closed the connection after 1269 of 3809 body bytes");
    }

    @Test
    void endlessBodyIsCutOffAtTheCap() throws Exception {
        // 256 MB streamed and skipped: give it more than 2 s on a loaded 2-core machine.
        Duration timeout = Duration.ofSeconds(6);
        Report.Result r = reportAgainst(Mode.HUGE_BODY, timeout);
        assertCriticalWithin(r, timeout.plusSeconds(1), "Docker engine answer unusable",
                "GET /info: the answer is larger than 256 MB, the most swarmwatch reads");
        assertConnectionsClosed();
    }

    @Test
    void bodyAnnouncedLargerThanTheCapIsRefusedAtOnce() throws Exception {
        Report.Result r = reportAgainst(Mode.HUGE_DECLARED, TIMEOUT);
        assertCriticalWithin(r, BOUND, "Docker engine answer unusable",
                "GET /info: the answer announces 1073741824 bytes, more than the 256 MB swarmwatch reads");
        assertConnectionsClosed();
    }

    @Test
    void managerThatAnswersPingButNotItsSwarmStateHasLostQuorumWithinTheTimeout() throws Exception {
        Report.Result r = reportAgainst(Mode.RAFT_STUCK, TIMEOUT);
        assertCriticalWithin(r, BOUND, "swarm quorum lost: no leader: the engine answers /_ping but its swarm state does not");
        assertThat(r.firstLine()).doesNotContain("not answering").doesNotContain("unreachable");
    }

    @Test
    void missingSocketIsUnreachableAtOnce() {
        URI none = URI.create("unix://" + dir.resolve("none.sock"));
        Report.Result r = Report.run(none, TIMEOUT, "--format", "nagios");
        assertCriticalWithin(r, Duration.ofSeconds(1), "Docker engine unreachable: socket " + dir.resolve("none.sock")
                + " does not exist");
    }

    @Test
    void socketNobodyListensOnIsUnreachableConnectionRefused() throws Exception {
        Path stale = dir.resolve("stale.sock");
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(stale));
        }
        assertThat(stale).exists();
        Report.Result r = Report.run(URI.create("unix://" + stale), TIMEOUT, "--format", "nagios");
        assertCriticalWithin(r, Duration.ofSeconds(1), "Docker engine unreachable: cannot reach the Docker engine at unix://"
                + stale + " (/info): Connection refused");
    }

    @Test
    void healthyEngineServingRecordedAnswersIsReadWithFourCalls() throws Exception {
        engine = new FakeEngine(dir.resolve("docker.sock"), Mode.HEALTHY, RecordedSwarm.sandbox());
        Report.Result r = Report.run(engine.uri(), TIMEOUT, "--format", "json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("engine").get("api_calls").asInt()).isEqualTo(4);
        assertThat(engine.requests()).isEqualTo(4);
        assertThat(summary(json, "replicas:bed-healthy")).isEqualTo("2/2 running");
        assertThat(summary(json, "replicas:bed-unschedulable")).isEqualTo("0/2 running");
        assertThat(r.exit()).isEqualTo(2);
    }

    private static String summary(JsonNode report, String id) {
        for (JsonNode check : report.get("checks")) {
            if (check.get("id").asText().equals(id)) {
                return check.get("summary").asText();
            }
        }
        throw new AssertionError("no check " + id + " in " + report);
    }

    @Test
    void callsAbandonedAtTheDeadlineFreeThePoolForTheNextRead() throws Exception {
        engine = new FakeEngine(dir.resolve("docker.sock"), Mode.ACCEPT_AND_WAIT, RecordedSwarm.sandbox());
        try (DockerApi api = new DockerApi(engine.uri(), Duration.ofSeconds(1))) {
            SwarmReader reader = new SwarmReader(api, Clock.systemUTC());
            assertThat(reader.read()).isInstanceOf(SwarmSnapshot.Unavailable.class);
            engine.mode(Mode.HEALTHY);
            long start = System.nanoTime();
            SwarmSnapshot next = reader.read();
            assertThat(next).isInstanceOf(SwarmSnapshot.Available.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        }
    }

    @Test
    void launcherReportsAHungEngineWithinTheTimeoutBeyondItsOwnStartUp() throws Exception {
        engine = new FakeEngine(dir.resolve("docker.sock"), Mode.HEALTHY, RecordedSwarm.sandbox());
        // The first report after a build trains the launcher's start-up cache; the second shows what
        // starting the JVM costs on this machine now, which a process cannot save on.
        Bed.swarmwatch("report", "-H", engine.uri().toString());
        Duration startUp = Bed.swarmwatch("report", "-H", engine.uri().toString()).took();
        engine.mode(Mode.ACCEPT_AND_WAIT);
        Bed.Result r = Bed.swarmwatch("report", "--format", "nagios", "--engine-timeout", "2s", "-H", engine.uri().toString());
        assertThat(r.took()).as("launcher took " + r.took().toMillis() + " ms, a healthy report " + startUp.toMillis() + " ms")
                .isLessThan(BOUND.plus(startUp));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).startsWith("SWARMWATCH CRITICAL - ").contains("Docker engine not answering within 2s");
    }
}
