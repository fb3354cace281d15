package dev.swarmwatch.agent.run;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.checks.engine.ConfiguredKind;
import dev.swarmwatch.checks.engine.CycleRunner;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.http.HttpKind;
import dev.swarmwatch.checks.patroni.PatroniKind;
import dev.swarmwatch.checks.postgres.PostgresKind;
import dev.swarmwatch.checks.redis.RedisKind;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.swarm.DockerApi;
import dev.swarmwatch.checks.swarm.SwarmKinds;
import dev.swarmwatch.checks.swarm.SwarmReader;
import dev.swarmwatch.checks.swarm.SwarmSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The wired engine: Vert.x, the Docker API, the registered check kinds and the cycle runner.
 * Every front-end (report, daemon, dashboard) gets its health reports from here.
 */
public final class Agent implements AutoCloseable {
    private final Vertx vertx;
    private final ExecutorService virtualThreads;
    private final DockerApi docker;
    private final CycleRunner cycles;
    private final List<CheckKind> enabledKinds;

    public Agent(AgentConfig config, URI engineHost, Clock clock) {
        this.docker = new DockerApi(engineHost, config.engineTimeout(), config.engineTls());
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        this.virtualThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("swarmwatch-io-", 0).factory());
        SwarmSource swarm = new SwarmSource(new SwarmReader(docker, clock));
        List<ConfiguredKind> enabled = new ArrayList<>();
        for (CheckKind kind : kinds(swarm)) {
            KindOptions options = new KindOptions(kind, config, swarm);
            if (options.enabled()) {
                enabled.add(new ConfiguredKind(kind, options));
            }
        }
        this.cycles = new CycleRunner(vertx, clock, virtualThreads, enabled);
        this.enabledKinds = enabled.stream().map(ConfiguredKind::kind).toList();
    }

    /** Every check kind swarmwatch has: one registration line per kind. */
    public static List<CheckKind> kinds(SwarmSource swarm) {
        List<CheckKind> kinds = new ArrayList<>(SwarmKinds.all(swarm));
        kinds.add(new HttpKind());
        kinds.add(new PostgresKind());
        kinds.add(new PatroniKind());
        kinds.add(new RedisKind());
        return List.copyOf(kinds);
    }

    public Future<HealthReport> runOnce() {
        return cycles.runOnce();
    }

    public DockerApi docker() {
        return docker;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** The kinds this agent runs, as configured. */
    public List<CheckKind> kinds() {
        return enabledKinds;
    }

    @Override
    public void close() throws IOException {
        try {
            vertx.close().await();
        } finally {
            virtualThreads.shutdownNow();
            docker.close();
        }
    }
}
