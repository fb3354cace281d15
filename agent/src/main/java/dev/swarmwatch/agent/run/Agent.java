package dev.swarmwatch.agent.run;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.config.SecretValues;
import dev.swarmwatch.checks.engine.ConfiguredKind;
import dev.swarmwatch.checks.engine.CycleRunner;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.http.HttpKind;
import dev.swarmwatch.checks.patroni.PatroniKind;
import dev.swarmwatch.checks.postgres.PostgresKind;
import dev.swarmwatch.checks.redis.RedisKind;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.Redactor;
import dev.swarmwatch.checks.swarm.Corroboration;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The wired engine: Vert.x, the Docker API, the registered check kinds and the cycle runner.
 * Every front-end (report, daemon, dashboard) gets its health reports from here.
 */
public final class Agent implements AutoCloseable {
    /** The longest {@link #close} waits for Vert.x. */
    static final Duration CLOSE_BOUND = Duration.ofSeconds(2);
    private final Vertx vertx;
    private final ExecutorService virtualThreads;
    private final DockerApi docker;
    private final CycleRunner cycles;
    private final List<CheckKind> enabledKinds;
    private final SwarmSource swarm;
    private final Redactor redactor;
    // Secrets of the targets handed out so far, service labels included: known only once the swarm is read.
    private final Set<String> targetSecrets = ConcurrentHashMap.newKeySet();

    public Agent(AgentConfig config, URI engineHost, Clock clock) {
        this.docker = new DockerApi(engineHost, config.engineTimeout(), config.engineTls());
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        this.virtualThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("swarmwatch-io-", 0).factory());
        this.swarm = new SwarmSource(new SwarmReader(docker, clock));
        List<ConfiguredKind> enabled = new ArrayList<>();
        List<CheckKind> all = kinds(swarm);
        this.redactor = Redactor.of(SecretValues.of(config, all, dev.swarmwatch.alerts.Notifiers.all()));
        for (CheckKind kind : all) {
            KindOptions options = new KindOptions(kind, config, swarm);
            if (options.enabled()) {
                enabled.add(new ConfiguredKind(kind, new TargetSecrets(options, kind.options(), targetSecrets)));
            }
        }
        this.cycles = new CycleRunner(vertx, clock, virtualThreads, enabled, CycleDeadline.of(config));
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

    /**
     * One cycle, with contradictions between its checks named (see {@link Corroboration}). Its
     * report is redacted here, once for every front-end: no secret of the config and
     * no URL credential reaches a report, a log line or a metric, even one a probed server echoed.
     */
    public Future<HealthReport> runOnce() {
        return cycles.runOnce().map(Corroboration::apply).map(this::redact);
    }

    private HealthReport redact(HealthReport report) {
        Redactor now = targetSecrets.isEmpty() ? redactor : redactor.with(targetSecrets);
        List<CheckReport> checks = report.checks().stream().map(now::report).toList();
        return new HealthReport(report.time(), report.duration(), checks, report.unfinished());
    }

    /** What hides this config's secrets; for any other output the agent's users build. */
    public Redactor redactor() {
        return redactor;
    }

    /**
     * A cycle that also ends when {@code endEarly} completes, reporting what had not finished: the
     * daemon ends a cycle so when the next one is due.
     */
    public Future<HealthReport> runOnce(Future<?> endEarly) {
        return cycles.runOnce(endEarly).map(Corroboration::apply).map(this::redact);
    }

    /** How long a cycle may take as a whole, see {@link CycleDeadline}. */
    public java.time.Duration cycleDeadline() {
        return cycles.deadline();
    }

    /** The Swarm snapshot the latest cycle's checks judged, when the swarm kinds ran: the dashboard's tasks and nodes. */
    public java.util.Optional<dev.swarmwatch.checks.swarm.SwarmSnapshot> latestSnapshot() {
        return swarm.latest();
    }

    public DockerApi docker() {
        return docker;
    }

    /** Docker API calls made so far; a cycle's count is the difference across it. */
    public long dockerCalls() {
        return docker.calls();
    }

    public Vertx vertx() {
        return vertx;
    }

    /** The kinds this agent runs, as configured. */
    public List<CheckKind> kinds() {
        return enabledKinds;
    }

    /**
     * Closes within {@link #CLOSE_BOUND}: Vert.x waits for its clients, and an HTTP probe's connect
     * to a listener whose backlog is full stays pending in the kernel long after the probe's own
     * deadline reported it. Past the bound the rest is left to the process's exit.
     */
    @Override
    public void close() throws IOException {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // Nothing of a cycle is lost here: every report was handed out before close.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            virtualThreads.shutdownNow();
            docker.close();
        }
    }
}
