package dev.swarmwatch.agent.daemon;

import dev.swarmwatch.dashboards.report.JsonReport;
import dev.swarmwatch.dashboards.report.ReportMeta;
import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.alerts.pipeline.AlertPipeline;
import dev.swarmwatch.alerts.store.StoreHealth;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.Status;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The long-running agent: a cycle every interval on the event loop (never two at once), and an
 * HTTP endpoint with {@code /metrics}, {@code /healthz}, {@code /api/v1/status} and, with alerting,
 * the endpoints of {@link AlertsApi}. One job: keep
 * the latest report and publish it. A cycle still running when the next is due is ended there (it
 * reports what had not finished) and counted as an overrun, so the next one starts on time.
 */
public final class Daemon {
    /** /healthz fails when the last finished cycle is older than this many intervals. */
    static final int STALE_INTERVALS = 3;
    private static final String JSON = "application/json";

    private final Agent agent;
    private final Duration interval;
    private final Clock clock;
    private final PrintStream log;
    private final String engine;
    private final Metrics metrics;
    private final Optional<String> bearerToken;
    private final boolean debug;
    private final Optional<AlertPipeline> alerts;
    private final AlertsApi alertsApi;
    private final AlertMetrics alertMetrics;
    private volatile HttpServer server;
    private volatile long timer = -1;
    // Event-loop state: the cycle in flight and how to end it, whether the next is due, stopping.
    private Promise<Void> endInFlight;
    private boolean nextDue;
    private boolean stopping;
    private volatile Future<HealthReport> inFlight = Future.succeededFuture();
    private volatile HealthReport latest;
    private volatile long latestCalls;
    private volatile Instant latestAt;
    private volatile String degraded;
    private volatile long cycles;

    /**
     * @param bearerToken when present, /metrics and /api/v1/status require {@code Authorization: Bearer <token>};
     *                    /healthz stays open for container health checks
     * @param debug       an unexpected exception is logged with its stack, not only its class and message
     */
    public Daemon(Agent agent, Duration interval, Clock clock, PrintStream log, String engine,
                  Optional<String> bearerToken, boolean debug) {
        this(agent, interval, clock, log, engine, bearerToken, debug, Optional.empty());
    }

    /**
     * @param alerts when present, every cycle's report goes to it, its figures to /metrics, its
     *               store's health to /healthz, and /api/v1/alerts and /api/v1/silences serve it
     */
    public Daemon(Agent agent, Duration interval, Clock clock, PrintStream log, String engine,
                  Optional<String> bearerToken, boolean debug, Optional<AlertPipeline> alerts) {
        this.alerts = alerts;
        this.agent = agent;
        this.interval = interval;
        this.clock = clock;
        this.log = log;
        this.engine = engine;
        this.bearerToken = bearerToken;
        this.debug = debug;
        this.metrics = new Metrics(agent.kinds());
        this.alertsApi = new AlertsApi(alerts, clock, log);
        this.alertMetrics = new AlertMetrics(metrics.registry());
    }

    /** Starts cycling and listening; completes with the port listened on. */
    public Future<Integer> start(String host, int port) {
        Vertx vertx = agent.vertx();
        vertx.exceptionHandler(e -> LogValues.error(log, "event_loop", e, debug));
        return vertx.createHttpServer().requestHandler(this::handleSafely).listen(port, host).map(s -> {
            server = s;
            vertx.runOnContext(v -> due());
            timer = vertx.setPeriodic(interval.toMillis(), id -> due());
            log.printf(Locale.ROOT, "event=started listen=%s:%d interval_ms=%d cycle_deadline_ms=%d engine=%s%n", host,
                    s.actualPort(), interval.toMillis(), agent.cycleDeadline().toMillis(), LogValues.quoted(engine));
            return s.actualPort();
        });
    }

    private void due() {
        if (stopping) {
            return;
        }
        if (endInFlight != null) {
            nextDue = true;
            endInFlight.tryComplete();
            return;
        }
        Promise<Void> end = Promise.promise();
        endInFlight = end;
        long before = agent.dockerCalls();
        inFlight = agent.runOnce(end.future()).onComplete(ar -> {
            endInFlight = null;
            try {
                finished(ar.result(), agent.dockerCalls() - before);
            } catch (RuntimeException e) {
                LogValues.error(log, "cycle", e, debug);
            }
            if (nextDue) {
                nextDue = false;
                due();
            }
        });
    }

    private void finished(HealthReport report, long calls) {
        latest = report;
        latestCalls = calls;
        latestAt = clock.instant();
        cycles++;
        metrics.publish(report, calls, latestAt);
        // The pipeline commits on its own context; a failed commit is its own log line and retry.
        alerts.ifPresent(p -> p.onReport(report));
        if (report.overran()) {
            metrics.overrun();
            String why = nextDue ? "the next cycle was due" : "its deadline of " + agent.cycleDeadline().toMillis() + "ms came";
            degraded = String.format(Locale.ROOT, "cycle %d overran: %d unfinished when %s (%s)", cycles,
                    report.unfinished().size(), why, String.join(", ", report.unfinished()));
            log.printf(Locale.ROOT, "event=cycle_overrun cycle=%d duration_ms=%d deadline_ms=%d next_due=%b unfinished=%d first=%s%n",
                    cycles, report.duration().toMillis(), agent.cycleDeadline().toMillis(), nextDue,
                    report.unfinished().size(), LogValues.quoted(report.unfinished().get(0)));
        } else {
            degraded = null;
        }
        log.printf(Locale.ROOT, "event=cycle cycle=%d status=%s score=%d checks=%d not_ok=%d duration_ms=%d docker_api_calls=%d%n",
                cycles, report.worst(), report.score(), report.checks().size(),
                report.checks().size() - report.count(Status.OK), report.duration().toMillis(), calls);
    }

    private void handleSafely(HttpServerRequest request) {
        try {
            handle(request);
        } catch (RuntimeException e) {
            LogValues.error(log, "http", e, debug);
            if (!request.response().ended()) {
                request.response().setStatusCode(500).end();
            }
        }
    }

    private void handle(HttpServerRequest request) {
        boolean alertPath = AlertsApi.owns(request.path());
        if (!alertPath && request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            request.response().setStatusCode(405).putHeader("allow", "GET, HEAD").end();
            return;
        }
        if (!request.path().equals("/healthz") && bearerToken.isPresent() && !authorized(request)) {
            request.response().setStatusCode(401).putHeader("www-authenticate", "Bearer").end();
            return;
        }
        if (alertPath) {
            alertsApi.handle(request);
            return;
        }
        switch (request.path()) {
            case "/healthz" -> healthz(request);
            case "/api/v1/status" -> {
                HealthReport report = latest;
                if (report == null) {
                    reply(request, 503, JSON, "{\"status\":\"starting\"}");
                } else {
                    reply(request, 200, JSON, JsonReport.render(report, new ReportMeta(engine, latestCalls)));
                }
            }
            case "/metrics" -> {
                alerts.ifPresent(p -> alertMetrics.update(p.view(), p.stats(), clock.instant()));
                reply(request, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
            }
            default -> request.response().setStatusCode(404).end();
        }
    }

    // HEAD gets the headers GET would, without the body.
    private static void reply(HttpServerRequest request, int status, String contentType, String body) {
        request.response().setStatusCode(status).putHeader("content-type", contentType);
        if (request.method() == HttpMethod.HEAD) {
            request.response().putHeader("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length)).end();
        } else {
            request.response().end(body);
        }
    }

    // ok, degraded (the last cycle overran: still serving, but not everything was checked), stale, starting.
    private void healthz(HttpServerRequest request) {
        Instant at = latestAt;
        String reason = degraded;
        StoreHealth store = alerts.map(AlertPipeline::health).orElse(StoreHealth.OK);
        if (!store.ok()) {
            String why = "alert store degraded: " + store.reason();
            reason = reason == null ? why : reason + "; " + why;
        }
        Duration age = at == null ? null : Duration.between(at, clock.instant());
        boolean fresh = age != null && age.compareTo(interval.multipliedBy(STALE_INTERVALS)) <= 0;
        String body = at == null ? "{\"status\":\"starting\",\"cycles\":0}"
                : String.format(Locale.ROOT, "{\"status\":\"%s\",\"cycles\":%d,\"last_cycle_age_seconds\":%.1f%s}",
                !fresh ? "stale" : reason != null ? "degraded" : "ok", cycles, age.toMillis() / 1000.0,
                reason == null ? "" : ",\"reason\":" + io.vertx.core.json.Json.encode(reason));
        reply(request, fresh ? 200 : 503, JSON, body);
    }

    private boolean authorized(HttpServerRequest request) {
        String given = request.getHeader("authorization");
        byte[] expected = ("Bearer " + bearerToken.orElseThrow()).getBytes(StandardCharsets.UTF_8);
        // Constant time, so the answer's timing does not leak how much of a guess was right.
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected);
    }

    /**
     * Stops cycling, lets an in-flight cycle finish (bounded by the cycle deadline), stops listening.
     * May be called from any thread.
     */
    public Future<Void> stop() {
        Vertx vertx = agent.vertx();
        Promise<Future<HealthReport>> last = Promise.promise();
        vertx.runOnContext(v -> {
            stopping = true;
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            last.complete(inFlight);
        });
        return last.future().compose(f -> f.transform(ar -> server == null ? Future.<Void>succeededFuture() : server.close()))
                .onComplete(ar -> log.printf("event=stopped cycles=%d%n", cycles));
    }
}
