package dev.swarmwatch.tests;

import dev.swarmwatch.checks.engine.ConfiguredKind;
import dev.swarmwatch.checks.engine.CycleRunner;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.Check;
import dev.swarmwatch.checks.spi.CheckContext;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.Options;
import dev.swarmwatch.checks.spi.PlannedCheck;
import dev.swarmwatch.checks.spi.Subject;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** Runs one probe as the agent does: one cycle of the real CycleRunner and CheckRunner, with a deadline. */
public final class ProbeCycle {
    private ProbeCycle() {
    }

    public static CheckReport run(Vertx vertx, Executor blocking, String kind, Subject subject, Duration deadline,
                                  Check check) throws Exception {
        CheckKind single = new CheckKind() {
            @Override
            public String name() {
                return kind;
            }

            @Override
            public String description() {
                return kind + " probe under test";
            }

            @Override
            public boolean perService() {
                return false;
            }

            @Override
            public List<OptionSpec> options() {
                return List.of();
            }

            @Override
            public Future<List<PlannedCheck>> plan(CheckContext context, OptionsLookup options) {
                return Future.succeededFuture(List.of(new PlannedCheck(kind, subject, deadline, check)));
            }
        };
        CheckKind.OptionsLookup none = new CheckKind.OptionsLookup() {
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
                return deadline;
            }
        };
        CycleRunner runner = new CycleRunner(vertx, Clock.systemUTC(), blocking, List.of(new ConfiguredKind(single, none)));
        HealthReport report = runner.runOnce().toCompletionStage().toCompletableFuture()
                .get(deadline.toSeconds() + 20, TimeUnit.SECONDS);
        if (report.checks().size() != 1) {
            throw new AssertionError("expected one report, got " + report.checks());
        }
        return report.checks().getFirst();
    }
}
