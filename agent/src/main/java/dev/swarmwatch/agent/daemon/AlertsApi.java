package dev.swarmwatch.agent.daemon;

import dev.swarmwatch.alerts.pipeline.AlertPipeline;
import dev.swarmwatch.alerts.silence.Silence;
import dev.swarmwatch.alerts.store.OutboxEntry;
import dev.swarmwatch.alerts.store.OutboxState;
import dev.swarmwatch.checks.spi.CheckResult;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The daemon's alert endpoints: {@code GET /api/v1/alerts} (alerts, silences, the outbox),
 * {@code GET|POST /api/v1/silences} and {@code DELETE /api/v1/silences/{id}}. The daemon has
 * checked the bearer token before a request gets here.
 */
public final class AlertsApi {
    static final String ALERTS = "/api/v1/alerts";
    static final String SILENCES = "/api/v1/silences";
    /** Undeliverable notifications listed, newest first. */
    static final int UNDELIVERABLE_SHOWN = 50;

    private final Optional<AlertPipeline> pipeline;
    private final Clock clock;
    private final PrintStream log;

    public AlertsApi(Optional<AlertPipeline> pipeline, Clock clock, PrintStream log) {
        this.pipeline = pipeline;
        this.clock = clock;
        this.log = log;
    }

    public static boolean owns(String path) {
        return path.equals(ALERTS) || path.equals(SILENCES) || path.startsWith(SILENCES + "/");
    }

    /** Answers a request {@link #owns} claims; the caller has checked the bearer token. */
    public void handle(HttpServerRequest request) {
        String path = request.path();
        HttpMethod method = request.method();
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        if (path.equals(ALERTS) && !read) {
            notAllowed(request, "GET, HEAD");
        } else if (path.equals(SILENCES) && !read && method != HttpMethod.POST) {
            notAllowed(request, "GET, HEAD, POST");
        } else if (path.startsWith(SILENCES + "/") && method != HttpMethod.DELETE) {
            notAllowed(request, "DELETE");
        } else if (pipeline.isEmpty()) {
            error(request, 404, "alerting is off: the config has no receivers");
        } else if (path.equals(ALERTS)) {
            alerts(request, pipeline.get());
        } else if (path.equals(SILENCES) && read) {
            answer(request, pipeline.get().silences().map(all -> json(200, AlertsJson.silences(all, clock.instant()).encode())));
        } else if (path.equals(SILENCES)) {
            add(request, pipeline.get());
        } else {
            expire(request, pipeline.get(), path.substring(SILENCES.length() + 1));
        }
    }

    private void alerts(HttpServerRequest request, AlertPipeline p) {
        Future<List<OutboxEntry>> given = Future.fromCompletionStage(p.store().outbox(OutboxState.UNDELIVERABLE, UNDELIVERABLE_SHOWN))
                .recover(e -> Future.succeededFuture(List.of()));
        answer(request, Future.all(p.silences(), given).map(all -> json(200, AlertsJson.alerts(p.view(),
                all.resultAt(0), p.stats(), all.resultAt(1), clock.instant()).encode())));
    }

    private void add(HttpServerRequest request, AlertPipeline p) {
        String length = request.getHeader("content-length");
        if (length != null && (!length.matches("\\d{1,10}") || Long.parseLong(length) > SilenceRequest.MAX_BODY)) {
            // Refused before it is read: a silence is a few hundred bytes.
            error(request, 413, "body: larger than " + SilenceRequest.MAX_BODY + " bytes");
            return;
        }
        answer(request, request.body().compose(body -> {
            Silence silence;
            try {
                silence = SilenceRequest.parse(body, clock.instant());
            } catch (IllegalArgumentException e) {
                return Future.succeededFuture(problem(400, e.getMessage()));
            }
            return p.silence(silence).map(s -> {
                log.printf(Locale.ROOT, "event=silence_added id=%s matchers=%s ends_at=%s created_by=%s%n", s.id(),
                        LogValues.quoted(s.matchers().toString()), s.endsAt(), LogValues.quoted(s.createdBy()));
                return new Reply(201, AlertsJson.silence(s, clock.instant()).encode(), SILENCES + "/" + s.id());
            });
        }));
    }

    private void expire(HttpServerRequest request, AlertPipeline p, String id) {
        if (id.isEmpty() || id.length() > 100 || !id.matches("[A-Za-z0-9-]+")) {
            error(request, 404, "no silence with that id");
            return;
        }
        answer(request, p.expire(id).map(found -> found.map(s -> {
            log.printf(Locale.ROOT, "event=silence_expired id=%s%n", s.id());
            return json(200, AlertsJson.silence(s, clock.instant()).encode());
        }).orElseGet(() -> problem(404, "no silence with id " + id))));
    }

    private record Reply(int status, String body, String location) {
    }

    private static Reply json(int status, String body) {
        return new Reply(status, body, null);
    }

    private static Reply problem(int status, String message) {
        return json(status, new JsonObject().put("error", message).encode());
    }

    private void answer(HttpServerRequest request, Future<Reply> reply) {
        reply.onComplete(ar -> {
            if (request.response().ended()) {
                return;
            }
            Reply r = ar.succeeded() ? ar.result()
                    : problem(500, "the alert store failed: " + CheckResult.describe(ar.cause()));
            if (ar.failed()) {
                LogValues.error(log, "alerts_api", ar.cause(), false);
            }
            if (r.location() != null) {
                request.response().putHeader("location", r.location());
            }
            send(request, r.status(), r.body());
        });
    }

    private static void error(HttpServerRequest request, int status, String message) {
        send(request, status, problem(status, message).body());
    }

    private static void notAllowed(HttpServerRequest request, String allow) {
        request.response().putHeader("allow", allow);
        error(request, 405, "method " + request.method() + " not allowed here; allowed: " + allow);
    }

    private static void send(HttpServerRequest request, int status, String body) {
        request.response().setStatusCode(status).putHeader("content-type", "application/json");
        if (request.method() == HttpMethod.HEAD) {
            request.response().putHeader("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length)).end();
        } else {
            request.response().end(body);
        }
    }
}
