package dev.swarmwatch.tests.redis;

import dev.swarmwatch.tests.ProbeCycle;

import dev.swarmwatch.checks.engine.CycleRunner;
import dev.swarmwatch.checks.redis.RedisProbe;
import dev.swarmwatch.checks.redis.RedisTarget;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.Subject;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The Redis servers of tests/bed/redis.sh, and one real check cycle (CycleRunner, CheckRunner,
 * virtual threads, Vert.x with a strict blocked-thread checker) around the probe.
 */
final class RedisBed implements AutoCloseable {
    static final Path DIR = Path.of(System.getProperty("swarmwatch.bed", "/tmp/swarmwatch-bed")).resolve("redis");
    static final Path REPO = Path.of(System.getProperty("swarmwatch.repo", ".."));
    static final String HOST = "127.0.0.1";
    static final int MASTER = 6391;
    static final int REPLICA = 6392;
    static final int TLS = 6393;
    static final int LOADING = 6394;
    // Same test-only secrets as tests/bed/redis.sh.
    static final String DEFAULT_PASS = "default-pass-for-tests";
    static final String USER = "swarmwatch";
    static final String PASS = "s3cret-for-tests";

    private final Vertx vertx = Vertx.vertx(new VertxOptions()
            .setMaxEventLoopExecuteTime(100).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
            .setBlockedThreadCheckInterval(50).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS));
    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final RedisProbe probe = new RedisProbe();

    RedisBed() {
        if (!Files.exists(DIR.resolve("master/redis.conf"))) {
            close();
            throw new IllegalStateException("redis test bed not set up (no " + DIR + "/master/redis.conf): run tests/bed/redis.sh up");
        }
    }

    static RedisTarget acl(int port) {
        return RedisTarget.of(HOST, port).withUser(USER, PASS)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    /** Runs the probe as the agent does: one cycle, its runner, its 10 s deadline. */
    CheckReport check(RedisTarget target) throws Exception {
        return ProbeCycle.run(vertx, virtualThreads, "redis", Subject.service(target.address(), ""), Duration.ofSeconds(10),
                ctx -> probe.probe(ctx, target));
    }

    /** Runs tests/bed/redis.sh with the given arguments; fails on a non-zero exit. */
    static void script(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", REPO.resolve("tests/bed/redis.sh").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("SWARMWATCH_BED", DIR.getParent().toString());
        Path out = Files.createTempFile("sw-redis", ".txt");
        Process p = pb.redirectOutput(out.toFile()).start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        if (!done) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish within 60s: " + text);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(cmd + " exited " + p.exitValue() + ": " + text);
        }
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
        virtualThreads.shutdownNow();
    }
}
