package dev.swarmwatch.tests;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real test bed started by tests/bed/up.sh: a sandbox dockerd in swarm mode with services of
 * known health, and a three-manager swarm in network namespaces. Tests fail, never skip, when it
 * is not running: run tests/run.sh.
 */
final class Bed {
    static final Path DIR = Path.of(System.getProperty("swarmwatch.bed", "/tmp/swarmwatch-bed"));
    static final Path REPO = Path.of(System.getProperty("swarmwatch.repo", ".."));

    private Bed() {
    }

    static URI sandbox() {
        return socket(DIR.resolve("docker.sock"));
    }

    static URI manager(int k) {
        return socket(DIR.resolve("q" + k).resolve("docker.sock"));
    }

    private static URI socket(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException("test bed not running (no " + path + "): run tests/run.sh, or tests/bed/up.sh");
        }
        return URI.create("unix://" + path);
    }

    /** One cycle with the given config against the given engine. */
    static HealthReport cycle(URI engine, AgentConfig config) throws Exception {
        try (Agent agent = new Agent(config, engine, Clock.systemUTC())) {
            return agent.runOnce().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }

    static Optional<CheckReport> find(HealthReport report, String id) {
        return report.checks().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    static CheckReport get(HealthReport report, String id) {
        return find(report, id).orElseThrow(() -> new AssertionError("no check " + id + " in " +
                report.checks().stream().map(CheckReport::id).toList()));
    }

    /** Runs the docker CLI against the sandbox swarm. */
    static Result docker(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        return run(cmd, List.of("DOCKER_HOST=" + sandbox(), "DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1"), Duration.ofSeconds(60));
    }

    /** Runs tests/bed/quorum.sh with the given arguments. */
    static Result quorum(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", REPO.resolve("tests/bed/quorum.sh").toString()));
        cmd.addAll(List.of(args));
        return run(cmd, List.of("SWARMWATCH_BED=" + DIR), Duration.ofMinutes(3));
    }

    /** Runs the real swarmwatch launcher, as a user would. */
    static Result swarmwatch(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(REPO.resolve("swarmwatch").toString()));
        cmd.addAll(List.of(args));
        return run(cmd, List.of("DOCKER_HOST="), Duration.ofMinutes(2));
    }

    static Result run(List<String> cmd, List<String> env, Duration timeout) throws IOException, InterruptedException {
        return run(cmd, env, timeout, REPO);
    }

    static Result run(List<String> cmd, List<String> env, Duration timeout, Path directory)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(directory.toFile());
        for (String e : env) {
            int eq = e.indexOf('=');
            pb.environment().put(e.substring(0, eq), e.substring(eq + 1));
        }
        Path out = Files.createTempFile("sw-out", ".txt");
        Path err = Files.createTempFile("sw-err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long start = System.nanoTime();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish within " + timeout);
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - start));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }

    record Result(int exit, String out, String err, Duration took) {
        Result orFail() {
            if (exit != 0) {
                throw new AssertionError("exit " + exit + "\nstdout: " + out + "\nstderr: " + err);
            }
            return this;
        }
    }

    static AgentConfig config() {
        return AgentConfig.defaults();
    }
}
