package dev.swarmwatch.alerts.notify;

import dev.swarmwatch.checks.spi.SafeText;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * What an HTTP receiver's answer means for delivery, shared by the HTTP notifiers: 2xx delivered;
 * 408, 429 and 5xx worth a retry (with {@code Retry-After} on 429 and 503); any other status refused
 * for good. Reasons name the status and the start of the body, sanitized and bounded, and never the
 * URL: a Slack webhook URL is itself a secret.
 */
public final class HttpAnswer {
    /** How much of a receiver's body a reason quotes. */
    public static final int EXCERPT = 200;
    /** A request's own bound, beside the outbox's per-attempt deadline, so no connection lingers. */
    public static final long REQUEST_TIMEOUT_MS = 30_000;

    private HttpAnswer() {
    }

    /** POSTs {@code body} and maps every outcome, answer or failure, to a {@link Delivery}. */
    public static Future<Delivery> post(WebClient client, String url, Map<String, String> headers, Buffer body,
                                        Clock clock, Collection<String> secrets) {
        HttpRequest<Buffer> request;
        try {
            request = client.postAbs(url).timeout(REQUEST_TIMEOUT_MS);
        } catch (RuntimeException e) {
            return Future.succeededFuture(new Delivery.Rejected(0, "bad receiver URL (" + e.getClass().getSimpleName() + ")"));
        }
        headers.forEach(request::putHeader);
        return request.sendBuffer(body).map(r -> of(r, clock, secrets)).otherwise(HttpAnswer::failure);
    }

    static Delivery of(HttpResponse<Buffer> r, Clock clock, Collection<String> secrets) {
        return of(r.statusCode(), r.getHeader("Retry-After"), r.bodyAsString(), clock, secrets);
    }

    public static Delivery of(int status, String retryAfter, String body, Clock clock, Collection<String> secrets) {
        if (status >= 200 && status < 300) {
            return new Delivery.Delivered(status);
        }
        String reason = "HTTP " + status + excerpt(body, secrets);
        if (status == 429 || status == 503) {
            return new Delivery.Retry(retryAfter(retryAfter, clock), reason);
        }
        if (status == 408 || status >= 500) {
            return new Delivery.Retry(Optional.empty(), reason);
        }
        return new Delivery.Rejected(status, status >= 300 && status < 400 ? reason + " (redirects are not followed)" : reason);
    }

    /** A request that got no answer: the kind of failure in words, no address (it may hold a secret). */
    public static Delivery failure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return retry(t.getMessage() != null && t.getMessage().contains("timed out") ? "connect timed out" : "connection refused");
            }
            if (t instanceof UnknownHostException) {
                return retry("unknown host");
            }
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return retry("no answer within " + REQUEST_TIMEOUT_MS / 1000 + "s");
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return retry("TLS handshake failed");
            }
            if (t instanceof io.vertx.core.http.HttpClosedException || t instanceof java.io.IOException) {
                return retry("connection closed before an answer");
            }
        }
        return retry("request failed (" + error.getClass().getSimpleName() + ")");
    }

    private static Delivery retry(String reason) {
        return new Delivery.Retry(Optional.empty(), reason);
    }

    /** {@code Retry-After} as seconds or an HTTP date; empty when absent or unreadable. */
    public static Optional<Duration> retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String h = header.strip();
        if (h.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(h)));
        }
        try {
            Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String excerpt(String body, Collection<String> secrets) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body;
        for (String s : secrets) {
            if (s != null && s.length() >= 4) {
                text = text.replace(s, "***");
            }
        }
        return ": " + SafeText.line(text.strip(), EXCERPT);
    }
}
