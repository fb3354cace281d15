package dev.swarmwatch.agent.daemon;

import dev.swarmwatch.dashboards.report.JsonReport;
import dev.swarmwatch.dashboards.report.ReportMeta;
import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.checks.engine.HealthReport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The long-running agent: a cycle every interval on the event loop (never two at once), and an
 * HTTP endpoint with {@code /metrics}, {@code /healthz} and {@code /api/v1/status}. One job: keep
 * the latest report and publish it.
 */
public final class Daemon {
    /** /healthz fails when the last finished cycle is older than this many intervals. */
    static final int STALE_INTERVALS = 3;

    private final Agent agent;
    private final Duration interval;
    private final Clock clock;
    private final PrintStream log;
    private final String engine;
    private final Metrics metrics;
    private final java.util.Optional<String> bearerToken;
    private volatile HttpServer server;
    private volatile long timer = -1;
    private boolean running;
    private volatile Future<HealthReport> inFlight = Future.succeededFuture();
    private volatile HealthReport latest;
    private long latestCalls;
    private volatile Instant latestAt;
    private long cycles;

    /**
     * @param bearerToken when present, /metrics and /api/v1/status require {@code Authorization: Bearer <token>};
     *                    /healthz stays open for container health checks
     */
    public Daemon(Agent agent, Duration interval, Clock clock, PrintStream log, String engine,
                  java.util.Optional<String> bearerToken) {
        this.bearerToken = bearerToken;
        this.agent = agent;
        this.interval = interval;
        this.clock = clock;
        this.log = log;
        this.engine = engine;
        this.metrics = new Metrics(agent.kinds());
    }

    /** Starts cycling and listening; completes with the port listened on. */
    public Future<Integer> start(String host, int port) {
        Vertx vertx = agent.vertx();
        return vertx.createHttpServer().requestHandler(this::handle).listen(port, host).map(s -> {
            server = s;
            vertx.runOnContext(v -> cycle());
            timer = vertx.setPeriodic(interval.toMillis(), id -> cycle());
            log.printf(Locale.ROOT, "event=started listen=%s:%d interval_ms=%d engine=%s%n", host, s.actualPort(),
                    interval.toMillis(), engine);
            return s.actualPort();
        });
    }

    private void cycle() {
        if (running) {
            log.printf("event=cycle_skipped reason=previous_cycle_still_running%n");
            return;
        }
        running = true;
        long before = agent.docker().calls();
        inFlight = agent.runOnce().onComplete(ar -> {
            running = false;
            HealthReport report = ar.result();
            latest = report;
            latestCalls = agent.docker().calls() - before;
            latestAt = clock.instant();
            cycles++;
            metrics.publish(report, latestCalls, latestAt);
            log.printf(Locale.ROOT, "event=cycle cycle=%d status=%s score=%d checks=%d not_ok=%d duration_ms=%d docker_api_calls=%d%n",
                    cycles, report.worst(), report.score(), report.checks().size(),
                    report.checks().size() - report.count(dev.swarmwatch.checks.spi.Status.OK),
                    report.duration().toMillis(), latestCalls);
        });
    }

    private void handle(HttpServerRequest request) {
        if (!request.path().equals("/healthz") && bearerToken.isPresent() && !authorized(request)) {
            request.response().setStatusCode(401).putHeader("www-authenticate", "Bearer").end();
            return;
        }
        switch (request.path()) {
            case "/healthz" -> {
                Duration age = latestAt == null ? null : Duration.between(latestAt, clock.instant());
                boolean fresh = age != null && age.compareTo(interval.multipliedBy(STALE_INTERVALS)) <= 0;
                String body = latestAt == null ? "{\"status\":\"starting\",\"cycles\":0}"
                        : String.format(Locale.ROOT, "{\"status\":\"%s\",\"cycles\":%d,\"last_cycle_age_seconds\":%.1f}",
                        fresh ? "ok" : "stale", cycles, age.toMillis() / 1000.0);
                request.response().setStatusCode(fresh ? 200 : 503).putHeader("content-type", "application/json").end(body);
            }
            case "/api/v1/status" -> {
                if (latest == null) {
                    request.response().setStatusCode(503).putHeader("content-type", "application/json")
                            .end("{\"status\":\"starting\"}");
                } else {
                    request.response().putHeader("content-type", "application/json")
                            .end(JsonReport.render(latest, new ReportMeta(engine, latestCalls)));
                }
            }
            case "/metrics" -> request.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                    .end(metrics.scrape());
            default -> request.response().setStatusCode(404).end();
        }
    }

    private boolean authorized(HttpServerRequest request) {
        String given = request.getHeader("authorization");
        byte[] expected = ("Bearer " + bearerToken.orElseThrow()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // Constant time, so the answer's timing does not leak how much of a guess was right.
        return given != null && java.security.MessageDigest.isEqual(
                given.getBytes(java.nio.charset.StandardCharsets.UTF_8), expected);
    }

    /** Stops cycling, lets an in-flight cycle finish (its checks are bounded by their timeouts), stops listening. */
    public Future<Void> stop() {
        Vertx vertx = agent.vertx();
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        return inFlight.transform(ar -> server == null ? Future.<Void>succeededFuture() : server.close())
                .onComplete(ar -> log.printf("event=stopped cycles=%d%n", cycles));
    }
}
