package dev.swarmwatch.agent.daemon;

import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.checks.engine.HealthReport;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.time.Instant;

/**
 * {@code /metrics} for a front-end that runs its own cycles ({@code watch --listen}): the daemon's
 * metrics, published after each cycle, on the agent's one event loop as the daemon does.
 */
public final class MetricsEndpoint {
    private final Agent agent;
    private final Metrics metrics;
    private volatile HttpServer server;

    public MetricsEndpoint(Agent agent) {
        this.agent = agent;
        this.metrics = new Metrics(agent.kinds());
    }

    /** Completes with the port listened on. */
    public Future<Integer> listen(String host, int port) {
        return agent.vertx().createHttpServer().requestHandler(this::handle).listen(port, host).map(s -> {
            server = s;
            return s.actualPort();
        });
    }

    /** A finished cycle; any thread (the metrics are set on the event loop, which also scrapes them). */
    public void publish(HealthReport report, long apiCalls, Instant finished) {
        agent.vertx().runOnContext(v -> {
            metrics.publish(report, apiCalls, finished);
            if (report.overran()) {
                metrics.overrun();
            }
        });
    }

    private void handle(HttpServerRequest request) {
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            request.response().setStatusCode(405).putHeader("allow", "GET, HEAD").end();
        } else if (!request.path().equals("/metrics")) {
            request.response().setStatusCode(404).end();
        } else {
            request.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8");
            if (request.method() == HttpMethod.HEAD) {
                request.response().end();
            } else {
                request.response().end(metrics.scrape());
            }
        }
    }

    public Future<Void> close() {
        HttpServer s = server;
        return s == null ? Future.succeededFuture() : s.close();
    }
}
