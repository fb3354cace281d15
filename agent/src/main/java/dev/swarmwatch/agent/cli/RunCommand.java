package dev.swarmwatch.agent.cli;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.config.ConfigException;
import dev.swarmwatch.agent.daemon.Daemon;
import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.checks.spi.OptionType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The daemon: a check cycle every interval, /healthz and /api/v1/status; stops gracefully on SIGTERM/SIGINT. */
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

    /** The token file's content without trailing newlines; its content never appears in a message. */
    private static String readToken(Path file) {
        String token;
        try {
            token = java.nio.file.Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--bearer-token-file: cannot read " + file + ": " + e.getClass().getSimpleName());
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
        String listenHost;
        int listenPort;
        java.util.Optional<String> token;
        try {
            ConfigSource.Resolved resolved = ConfigSource.resolve(config, host, System.getenv());
            cfg = resolved.config();
            engine = resolved.engine();
            every = interval == null ? cfg.interval() : (Duration) OptionType.DURATION.parse(interval);
            int colon = listen.lastIndexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("--listen: expected host:port, got \"" + listen + "\"");
            }
            listenHost = listen.substring(0, colon);
            listenPort = Integer.parseInt(listen.substring(colon + 1));
            token = bearerTokenFile == null ? java.util.Optional.empty() : java.util.Optional.of(readToken(bearerTokenFile));
        } catch (ConfigException e) {
            err.println("swarmwatch: config error:");
            e.getMessage().lines().forEach(l -> err.println("  " + l));
            return Main.EXIT_UNKNOWN;
        } catch (IllegalArgumentException e) {
            err.println("swarmwatch: bad option: " + e.getMessage());
            return Main.EXIT_UNKNOWN;
        }
        Agent agent = new Agent(cfg, engine, Clock.systemUTC());
        Daemon daemon = new Daemon(agent, every, Clock.systemUTC(), System.out, dev.swarmwatch.checks.spi.UrlCredentials.mask(engine.toString()), token);
        try {
            daemon.start(listenHost, listenPort).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            err.println("swarmwatch: cannot listen on " + listen + ": " + e.getCause());
            agent.close();
            return Main.EXIT_UNKNOWN;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                daemon.stop().toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
                agent.close();
            } catch (Exception e) {
                System.err.println("event=stop_failed error=\"" + e + "\"");
            } finally {
                System.out.flush();
                stopped.countDown();
            }
        }, "swarmwatch-stop"));
        stopped.await();
        return 0;
    }
}
