package dev.swarmwatch.tests;

import dev.swarmwatch.tests.fake.Report;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real dockerd (the bed's own freezable single-node swarm, tests/bed/freeze.sh) stopped with
 * SIGSTOP by its recorded PID: the report says the engine is not answering within engine.timeout
 * + 1 s, and reads it healthy again right after SIGCONT.
 */
class FrozenEngineTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Path DIR = Bed.DIR.resolve("freeze");

    @Test
    void frozenDockerdIsNotAnsweringWithinTheTimeoutAndHealthyOnceItThaws() throws Exception {
        URI engine = URI.create("unix://" + DIR.resolve("docker.sock"));
        long pid = recordedPid();
        assertThat(Report.run(engine, TIMEOUT, "--format", "nagios").exit()).as("before the freeze").isZero();

        Report.Result frozen;
        signal("STOP", pid);
        try {
            frozen = Report.run(engine, TIMEOUT, "--format", "nagios");
        } finally {
            signal("CONT", pid);
        }
        assertThat(frozen.took()).as(frozen.firstLine()).isLessThan(TIMEOUT.plusSeconds(1));
        assertThat(frozen.exit()).isEqualTo(2);
        assertThat(frozen.firstLine()).startsWith("SWARMWATCH CRITICAL - ");
        assertThat(frozen.out()).contains("Docker engine not answering within 2s at " + engine)
                .contains("GET /_ping got no answer either");

        Report.Result thawed = Report.run(engine, TIMEOUT, "--format", "nagios");
        assertThat(thawed.exit()).as(thawed.out()).isZero();
        assertThat(thawed.took()).isLessThan(TIMEOUT);
    }

    /** The PID tests/bed/lib.sh recorded, checked against its start time so a reused PID is never signalled. */
    private static long recordedPid() throws IOException {
        Path record = Bed.DIR.resolve("pids/freeze-dockerd.pid");
        if (!Files.exists(record)) {
            throw new IllegalStateException("freezable dockerd not running (no " + record
                    + "): run tests/bed/freeze.sh up, or tests/bed/up.sh");
        }
        String[] f = Files.readString(record).trim().split(" ");
        long pid = Long.parseLong(f[0]);
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        assertThat(fields[19]).as("start time of pid " + pid).isEqualTo(f[1]);
        return pid;
    }

    private static void signal(String name, long pid) throws IOException, InterruptedException {
        Bed.Result r = Bed.run(List.of("kill", "-" + name, Long.toString(pid)), List.of(), Duration.ofSeconds(5));
        assertThat(r.exit()).as("kill -" + name + " " + pid + ": " + r.err()).isZero();
    }
}
