package dev.swarmwatch.agent.cli;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.config.ConfigException;
import dev.swarmwatch.dashboards.report.JsonReport;
import dev.swarmwatch.dashboards.report.NagiosReport;
import dev.swarmwatch.dashboards.report.ReportMeta;
import dev.swarmwatch.dashboards.report.TextReport;
import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.agent.run.Alerting;
import dev.swarmwatch.agent.run.CheckMemory;
import dev.swarmwatch.alerts.outbox.OutboxStats;
import dev.swarmwatch.alerts.pipeline.AlertPipeline;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.SafeText;
import dev.swarmwatch.checks.engine.HealthReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** One check cycle, printed as text, JSON or a Nagios line; the exit code is the worst status. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Check the swarm once and print a report. Exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.")
final class ReportCommand implements Callable<Integer> {
    enum Format { text, json, nagios }

    enum Colour { auto, always, never }

    @Option(names = {"-c", "--config"}, description = "config file (default: ./swarmwatch.yml, /etc/swarmwatch/swarmwatch.yml, else none)")
    Path config;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text, json or nagios (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-H", "--host"}, description = "Docker engine, unix:///path or tcp://host:port (default: engine.host, DOCKER_HOST, unix:///var/run/docker.sock)")
    URI host;

    @Option(names = "--engine-timeout", description = "bound of each Docker API call, e.g. 3s (default: engine.timeout, 5s)")
    String engineTimeout;

    @Option(names = {"-v", "--verbose"}, description = "show details of OK checks too")
    boolean verbose;

    @Option(names = "--color", defaultValue = "auto", description = "auto, always or never (default: ${DEFAULT-VALUE}; auto = on a terminal and NO_COLOR unset)")
    Colour colour;

    @Option(names = "--notify", description = "evaluate the alert rules against the state kept in state_dir and deliver, as the daemon does (for cron)")
    boolean notify;

    @Option(names = "--notify-timeout", defaultValue = "20s", description = "how long --notify may deliver after the report, e.g. 20s; what is left goes out on the next run (default: ${DEFAULT-VALUE})")
    String notifyTimeout;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private Duration deliveryTimeout = Duration.ZERO;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> env = System.getenv();
        AgentConfig cfg;
        URI engine;
        try {
            ConfigSource.Resolved resolved = ConfigSource.resolve(config, host, env);
            cfg = resolved.config();
            engine = resolved.engine();
            if (notify) {
                deliveryTimeout = (Duration) dev.swarmwatch.checks.spi.OptionType.DURATION.parse(notifyTimeout);
            }
            if (engineTimeout != null) {
                cfg = cfg.withEngineTimeout((Duration) dev.swarmwatch.checks.spi.OptionType.DURATION.parse(engineTimeout));
            }
        } catch (ConfigException e) {
            return fail(out, err, "config error", e.getMessage());
        } catch (IllegalArgumentException e) {
            return fail(out, err, "bad option", e.getMessage());
        }
        Clock clock = Clock.systemUTC();
        try (Agent agent = new Agent(cfg, engine, clock)) {
            Optional<AlertPipeline> alerts = notify ? openAlerts(agent, cfg, clock, err) : Optional.empty();
            HealthReport report;
            // The pipeline's store keeps the memory too: one file, one connection. A run without a
            // declared target that remembers (Patroni's) and without --notify opens no store at all.
            java.nio.file.Path stateDir = cfg.alerts().stateDir();
            boolean remember = notify || CheckMemory.needed(agent.kinds(), cfg.targets());
            try (CheckMemory memory = !remember ? CheckMemory.none() : alerts.map(p -> CheckMemory.in(p.store()))
                    .orElseGet(() -> CheckMemory.open(stateDir, clock))) {
                long before = agent.docker().calls();
                memory.load(agent.kinds());
                report = agent.runOnce().await();
                memory.save(agent.kinds());
                memory.missing().ifPresent(why -> note(err, "no memory between runs: " + why));
                print(out, report, new ReportMeta(engine.toString(), agent.docker().calls() - before), env);
            }
            alerts.ifPresent(pipeline -> deliver(pipeline, report, clock.instant().plus(deliveryTimeout), err));
            return report.worst().exitCode();
        }
    }

    private void print(PrintWriter out, HealthReport report, ReportMeta meta, Map<String, String> env) {
        out.print(switch (format) {
            case json -> JsonReport.render(report, meta) + "\n";
            case nagios -> NagiosReport.render(report);
            case text -> TextReport.render(report, meta, useColour(env), verbose);
        });
        out.flush();
    }

    private static Optional<AlertPipeline> openAlerts(Agent agent, AgentConfig cfg, Clock clock, PrintWriter err) {
        if (!cfg.alerts().enabled()) {
            note(err, "--notify: no receivers configured, nothing is evaluated or sent");
            return Optional.empty();
        }
        try {
            Optional<AlertPipeline> pipeline = Alerting.open(agent, cfg, clock, System.err, "").await();
            pipeline.filter(p -> !p.health().ok())
                    .ifPresent(p -> note(err, "alerts: store degraded: " + p.health().reason()));
            return pipeline;
        } catch (RuntimeException e) {
            note(err, "alerts: cannot open: " + CheckResult.describe(e));
            return Optional.empty();
        }
    }

    // The report is out: alerts are a side effect that never changes its output or exit code.
    private static void deliver(AlertPipeline pipeline, HealthReport report, Instant deadline, PrintWriter err) {
        try {
            pipeline.onReport(report).await();
        } catch (RuntimeException e) {
            note(err, "alerts: not evaluated: " + CheckResult.describe(e));
        }
        try {
            OutboxStats left = pipeline.drain(deadline).await();
            if (left.pending() > 0) {
                note(err, "alerts: " + left.pending() + " notification(s) left in the outbox for the next run");
            }
        } catch (RuntimeException e) {
            note(err, "alerts: delivery stopped: " + CheckResult.describe(e));
        } finally {
            pipeline.close().await();
        }
    }

    private static void note(PrintWriter err, String line) {
        err.println("swarmwatch: " + SafeText.line(line));
        err.flush();
    }

    private int fail(PrintWriter out, PrintWriter err, String what, String message) {
        if (format == Format.nagios) {
            out.println("SWARMWATCH UNKNOWN - " + what + ": " + message.lines().findFirst().orElse(""));
            message.lines().skip(1).forEach(out::println);
            out.flush();
        } else {
            err.println("swarmwatch: " + what + ":");
            message.lines().forEach(l -> err.println("  " + l));
            err.flush();
        }
        return Main.EXIT_UNKNOWN;
    }

    private boolean useColour(Map<String, String> env) {
        return switch (colour) {
            case always -> true;
            case never -> false;
            case auto -> System.console() != null && !env.containsKey("NO_COLOR")
                    && !"dumb".equals(env.getOrDefault("TERM", "dumb"));
        };
    }

}
