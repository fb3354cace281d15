package dev.swarmwatch.checks.engine;

import dev.swarmwatch.checks.spi.Check;
import dev.swarmwatch.checks.spi.CheckContext;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.Options;
import dev.swarmwatch.checks.spi.PlannedCheck;
import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.checks.spi.Subject;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CycleRunnerTest {
    // Strict blocked-thread checking: anything holding the loop for 100 ms is reported loudly.
    private final Vertx vertx = Vertx.vertx(new VertxOptions()
            .setMaxEventLoopExecuteTime(100).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
            .setBlockedThreadCheckInterval(50).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS));
    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void close() {
        vertx.close().await();
        virtualThreads.shutdownNow();
    }

    @Test
    void hangingCheckBecomesCriticalWithReasonAndDoesNotHoldBackOthers() throws Exception {
        Map<String, CheckReport> reports = runCycle(List.of(
                planned("hangs", Duration.ofMillis(200), ctx -> Promise.<CheckResult>promise().future()),
                planned("quick", Duration.ofSeconds(5), ctx -> Future.succeededFuture(CheckResult.ok("fine")))));

        assertThat(reports.get("hangs").status()).isEqualTo(Status.CRITICAL);
        assertThat(reports.get("hangs").result().summary()).isEqualTo("no result within 200ms (check timed out)");
        assertThat(reports.get("quick").status()).isEqualTo(Status.OK);
        assertThat(reports.get("quick").result().duration()).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void thrownExceptionAndFailedFutureBecomeUnknownInOperatorsWordsWithTheClassOnlyInADetail() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        int port = closedPort;
        Map<String, CheckReport> reports = runCycle(List.of(
                planned("throws", Duration.ofSeconds(5), ctx -> {
                    throw new IllegalStateException("boom");
                }),
                planned("fails", Duration.ofSeconds(5), ctx -> Future.failedFuture(new java.io.IOException("refused"))),
                planned("refused", Duration.ofSeconds(5), ctx -> ctx.blocking(() -> {
                    try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                        return CheckResult.ok("connected?");
                    }
                }))));

        assertThat(reports.get("throws").result().summary()).isEqualTo("boom");
        assertThat(reports.get("throws").result().details()).containsExactly("error: java.lang.IllegalStateException: boom");
        assertThat(reports.get("throws").status()).isEqualTo(Status.UNKNOWN);
        assertThat(reports.get("fails").result().summary()).isEqualTo("refused");
        assertThat(reports.get("refused").result().summary()).isEqualTo("connection refused");
        assertThat(reports.get("refused").result().details()).singleElement().asString()
                .startsWith("error: java.net.ConnectException: Connection refused");
    }

    @Test
    void blockingWorkRunsOnAVirtualThreadAndCompletesOnTheLoop() throws Exception {
        Map<String, CheckReport> reports = runCycle(List.of(planned("blocking", Duration.ofSeconds(5),
                ctx -> ctx.blocking(() -> {
                    Thread.sleep(300); // would trip the strict blocked-thread checker on the loop
                    return Thread.currentThread().isVirtual();
                }).map(virtual -> CheckResult.ok("virtual=" + virtual)))));

        assertThat(reports.get("blocking").result().summary()).isEqualTo("virtual=true");
    }

    @Test
    void perCycleValueIsLoadedOncePerCycleAndSharedByKinds() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        Object key = new Object();
        Function<String, CheckKind> kind = name -> new StubKind(name, ctx -> ctx.<Integer>perCycle(key,
                () -> Future.succeededFuture(loads.incrementAndGet())).map(n -> List.of(planned(name, Duration.ofSeconds(1),
                c -> Future.succeededFuture(CheckResult.ok("load " + n))))));
        CycleRunner runner = new CycleRunner(vertx, Clock.systemUTC(), virtualThreads,
                List.of(configured(kind.apply("a")), configured(kind.apply("b"))));

        runner.runOnce().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        HealthReport second = runner.runOnce().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(loads).hasValue(2);
        assertThat(second.checks()).extracting(r -> r.result().summary()).containsOnly("load 2");
    }

    @Test
    void aCheckWithItsOwnIntervalReusesItsLastResultUntilDue() throws Exception {
        AtomicInteger hourly = new AtomicInteger();
        AtomicInteger everyCycle = new AtomicInteger();
        CycleRunner runner = new CycleRunner(vertx, Clock.systemUTC(), virtualThreads, List.of(configured(new StubKind("stub",
                ctx -> Future.succeededFuture(List.of(
                        new PlannedCheck("stub", Subject.service("hourly", ""), Duration.ofSeconds(1),
                                c -> Future.succeededFuture(CheckResult.ok("run " + hourly.incrementAndGet())), "hourly",
                                Duration.ofHours(1)),
                        new PlannedCheck("stub", Subject.service("each", ""), Duration.ofSeconds(1),
                                c -> Future.succeededFuture(CheckResult.ok("run " + everyCycle.incrementAndGet())), "each")))))));

        HealthReport first = runner.runOnce().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        HealthReport second = runner.runOnce().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(hourly).hasValue(1);
        assertThat(everyCycle).hasValue(2);
        CheckReport reused = second.checks().stream().filter(c -> c.name().equals("hourly")).findFirst().orElseThrow();
        assertThat(reused).isEqualTo(first.checks().stream().filter(c -> c.name().equals("hourly")).findFirst().orElseThrow());
        assertThat(reused.result().summary()).isEqualTo("run 1");
    }

    @Test
    void kindThatCannotPlanIsReportedUnknownInsteadOfVanishing() throws Exception {
        CycleRunner runner = new CycleRunner(vertx, Clock.systemUTC(), virtualThreads, List.of(configured(
                new StubKind("broken", ctx -> Future.failedFuture(new IllegalArgumentException("no such thing"))))));
        HealthReport report = runner.runOnce().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(report.checks()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.UNKNOWN);
            assertThat(r.result().summary()).isEqualTo("could not plan broken checks: no such thing");
        });
    }

    @Test
    void aKindWhosePlanNeverCompletesIsReportedAtTheCycleDeadlineAndTheOthersStay() throws Exception {
        CycleRunner runner = new CycleRunner(vertx, Clock.systemUTC(), virtualThreads, List.of(
                configured(new StubKind("stuck", ctx -> Promise.<List<PlannedCheck>>promise().future())),
                configured(new StubKind("quick", ctx -> Future.succeededFuture(List.of(
                        planned("fine", Duration.ofSeconds(5), c -> Future.succeededFuture(CheckResult.ok("fine")))))))),
                Duration.ofMillis(300));

        long start = System.nanoTime();
        HealthReport report = runner.runOnce().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1300));
        assertThat(report.checks()).hasSize(2);
        CheckReport stuck = report.checks().stream().filter(r -> r.kind().equals("stuck")).findFirst().orElseThrow();
        assertThat(stuck.status()).isEqualTo(Status.CRITICAL);
        assertThat(stuck.result().summary()).matches("no stuck checks planned within \\d+ms \\(the cycle's deadline of 300ms came first\\)");
        assertThat(report.unfinished()).containsExactly("stuck");
        assertThat(report.overran()).isTrue();
    }

    @Test
    void aSharedValueStillLoadingWhenTheCycleEndsTakesItsStandInSoItsChecksSayWhatIsMissing() throws Exception {
        Object key = new Object();
        CycleRunner runner = new CycleRunner(vertx, Clock.systemUTC(), virtualThreads, List.of(configured(new StubKind("swarm",
                ctx -> ctx.<String>perCycle(key, () -> Promise.<String>promise().future(), waited -> "not answering after " + waited.toMillis() / 100 + "00ms")
                        .map(value -> List.of(planned("engine", Duration.ofSeconds(5), c -> Future.succeededFuture(CheckResult.critical(value)))))))),
                Duration.ofMillis(300));

        HealthReport report = runner.runOnce().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(report.checks()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.CRITICAL);
            assertThat(r.result().summary()).isEqualTo("not answering after 300ms");
        });
        assertThat(report.unfinished()).containsExactly("stub:engine");
    }

    @Test
    void aCheckStillRunningWhenTheCycleEndsIsCriticalAndItsLateResultNeverReachesTheNextCycle() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        List<Promise<CheckResult>> pending = new java.util.concurrent.CopyOnWriteArrayList<>();
        CycleRunner runner = new CycleRunner(vertx, Clock.systemUTC(), virtualThreads, List.of(configured(new StubKind("stub",
                ctx -> Future.succeededFuture(List.of(new PlannedCheck("stub", Subject.service("slow", ""), Duration.ofSeconds(10), c -> {
                    runs.incrementAndGet();
                    Promise<CheckResult> p = Promise.promise();
                    pending.add(p);
                    return p.future();
                }, "slow", Duration.ofHours(1))))))), Duration.ofMillis(300));

        HealthReport first = runner.runOnce().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        vertx.runOnContext(v -> pending.forEach(p -> p.tryComplete(CheckResult.ok("late"))));
        HealthReport second = runner.runOnce().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(first.checks()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.CRITICAL);
            assertThat(r.result().summary()).matches("no result within \\d+ms \\(the cycle's deadline of 300ms came first\\)");
        });
        assertThat(first.unfinished()).containsExactly("stub:slow");
        // Cut short, it is no result to reuse for its hour: it runs again, and the late "late" is nowhere.
        assertThat(runs).hasValue(2);
        assertThat(second.checks()).singleElement().satisfies(r -> assertThat(r.result().summary()).startsWith("no result within"));
    }

    @Test
    void aCycleEndedEarlyReportsWhatWasStillRunning() throws Exception {
        CycleRunner runner = new CycleRunner(vertx, Clock.systemUTC(), virtualThreads, List.of(configured(new StubKind("stub",
                ctx -> Future.succeededFuture(List.of(planned("hangs", Duration.ofSeconds(10), c -> Promise.<CheckResult>promise().future())))))),
                Duration.ofSeconds(30));
        Promise<Void> next = Promise.promise();

        Future<HealthReport> running = runner.runOnce(next.future());
        vertx.setTimer(100, id -> next.complete());
        HealthReport report = running.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(report.checks()).singleElement().satisfies(r -> assertThat(r.result().summary())
                .matches("no result within \\d+ms \\(the cycle was ended before it finished\\)"));
        assertThat(report.duration()).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aCycleThatFinishesInTimeHasNothingUnfinished() throws Exception {
        CycleRunner runner = new CycleRunner(vertx, Clock.systemUTC(), virtualThreads, List.of(configured(new StubKind("stub",
                ctx -> Future.succeededFuture(List.of(planned("ok", Duration.ofSeconds(1), c -> Future.succeededFuture(CheckResult.ok("ok")))))))));
        HealthReport report = runner.runOnce().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(report.overran()).isFalse();
        assertThat(runner.deadline()).isEqualTo(Duration.ofSeconds(6));
    }

    private Map<String, CheckReport> runCycle(List<PlannedCheck> checks) throws Exception {
        CycleRunner runner = new CycleRunner(vertx, Clock.systemUTC(), virtualThreads,
                List.of(configured(new StubKind("stub", ctx -> Future.succeededFuture(checks)))));
        HealthReport report = runner.runOnce().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return report.checks().stream().collect(Collectors.toMap(r -> r.subject().name(), r -> r));
    }

    private static PlannedCheck planned(String name, Duration timeout, Check check) {
        return new PlannedCheck("stub", Subject.service(name, ""), timeout, check);
    }

    private static ConfiguredKind configured(CheckKind kind) {
        return new ConfiguredKind(kind, new CheckKind.OptionsLookup() {
            @Override
            public Options cluster() {
                return Options.defaults(List.of());
            }

            @Override
            public Options service(String serviceName) {
                return cluster();
            }

            @Override
            public boolean ignored(String serviceName) {
                return false;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(1);
            }
        });
    }

    private record StubKind(String name, Function<CheckContext, Future<List<PlannedCheck>>> planner) implements CheckKind {
        @Override
        public String description() {
            return "test kind";
        }

        @Override
        public boolean perService() {
            return true;
        }

        @Override
        public List<OptionSpec> options() {
            return List.of();
        }

        @Override
        public Future<List<PlannedCheck>> plan(CheckContext context, OptionsLookup options) {
            return planner.apply(context);
        }
    }
}
