package dev.swarmwatch.tests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code swarmwatch watch} in a real terminal: tmux runs it in a detached 120x40 pane against the
 * sandbox swarm; the test reads the screen with capture-pane, changes the swarm, presses keys,
 * resizes the pane, quits, and compares {@code stty -a} from before and after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WatchTmuxTest {
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String service = "dashtest-" + id;
    private final String tmuxSocket = "swarmwatch-dashtest-" + id;
    private final String session = "watch";
    private Path dir;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("dashtest");
        Bed.docker("service", "create", "--detach", "--no-resolve-image", "--init", "--network", "host",
                "--name", service, "--replicas", "0", "--constraint", "node.labels.nope==1",
                "swarmwatch/busybox:bed", "sleep", "100000").orFail();
        String script = "stty -a > " + dir.resolve("stty-before") + "; "
                + Bed.REPO.resolve("swarmwatch") + " watch -H " + Bed.sandbox() + "; "
                + "echo $? > " + dir.resolve("exit") + "; stty -a > " + dir.resolve("stty-after") + "; exec sleep 600";
        tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", "bash", "-c", script).orFail();
        awaitScreen(Duration.ofSeconds(60), s -> s.contains(service) && s.contains("refreshed"));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            tmux("kill-server");
        } finally {
            Bed.docker("service", "rm", service);
        }
    }

    @Test
    @Order(1)
    void aServiceThatCannotBeScheduledTurnsCriticalWithinOneInterval() throws Exception {
        // Scaled to 0 is OK by design; scaled to 1 under a constraint no node meets, nothing can run.
        awaitScreen(Duration.ofSeconds(30), s -> row(s, service).contains(" OK ") && row(s, service).contains("0/0"));
        Bed.docker("service", "scale", "--detach", service + "=1").orFail();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !Bed.docker("service", "ps", service, "--filter", "desired-state=running",
                "--format", "{{.CurrentState}}").out().contains("Pending")) {
            Thread.sleep(50);
        }
        long engineSaysPending = System.nanoTime();
        String screen = awaitScreen(INTERVAL.plusSeconds(2), s -> row(s, service).contains("CRIT") && row(s, service).contains("0/1"));
        long took = (System.nanoTime() - engineSaysPending) / 1_000_000;
        System.out.println("watch: row critical " + took + " ms after the engine reported the task pending (interval 2s)");
        assertThat(took).isLessThanOrEqualTo(INTERVAL.toMillis() + 1000);
        assertThat(screen).contains("EVENTS").contains(service + " 0/0 -> 0/1");
    }

    @Test
    @Order(2)
    void keysFilterDrillDownHelpPauseAndTheirLatency() throws Exception {
        List<Long> latencies = new ArrayList<>();
        latencies.add(press("/", s -> s.contains("/_")));
        StringBuilder typed = new StringBuilder();
        for (char c : "dashtest".toCharArray()) {
            typed.append(c);
            String expect = "/" + typed + "_";
            latencies.add(press(String.valueOf(c), s -> s.contains(expect)));
        }
        String filtered = screen();
        assertThat(filtered).contains(service).doesNotContain("bed-healthy");
        press("Enter", s -> s.contains("filter \"dashtest\"") && !s.contains("/dashtest_"));
        String drill = screenAfter("Enter", s -> s.contains("SERVICE " + service));
        assertThat(drill).contains("TASKS").contains("pending").contains("TRANSITIONS").contains("0/0 -> 0/1");
        latencies.add(press("Escape", s -> s.contains("ST") && s.contains("STACK") && row(s, service).contains("CRIT")));
        latencies.add(press("?", s -> s.contains("q, Ctrl-C")));
        latencies.add(press("Escape", s -> !s.contains("q, Ctrl-C")));
        latencies.add(press("p", s -> s.lines().findFirst().orElse("").contains("PAUSED")));
        latencies.add(press("p", s -> !s.lines().findFirst().orElse("").contains("PAUSED")));
        latencies.add(press("Escape", s -> !s.contains("filter \"dashtest\"") && s.contains("bed-healthy")));
        latencies.add(press("f", s -> s.contains("bed-unschedulable") && !s.contains("bed-healthy")));
        latencies.add(press("f", s -> s.contains("bed-healthy")));
        latencies.add(press("s", s -> s.contains("STACK\u25bc")));
        List<Long> sorted = latencies.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        System.out.println("watch: key press to updated screen, median " + median + " ms over " + sorted.size()
                + " keys (min " + sorted.get(0) + ", max " + sorted.get(sorted.size() - 1) + ")");
        Files.writeString(Path.of("target/watch-key-latency.txt"), "median_ms=" + median + " samples=" + sorted + "\n");
        assertThat(median).isLessThan(1000);
    }

    @Test
    @Order(3)
    void theScreenFollowsAResizeOfThePane() throws Exception {
        tmux("resize-window", "-t", session, "-x", "80", "-y", "24").orFail();
        String small = awaitScreen(Duration.ofSeconds(5), s -> s.lines().count() <= 24 && s.lines().anyMatch(l -> l.startsWith("\u2191\u2193 select")));
        assertThat(small.lines()).allMatch(l -> l.length() <= 80);
        assertThat(small).contains("swarmwatch").contains("EVENTS");
        tmux("resize-window", "-t", session, "-x", "200", "-y", "50").orFail();
        String big = awaitScreen(Duration.ofSeconds(5), s -> s.lines().anyMatch(l -> l.contains("q quit"))
                && s.lines().findFirst().orElse("").length() > 150);
        assertThat(big).contains(service);
        // Back to the size stty saw at the start, so its settings can be compared whole.
        tmux("resize-window", "-t", session, "-x", "120", "-y", "40").orFail();
        awaitScreen(Duration.ofSeconds(5), s -> s.lines().findFirst().orElse("").length() <= 120
                && s.lines().anyMatch(l -> l.contains("q quit")));
    }

    @Test
    @Order(4)
    void qQuitsWithZeroAndGivesTheTerminalBack() throws Exception {
        tmux("send-keys", "-t", session, "q").orFail();
        Path exit = dir.resolve("exit");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && !(Files.exists(dir.resolve("stty-after")) && Files.size(dir.resolve("stty-after")) > 0)) {
            Thread.sleep(100);
        }
        assertThat(Files.readString(exit).strip()).isEqualTo("0");
        assertThat(Files.readString(dir.resolve("stty-after"))).isEqualTo(Files.readString(dir.resolve("stty-before")));
        // The alternate screen is left: the shell's screen is back, without the dashboard on it.
        assertThat(screen()).doesNotContain("refreshed").doesNotContain("EVENTS");
    }

    @Test
    @Order(5)
    void withoutATerminalItSaysToUseReportAndExits3() throws Exception {
        Bed.Result r = Bed.swarmwatch("watch", "-H", Bed.sandbox().toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("needs a terminal").contains("swarmwatch report");
        assertThat(r.out()).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"TERM", "HUP", "INT"})
    @Order(6)
    void aSignalStillGivesTheTerminalBack(String signal) throws Exception {
        String name = "sig-" + signal;
        Path before = dir.resolve(name + "-before");
        Path after = dir.resolve(name + "-after");
        String script = "stty -a > " + before + "; " + Bed.REPO.resolve("swarmwatch") + " watch -H " + Bed.sandbox()
                + "; stty -a > " + after + "; exec sleep 600";
        tmux("new-session", "-d", "-s", name, "-x", "100", "-y", "30", "bash", "-c", script).orFail();
        awaitScreen(name, Duration.ofSeconds(60), s -> s.contains("refreshed"));
        String shell = tmux("display-message", "-p", "-t", name, "#{pane_pid}").out().strip();
        String java = Files.readString(Path.of("/proc/" + shell + "/task/" + shell + "/children")).strip();
        assertThat(java).as("the dashboard's process under the pane's shell").matches("\\d+");
        Bed.run(List.of("kill", "-" + signal, java), List.of(), Duration.ofSeconds(5)).orFail();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && !(Files.exists(after) && Files.size(after) > 0)) {
            Thread.sleep(50);
        }
        assertThat(Files.readString(after)).isEqualTo(Files.readString(before));
        assertThat(tmux("capture-pane", "-p", "-t", name).out()).doesNotContain("refreshed");
    }

    private long press(String key, Predicate<String> answered) throws Exception {
        long start = System.nanoTime();
        screenAfter(key, answered);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private String screenAfter(String key, Predicate<String> answered) throws Exception {
        tmux("send-keys", "-t", session, key).orFail();
        return awaitScreen(Duration.ofSeconds(5), answered);
    }

    private String awaitScreen(Duration within, Predicate<String> done) throws Exception {
        return awaitScreen(session, within, done);
    }

    private String awaitScreen(String pane, Duration within, Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        String s = tmux("capture-pane", "-p", "-t", pane).out();
        while (!done.test(s)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the screen did not answer within " + within + ":\n" + s);
            }
            Thread.sleep(5);
            s = tmux("capture-pane", "-p", "-t", pane).out();
        }
        return s;
    }

    private String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", session).out();
    }

    private static String row(String screen, String name) {
        return screen.lines().filter(l -> l.contains(name) && !l.startsWith("EVENTS")).findFirst().orElse("");
    }

    private Bed.Result tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", tmuxSocket));
        cmd.addAll(List.of(args));
        return Bed.run(cmd, List.of("TERM=xterm-256color"), Duration.ofSeconds(20));
    }
}
