package dev.swarmwatch.agent.cli;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.config.ConfigException;
import dev.swarmwatch.dashboards.report.JsonReport;
import dev.swarmwatch.dashboards.report.NagiosReport;
import dev.swarmwatch.dashboards.report.ReportMeta;
import dev.swarmwatch.dashboards.report.TextReport;
import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.checks.engine.HealthReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
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

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

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
            if (engineTimeout != null) {
                cfg = cfg.withEngineTimeout((Duration) dev.swarmwatch.checks.spi.OptionType.DURATION.parse(engineTimeout));
            }
        } catch (ConfigException e) {
            return fail(out, err, "config error", e.getMessage());
        } catch (IllegalArgumentException e) {
            return fail(out, err, "bad option", e.getMessage());
        }
        try (Agent agent = new Agent(cfg, engine, Clock.systemUTC())) {
            long before = agent.docker().calls();
            HealthReport report = agent.runOnce().await();
            ReportMeta meta = new ReportMeta(engine.toString(), agent.docker().calls() - before);
            out.print(switch (format) {
                case json -> JsonReport.render(report, meta) + "\n";
                case nagios -> NagiosReport.render(report);
                case text -> TextReport.render(report, meta, useColour(env), verbose);
            });
            out.flush();
            return report.worst().exitCode();
        }
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
