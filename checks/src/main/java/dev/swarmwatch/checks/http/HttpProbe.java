package dev.swarmwatch.checks.http;

import dev.swarmwatch.checks.spi.CheckContext;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Durations;
import dev.swarmwatch.checks.spi.FailureWords;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Probes one HTTP endpoint, non-blocking. Uses Vert.x's core HttpClient, the layer under WebClient,
 * because only it exposes the connection, and so the server's certificate for the expiry check.
 * One client per Vert.x instance and TLS-verification setting, reused across cycles, but no
 * keep-alive: every probe connects afresh, so the time includes connect and handshake, a changed
 * certificate or a failing handshake shows at once instead of hiding behind a pooled connection.
 */
public final class HttpProbe {
    /** The most of a body a probe reads: body_contains, body_regex and json_pointer see this much. */
    static final int MAX_BODY = 1 << 20;

    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    public Future<CheckResult> probe(CheckContext context, HttpTarget target) {
        Vertx vertx = context.vertx();
        HttpClient client = clients.computeIfAbsent(System.identityHashCode(vertx) + ":" + target.tlsVerify(),
                k -> vertx.createHttpClient(new HttpClientOptions()
                        .setKeepAlive(false).setTrustAll(!target.tlsVerify()).setVerifyHost(target.tlsVerify())));
        long timeoutMs = Math.max(1, target.timeout().toMillis());
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.valueOf(target.method()))
                .setAbsoluteURI(target.url())
                .setFollowRedirects(target.followRedirects())
                .setConnectTimeout(timeoutMs)
                .setIdleTimeout(timeoutMs);
        target.headers().forEach(request::putHeader);

        Promise<CheckResult> result = Promise.promise();
        long started = System.nanoTime();
        // Whether the connection (and TLS handshake) was made when time ran out: a full backlog or a
        // dropped SYN is "connection timed out", a server that accepted and went silent is "no answer".
        AtomicBoolean connected = new AtomicBoolean();
        long timer = vertx.setTimer(timeoutMs, id -> result.tryComplete(CheckResult.critical(
                (connected.get() ? "no answer within " : "connection timed out (none within ")
                        + Durations.format(target.timeout()) + (connected.get() ? "" : ")") + ": " + target.url())));
        client.request(request)
                .compose(req -> {
                    connected.set(true);
                    return req.send();
                })
                .compose(resp -> bodyUpTo(resp, MAX_BODY).map(body -> new HttpVerdict.Observation(resp.statusCode(),
                        resp.statusMessage(), body.toString(), body.length(),
                        Duration.ofNanos(System.nanoTime() - started), certificate(resp))))
                .onComplete(ar -> {
                    vertx.cancelTimer(timer);
                    if (ar.succeeded()) {
                        result.tryComplete(HttpVerdict.judge(target, ar.result(), context.clock().instant()));
                        return;
                    }
                    Optional<String> known = networkFailure(ar.cause(), target);
                    if (known.isPresent()) {
                        result.tryComplete(CheckResult.critical(known.get() + ": " + target.url())
                                .withDetails(List.of(FailureWords.detail(ar.cause()))));
                    } else {
                        result.tryFail(ar.cause());
                    }
                });
        return result.future();
    }

    /**
     * The body, read up to {@code max} bytes: a server that answers with an endless or huge body
     * is judged on its first {@code max} bytes and its connection dropped, so a probe's memory is
     * bounded whatever the server sends.
     */
    static Future<Buffer> bodyUpTo(HttpClientResponse response, int max) {
        Promise<Buffer> read = Promise.promise();
        Buffer body = Buffer.buffer();
        response.exceptionHandler(read::tryFail);
        response.endHandler(v -> read.tryComplete(body));
        response.handler(chunk -> {
            if (read.future().isComplete()) {
                return;
            }
            int room = max - body.length();
            if (chunk.length() <= room) {
                body.appendBuffer(chunk);
                return;
            }
            body.appendBuffer(chunk.slice(0, room));
            read.tryComplete(body);
            response.request().reset();
        });
        return read.future();
    }

    private static Optional<HttpVerdict.Cert> certificate(HttpClientResponse response) {
        HttpConnection connection = response.request().connection();
        if (connection == null || !connection.isSsl()) {
            return Optional.empty();
        }
        try {
            return connection.peerCertificates().stream()
                    .filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast).findFirst()
                    .map(c -> new HttpVerdict.Cert(c.getSubjectX500Principal().getName(), c.getNotAfter().toInstant()));
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    /** The failures that are an answer about the endpoint; anything else goes to the runner as UNKNOWN. */
    static Optional<String> networkFailure(Throwable error, HttpTarget target) {
        Optional<String> words = FailureWords.network(error);
        if (words.isPresent()) {
            return words;
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpClosedException) {
                return Optional.of("connection closed before an answer");
            }
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return Optional.of("no answer within " + Durations.format(target.timeout()));
            }
        }
        return Optional.empty();
    }
}
