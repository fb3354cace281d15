package dev.swarmwatch.agent.cli;

import dev.swarmwatch.agent.run.Agent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether watch runs the alert engine: the config's receivers decide, and --no-alerts overrides them. */
class WatchAlertsTest {
    @TempDir
    Path dir;

    private ConfigSource.Resolved config(String yaml) throws Exception {
        Path file = dir.resolve("swarmwatch.yml");
        Files.writeString(file, yaml);
        return ConfigSource.resolve(file, URI.create("unix:///nonexistent/docker.sock"), Map.of());
    }

    private String withReceiver() {
        return "state_dir: " + dir.resolve("state") + "\n"
                + "receivers:\n  ops: {webhook: {url: \"http://127.0.0.1:9/hook\"}}\n";
    }

    @Test
    void noAlertsOpensNoPipelineAndNoStoreEvenWithReceivers() throws Exception {
        ConfigSource.Resolved resolved = config(withReceiver());
        try (Agent agent = new Agent(resolved.config(), resolved.engine(), Clock.systemUTC());
             WatchAlerts alerts = WatchAlerts.open(true, agent, resolved.config(), Clock.systemUTC(), quiet())) {
            assertThat(alerts.on()).isFalse();
            assertThat(alerts.view()).isEmpty();
        }
        assertThat(dir.resolve("state")).doesNotExist();
    }

    @Test
    void withReceiversAndWithoutNoAlertsThePipelineRunsOnTheConfigsStore() throws Exception {
        ConfigSource.Resolved resolved = config(withReceiver());
        try (Agent agent = new Agent(resolved.config(), resolved.engine(), Clock.systemUTC());
             WatchAlerts alerts = WatchAlerts.open(false, agent, resolved.config(), Clock.systemUTC(), quiet())) {
            assertThat(alerts.on()).isTrue();
            assertThat(alerts.view()).hasValueSatisfying(v -> assertThat(v.get().alerts()).isEmpty());
            assertThat(dir.resolve("state").resolve("alerts.db")).exists();
        }
    }

    @Test
    void aConfigWithoutReceiversRunsNoAlerts() throws Exception {
        ConfigSource.Resolved resolved = config("interval: 15s\n");
        try (Agent agent = new Agent(resolved.config(), resolved.engine(), Clock.systemUTC());
             WatchAlerts alerts = WatchAlerts.open(false, agent, resolved.config(), Clock.systemUTC(), quiet())) {
            assertThat(alerts.on()).isFalse();
        }
    }

    @Test
    void aLogFileThatCannotBeOpenedOrABadListenAddressIsRefusedBeforeTheTerminalIsTaken() {
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = Main.run(new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(err, true),
                "watch", "-H", "unix:///nonexistent/docker.sock", "--log", dir.resolve("no/such/dir/watch.log").toString());
        assertThat(exit).isEqualTo(Main.EXIT_UNKNOWN);
        assertThat(err.toString()).contains("--log: cannot open").doesNotContain("needs a terminal");

        java.io.StringWriter err2 = new java.io.StringWriter();
        exit = Main.run(new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(err2, true),
                "watch", "-H", "unix:///nonexistent/docker.sock", "--listen", "nowhere");
        assertThat(exit).isEqualTo(Main.EXIT_UNKNOWN);
        assertThat(err2.toString()).contains("--listen: expected host:port");
    }

    @Test
    void quittingWaitsAtMostTheCloseBoundWhileASendHangs() throws Exception {
        java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        com.sun.net.httpserver.HttpServer hanging = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        hanging.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        hanging.createContext("/", ex -> {
            arrived.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        hanging.start();
        try {
            ConfigSource.Resolved resolved = config("state_dir: " + dir.resolve("state") + "\n"
                    + "receivers:\n  ops: {webhook: {url: \"http://127.0.0.1:" + hanging.getAddress().getPort() + "/hook\"}}\n"
                    + "rules:\n  - name: Down\n    kind: replicas\n    for: 0s\n"
                    + "routes:\n  - receiver: ops\n    group_wait: 0s\n");
            try (Agent agent = new Agent(resolved.config(), resolved.engine(), Clock.systemUTC())) {
                WatchAlerts alerts = WatchAlerts.open(false, agent, resolved.config(), Clock.systemUTC(), quiet());
                alerts.onReport(new dev.swarmwatch.checks.engine.HealthReport(java.time.Instant.now(), java.time.Duration.ZERO,
                        List.of(new dev.swarmwatch.checks.spi.CheckReport("replicas", dev.swarmwatch.checks.spi.Subject.service("web", "shop"),
                                dev.swarmwatch.checks.spi.CheckResult.critical("0/2 running")))));
                assertThat(arrived.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("the send started").isTrue();
                long start = System.nanoTime();
                alerts.close();
                long took = (System.nanoTime() - start) / 1_000_000;
                // The outbox does not wait for a send in flight, and the bound caps anything else.
                assertThat(took).isLessThan(WatchAlerts.CLOSE_WITHIN.toMillis() + 500);
            }
        } finally {
            release.countDown();
            hanging.stop(0);
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
