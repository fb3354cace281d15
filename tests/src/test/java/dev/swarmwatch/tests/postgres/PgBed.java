package dev.swarmwatch.tests.postgres;

import dev.swarmwatch.checks.engine.CheckRunner;
import dev.swarmwatch.checks.postgres.PostgresProbe;
import dev.swarmwatch.checks.postgres.PostgresTarget;
import dev.swarmwatch.checks.spi.CheckContext;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.PlannedCheck;
import dev.swarmwatch.checks.spi.Subject;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The PostgreSQL servers of tests/bed/postgres.sh (ports from $BED/postgres/ports), and a faithful
 * {@link CheckContext}: blocking work on virtual threads, completing back on the event loop.
 */
final class PgBed implements CheckContext, AutoCloseable {
    static final Path DIR = Path.of(System.getProperty("swarmwatch.bed", "/tmp/swarmwatch-bed")).resolve("postgres");
    static final Path REPO = Path.of(System.getProperty("swarmwatch.repo", ".."));

    final int primary;
    final int standby;
    final int cold;
    final String user;
    final String password;

    private final Vertx vertx = Vertx.vertx();
    private final Context eventLoop = vertx.getOrCreateContext();
    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Object, Future<?>> perCycle = new HashMap<>();
    private final AtomicInteger blockingCalls = new AtomicInteger();

    PgBed() throws IOException {
        Path ports = DIR.resolve("ports");
        if (!Files.exists(ports)) {
            throw new IllegalStateException("postgres bed not running (no " + ports + "): run tests/bed/postgres.sh up");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(ports)) {
            p.load(r);
        }
        primary = Integer.parseInt(p.getProperty("primary"));
        standby = Integer.parseInt(p.getProperty("standby"));
        cold = Integer.parseInt(p.getProperty("cold"));
        user = p.getProperty("user");
        password = p.getProperty("password");
    }

    PostgresTarget target(int port) {
        return PostgresTarget.of("127.0.0.1", port, "postgres", user, password)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    /** One probe through the real {@link CheckRunner}, started on the event loop as the engine does. */
    CheckResult probe(PostgresTarget target) throws Exception {
        PlannedCheck planned = new PlannedCheck("postgres", Subject.wholeSwarm(), Duration.ofSeconds(20),
                ctx -> new PostgresProbe().probe(ctx, target));
        Promise<CheckResult> done = Promise.promise();
        eventLoop.runOnContext(v -> {
            long start = System.nanoTime();
            int handedOff = blockingCalls.get();
            Future<CheckResult> result = new CheckRunner().run(planned, this).map(r -> r.result());
            // Strict stand-in for Vert.x's blocked-thread checker, which only logs: the probe must hand
            // JDBC to a virtual thread and return at once (200 ms leaves room for first-call class loading).
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            if (blockingCalls.get() == handedOff) {
                done.fail(new AssertionError("the probe did not hand its work to context.blocking"));
            } else if (tookMs > 200) {
                done.fail(new AssertionError("the probe held the event loop for " + tookMs + " ms"));
            } else {
                result.onComplete(done);
            }
        });
        return done.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Runs tests/bed/postgres.sh with the given subcommand, failing on a non-zero exit. */
    static void bed(String subcommand) throws IOException, InterruptedException {
        Path log = Files.createTempFile("pg-bed", ".log");
        ProcessBuilder pb = new ProcessBuilder("bash", REPO.resolve("tests/bed/postgres.sh").toString(), subcommand)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SWARMWATCH_BED", DIR.getParent().toString());
        pb.environment().remove("SWARMWATCH_PG_PORT");
        Process p = pb.start();
        boolean finished = p.waitFor(90, TimeUnit.SECONDS);
        String out = Files.readString(log);
        Files.deleteIfExists(log);
        if (!finished) {
            p.destroyForcibly();
            throw new AssertionError("postgres.sh " + subcommand + " did not finish in 90s:\n" + out);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("postgres.sh " + subcommand + " exited " + p.exitValue() + ":\n" + out);
        }
    }

    @Override
    public Vertx vertx() {
        return vertx;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public Instant cycleStart() {
        return Instant.now();
    }

    @Override
    public <T> Future<T> blocking(Callable<T> work) {
        blockingCalls.incrementAndGet();
        Promise<T> promise = Promise.promise();
        virtualThreads.execute(() -> {
            try {
                T value = work.call();
                eventLoop.runOnContext(v -> promise.complete(value));
            } catch (Throwable e) {
                eventLoop.runOnContext(v -> promise.fail(e));
            }
        });
        return promise.future();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Future<T> perCycle(Object key, Supplier<Future<T>> load) {
        return (Future<T>) perCycle.computeIfAbsent(key, k -> load.get());
    }

    @Override
    public void close() {
        virtualThreads.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
