package dev.swarmwatch.agent.cli;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.config.BoundedFile;
import dev.swarmwatch.agent.config.ConfigException;
import dev.swarmwatch.agent.daemon.Daemon;
import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.agent.run.Alerting;
import dev.swarmwatch.alerts.pipeline.AlertPipeline;
import dev.swarmwatch.alerts.store.StoreHealth;
import dev.swarmwatch.checks.spi.OptionType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The daemon: a check cycle every interval, /healthz and /api/v1/status. SIGTERM or SIGINT stops it
 * gracefully within the cycle deadline plus 2 s (exit 143 or 130); a second signal stops it at once.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run as a daemon: check every interval, serve /healthz and /api/v1/status; SIGTERM stops it gracefully.")
final class RunCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = {"-c", "--config"}, description = "config file (default: ./swarmwatch.yml, /etc/swarmwatch/swarmwatch.yml, else none)")
    Path config;

    @Option(names = {"-H", "--host"}, description = "Docker engine (default: engine.host, DOCKER_HOST, unix:///var/run/docker.sock)")
    URI host;

    @Option(names = "--listen", defaultValue = "127.0.0.1:9469", description = "address of /healthz and /api/v1/status (default: ${DEFAULT-VALUE})")
    String listen;

    @Option(names = "--interval", description = "time between cycles, e.g. 15s (default: interval from the config, 15s)")
    String interval;

    @Option(names = "--bearer-token-file", description = "file holding a token that /metrics and /api/v1/status then require as 'Authorization: Bearer <token>'")
    Path bearerTokenFile;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    Main main;

    /** The token file's content without trailing newlines; its content never appears in a message. */
    static String readToken(Path file) {
        String token;
        try {
            token = BoundedFile.read(file, BoundedFile.SECRET_LIMIT).strip();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--bearer-token-file: cannot read " + file + ": " + BoundedFile.reason(e));
        }
        if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("--bearer-token-file: " + file + " must hold one token without spaces");
        }
        return token;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        AgentConfig cfg;
        URI engine;
        Duration every;
        ListenAddress address;
        java.util.Optional<String> token;
        try {
            address = ListenAddress.parse(listen);
            ConfigSource.Resolved resolved = ConfigSource.resolve(config, host, System.getenv());
            cfg = resolved.config();
            engine = resolved.engine();
            every = interval == null ? cfg.interval() : (Duration) OptionType.DURATION.parse(interval);
            token = bearerTokenFile == null ? java.util.Optional.empty() : java.util.Optional.of(readToken(bearerTokenFile));
        } catch (ConfigException e) {
            err.println("swarmwatch: config error:");
            e.getMessage().lines().forEach(l -> err.println("  " + l));
            return Main.EXIT_UNKNOWN;
        } catch (IllegalArgumentException e) {
            err.println("swarmwatch: bad option: " + e.getMessage());
            return Main.EXIT_UNKNOWN;
        }
        // Before anything starts, so a signal during start-up is a graceful stop as well.
        StopSignals signals = StopSignals.install(System.out);
        Agent agent = new Agent(cfg, engine, Clock.systemUTC());
        java.util.Optional<AlertPipeline> alerts = openAlerts(agent, cfg, "http://" + listen);
        Daemon daemon = new Daemon(agent, every, Clock.systemUTC(), System.out, dev.swarmwatch.checks.spi.UrlCredentials.mask(engine.toString()), token, main.debug, alerts);
        try {
            daemon.start(address.host(), address.port()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            err.println("swarmwatch: cannot listen on " + listen + ": "
                    + dev.swarmwatch.checks.spi.SafeText.line(dev.swarmwatch.checks.spi.CheckResult.describe(cause)));
            closeAlerts(alerts);
            closeWithin(agent, Duration.ofSeconds(1));
            return Main.EXIT_UNKNOWN;
        }
        int exit = signals.await();
        // The cycle in flight ends by its deadline at the latest; closing gets one more second, so
        // the whole stop stays within the deadline plus 2 s whatever the engine does.
        try {
            daemon.stop().toCompletionStage().toCompletableFuture()
                    .get(agent.cycleDeadline().plusMillis(500).toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.out.println("event=stop_timeout waited_ms=" + agent.cycleDeadline().plusMillis(500).toMillis());
        } catch (java.util.concurrent.ExecutionException e) {
            dev.swarmwatch.agent.daemon.LogValues.error(System.out, "stop", e.getCause(), main.debug);
        }
        closeAlerts(alerts);
        closeWithin(agent, Duration.ofSeconds(1));
        System.out.flush();
        return exit;
    }

    /**
     * The alert pipeline when receivers are configured. A store that cannot be opened is logged and
     * shown on /healthz, never fatal: the checks run on, and transitions wait until it recovers.
     */
    private java.util.Optional<AlertPipeline> openAlerts(Agent agent, AgentConfig cfg, String externalUrl) {
        try {
            java.util.Optional<AlertPipeline> opened = Alerting.open(agent, cfg, Clock.systemUTC(), System.out, externalUrl)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            opened.ifPresent(p -> {
                StoreHealth health = p.health();
                System.out.printf(java.util.Locale.ROOT, "event=alerts_opened receivers=%d store=%s store_healthy=%b%s%n",
                        cfg.alerts().receivers().size(), dev.swarmwatch.agent.daemon.LogValues.quoted(p.store().file().toString()),
                        health.ok(), health.ok() ? "" : " reason=" + dev.swarmwatch.agent.daemon.LogValues.quoted(health.reason()));
            });
            return opened;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        } catch (Exception e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            dev.swarmwatch.agent.daemon.LogValues.error(System.out, "alerts_open", cause, main.debug);
            return java.util.Optional.empty();
        }
    }

    // Within the stop bound: what is still pending stays in the outbox for the next start.
    private void closeAlerts(java.util.Optional<AlertPipeline> alerts) {
        alerts.ifPresent(p -> {
            try {
                p.close().toCompletionStage().toCompletableFuture().get(400, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                System.out.println("event=alerts_close_timeout waited_ms=400");
            }
        });
    }

    // A Docker call stuck in the engine must not hold the process: close on the side, and go when it is late.
    private void closeWithin(Agent agent, Duration bound) throws InterruptedException {
        Thread closing = Thread.ofPlatform().daemon().name("swarmwatch-close").start(() -> {
            try {
                agent.close();
            } catch (Exception e) {
                dev.swarmwatch.agent.daemon.LogValues.error(System.out, "close", e, main.debug);
            }
        });
        closing.join(bound);
    }
}
