package dev.swarmwatch.tests.patroni;

import dev.swarmwatch.tests.ProbeCycle;

import dev.swarmwatch.checks.engine.CycleRunner;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Subject;
import dev.swarmwatch.checks.patroni.PatroniProbe;
import dev.swarmwatch.checks.patroni.PatroniTarget;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Patroni cluster of tests/bed/patroni.sh (state under the bed dir's {@code patroni/}), and one
 * real cycle of the check through {@link CycleRunner}, so the runner's timeout and failure mapping
 * apply as in the agent.
 */
final class PatroniBed {
    static final Path DIR = Path.of(System.getProperty("swarmwatch.bed", "/tmp/swarmwatch-bed"));
    static final Path REPO = Path.of(System.getProperty("swarmwatch.repo", ".."));

    private PatroniBed() {
    }

    /** Runs tests/bed/patroni.sh; fails the test (never skips) when the bed is not there. */
    static String script(String... args) throws IOException, InterruptedException {
        if (!Files.isDirectory(DIR.resolve("patroni"))) {
            throw new IllegalStateException("Patroni bed not running (no " + DIR.resolve("patroni")
                    + "): run SWARMWATCH_BED=" + DIR + " tests/bed/patroni.sh up");
        }
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", REPO.resolve("tests/bed/patroni.sh").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(REPO.toFile()).redirectErrorStream(true);
        pb.environment().put("SWARMWATCH_BED", DIR.toString());
        Path out = Files.createTempFile("patroni-bed", ".txt");
        Process p = pb.redirectOutput(out.toFile()).start();
        boolean done = p.waitFor(3, TimeUnit.MINUTES);
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        if (!done) {
            p.destroyForcibly();
            throw new AssertionError("patroni.sh " + args[0] + " did not finish within 3 minutes:\n" + text);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("patroni.sh " + String.join(" ", args) + " exited " + p.exitValue() + ":\n" + text);
        }
        return text;
    }

    /** The current leader's timeline, after checking the leader is the one named. */
    static long timelineOfLeader(String name) throws IOException, InterruptedException {
        String[] line = script("leader").strip().split(" ");
        if (!line[0].equals(name)) {
            throw new AssertionError("bed leader is " + line[0] + ", expected " + name);
        }
        return Long.parseLong(line[1]);
    }

    /** One cycle running just this probe against this target. */
    static CheckResult cycle(Vertx vertx, ExecutorService blocking, PatroniProbe probe, PatroniTarget target)
            throws Exception {
        return ProbeCycle.run(vertx, blocking, "patroni", new Subject("bed", "", true), Duration.ofSeconds(10),
                ctx -> probe.probe(ctx, target)).result();
    }
}
