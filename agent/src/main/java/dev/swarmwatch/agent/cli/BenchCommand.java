package dev.swarmwatch.agent.cli;

import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Times check cycles inside one running process, after warm-up: what the daemon pays per cycle. */
@Command(name = "bench", mixinStandardHelpOptions = true, hidden = true,
        description = "Run check cycles in one process and print their timing and Docker API calls per cycle.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, description = "config file")
    Path config;

    @Option(names = {"-H", "--host"}, description = "Docker engine")
    URI host;

    @Option(names = "--warmup", defaultValue = "20", description = "cycles run before measuring (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--cycles", defaultValue = "50", description = "cycles measured (default: ${DEFAULT-VALUE})")
    int cycles;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ConfigSource.Resolved resolved = ConfigSource.resolve(config, host, System.getenv());
        try (Agent agent = new Agent(resolved.config(), resolved.engine(), Clock.systemUTC())) {
            for (int i = 0; i < warmup; i++) {
                agent.runOnce().await();
            }
            double[] ms = new double[cycles];
            long calls = 0;
            int checks = 0;
            CheckReport slowest = null;
            double sumMs = 0;
            for (int i = 0; i < cycles; i++) {
                long before = agent.docker().calls();
                long start = System.nanoTime();
                HealthReport report = agent.runOnce().await();
                ms[i] = (System.nanoTime() - start) / 1e6;
                calls = agent.docker().calls() - before;
                checks = report.checks().size();
                slowest = report.checks().stream().max(Comparator.comparing(c -> c.result().duration())).orElse(null);
                sumMs = report.checks().stream().mapToDouble(c -> c.result().duration().toNanos() / 1e6).sum();
            }
            Arrays.sort(ms);
            out.printf(Locale.ROOT, "cycles=%d checks=%d api_calls_per_cycle=%d min_ms=%.1f median_ms=%.1f p95_ms=%.1f max_ms=%.1f"
                            + " slowest_check_last_cycle_ms=%.1f (%s) sum_of_checks_last_cycle_ms=%.0f%n",
                    cycles, checks, calls, ms[0], ms[cycles / 2], ms[(int) Math.ceil(cycles * 0.95) - 1], ms[cycles - 1],
                    slowest == null ? 0.0 : slowest.result().duration().toNanos() / 1e6, slowest == null ? "-" : slowest.id(), sumMs);
            out.flush();
        }
        return 0;
    }
}
