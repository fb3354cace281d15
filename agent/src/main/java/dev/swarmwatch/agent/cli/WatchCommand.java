package dev.swarmwatch.agent.cli;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.config.ConfigException;
import dev.swarmwatch.agent.daemon.MetricsEndpoint;
import dev.swarmwatch.agent.logging.LibraryLogging;
import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.OptionType;
import dev.swarmwatch.checks.spi.SafeText;
import dev.swarmwatch.dashboards.tui.CycleResult;
import dev.swarmwatch.dashboards.tui.Watch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** The live terminal dashboard: a cycle every interval, drawn with Lanterna; q or Ctrl-C quits with 0. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Live terminal dashboard: services, nodes, quorum, targets and alerts, refreshed every interval. Keys: ? for help, q to quit.",
                "With a config that has receivers, alerts are evaluated and delivered by this process as 'run' does (unless --no-alerts);"
                        + " log lines (alert delivery, library warnings) never reach the screen: they go to --log FILE, or nowhere."})
final class WatchCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, description = "config file (default: ./swarmwatch.yml, /etc/swarmwatch/swarmwatch.yml, else none)")
    Path config;

    @Option(names = {"-H", "--host"}, description = "Docker engine (default: engine.host, DOCKER_HOST, unix:///var/run/docker.sock)")
    URI host;

    @Option(names = "--interval", defaultValue = "2s", description = "time between cycles (default: ${DEFAULT-VALUE})")
    String interval;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "also serve /metrics here, as 'run' does (default: no listener)")
    String listen;

    @Option(names = "--no-alerts", description = "do not evaluate or deliver alerts, even when the config has receivers")
    boolean noAlerts;

    @Option(names = "--log", paramLabel = "FILE", description = "append log lines (alert delivery, library warnings) to FILE; without it they are dropped, since the dashboard owns the terminal")
    Path log;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        AgentConfig cfg;
        URI engine;
        Duration every;
        Optional<ListenAddress> address;
        try {
            address = listen == null ? Optional.empty() : Optional.of(ListenAddress.parse(listen));
            ConfigSource.Resolved resolved = ConfigSource.resolve(config, host, System.getenv());
            cfg = resolved.config();
            engine = resolved.engine();
            every = (Duration) OptionType.DURATION.parse(interval);
            if (every.toMillis() < 100) {
                throw new IllegalArgumentException("--interval: at least 100ms, got " + interval);
            }
        } catch (ConfigException e) {
            err.println("swarmwatch: config error:");
            e.getMessage().lines().forEach(l -> err.println("  " + l));
            return Main.EXIT_UNKNOWN;
        } catch (IllegalArgumentException e) {
            err.println("swarmwatch: bad option: " + e.getMessage());
            return Main.EXIT_UNKNOWN;
        }
        PrintStream logTo;
        try {
            logTo = log == null ? new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)
                    : new PrintStream(new FileOutputStream(log.toFile(), true), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("swarmwatch: bad option: --log: cannot open " + log + ": " + SafeText.line(e.getMessage()));
            return Main.EXIT_UNKNOWN;
        }
        if (!Watch.onTerminal()) {
            err.println("swarmwatch: watch needs a terminal (stdin and stdout are not one);"
                    + " for scripts, cron and pipes use 'swarmwatch report' (--format text, json or nagios)");
            logTo.close();
            return Main.EXIT_UNKNOWN;
        }
        // Library warnings on stderr would be drawn into the dashboard: they go where the log goes.
        LibraryLogging.install(logTo);
        Clock clock = Clock.systemUTC();
        try (logTo; Agent agent = new Agent(cfg, engine, clock)) {
            MetricsEndpoint metrics = new MetricsEndpoint(agent);
            if (address.isPresent()) {
                try {
                    metrics.listen(address.get().host(), address.get().port()).toCompletionStage().toCompletableFuture()
                            .get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                    err.println("swarmwatch: cannot listen on " + listen + ": " + SafeText.line(CheckResult.describe(cause)));
                    return Main.EXIT_UNKNOWN;
                }
            }
            WatchAlerts alerts;
            try {
                alerts = WatchAlerts.open(noAlerts, agent, cfg, clock, logTo);
            } catch (Exception e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                err.println("swarmwatch: cannot start alerting: " + SafeText.line(CheckResult.describe(cause)));
                return Main.EXIT_UNKNOWN;
            }
            try (alerts) {
                Watch.run(agent.vertx(), engine.toString(), every, () -> {
                    long before = agent.docker().calls();
                    return agent.runOnce().map(report -> {
                        long calls = agent.docker().calls() - before;
                        Instant finished = clock.instant();
                        alerts.onReport(report);
                        if (address.isPresent()) {
                            metrics.publish(report, calls, finished);
                        }
                        return new CycleResult(report, agent.latestSnapshot(), calls, finished);
                    });
                }, alerts.view(), System.getenv(), clock);
            } finally {
                metrics.close();
            }
        }
        return 0;
    }
}
