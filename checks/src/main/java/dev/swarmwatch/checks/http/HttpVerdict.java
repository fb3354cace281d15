package dev.swarmwatch.checks.http;

import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.SafeText;
import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.checks.spi.UrlCredentials;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.pointer.JsonPointer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Judges one HTTP answer against its target: status, body, latency, certificate. Pure. */
final class HttpVerdict {
    /** At most this many characters of a body in a detail line. */
    static final int BODY_SHOWN = 200;
    // Only the start of a body is looked at for the excerpt: a huge page costs no more than this.
    private static final int BODY_SCANNED = 4 * BODY_SHOWN;
    private static final int REASON_SHOWN = 80;

    private HttpVerdict() {
    }

    /** What came back. {@code cert} is the server's leaf certificate on HTTPS. */
    record Observation(int status, String reason, String body, long size, Duration latency, Optional<Cert> cert) {
    }

    record Cert(String subject, Instant notAfter) {
    }

    static CheckResult judge(HttpTarget t, Observation o, Instant now) {
        Status status = Status.OK;
        List<String> problems = new ArrayList<>();
        List<String> details = new ArrayList<>();
        if (!t.expectStatus().matches(o.status())) {
            status = Status.CRITICAL;
            problems.add("status " + o.status() + ", expected " + t.expectStatus().text());
            details.add("body: " + bodyStart(o.body(), t));
        } else {
            Optional<String> bodyProblem = body(t, o.body());
            if (bodyProblem.isPresent()) {
                status = Status.CRITICAL;
                problems.add(bodyProblem.get());
                details.add("body: " + bodyStart(o.body(), t));
            }
        }
        long ms = o.latency().toMillis();
        if (t.latencyCritical().isPresent() && o.latency().compareTo(t.latencyCritical().get()) >= 0) {
            status = status.worse(Status.CRITICAL);
            problems.add("took " + ms + " ms (critical at " + t.latencyCritical().get().toMillis() + " ms)");
        } else if (t.latencyWarning().isPresent() && o.latency().compareTo(t.latencyWarning().get()) >= 0) {
            status = status.worse(Status.WARNING);
            problems.add("took " + ms + " ms (warning at " + t.latencyWarning().get().toMillis() + " ms)");
        }
        String reason = SafeText.line(o.reason(), REASON_SHOWN);
        String base = o.status() + (reason.isEmpty() ? "" : " " + reason) + " in " + ms + " ms";
        List<PerfDatum> perf = new ArrayList<>();
        PerfDatum time = PerfDatum.of("time", o.latency().toNanos() / 1e9, "s");
        if (t.latencyWarning().isPresent() && t.latencyCritical().isPresent()) {
            time = time.withThresholds(t.latencyWarning().get().toNanos() / 1e9, t.latencyCritical().get().toNanos() / 1e9);
        }
        perf.add(time);
        perf.add(PerfDatum.of("status", o.status(), ""));
        perf.add(PerfDatum.of("size", o.size(), "B"));
        if (o.cert().isPresent()) {
            Cert cert = new Cert(SafeText.line(o.cert().get().subject(), REASON_SHOWN), o.cert().get().notAfter());
            long days = Duration.between(now, cert.notAfter()).toDays();
            String date = cert.notAfter().atOffset(ZoneOffset.UTC).toLocalDate().toString();
            base += ", certificate expires in " + days + " days";
            perf.add(PerfDatum.of("cert_days_left", days, "").withThresholds(t.certWarningDays(), t.certCriticalDays()));
            if (cert.notAfter().isBefore(now)) {
                status = Status.CRITICAL;
                problems.add("certificate for " + cert.subject() + " expired on " + date);
            } else if (days <= t.certCriticalDays()) {
                status = Status.CRITICAL;
                problems.add("certificate for " + cert.subject() + " expires in " + days + " days (" + date + ")");
            } else if (days <= t.certWarningDays()) {
                status = status.worse(Status.WARNING);
                problems.add("certificate for " + cert.subject() + " expires in " + days + " days (" + date + ")");
            }
        }
        String summary = problems.isEmpty() ? base : String.join("; ", problems) + "; " + base;
        return CheckResult.of(status, summary).withDetails(details).withPerfdata(perf);
    }

    private static Optional<String> body(HttpTarget t, String body) {
        if (t.bodyContains().isPresent() && !body.contains(t.bodyContains().get())) {
            return Optional.of("body does not contain \"" + t.bodyContains().get() + "\"");
        }
        if (t.bodyRegex().isPresent() && !t.bodyRegex().get().matcher(body).find()) {
            return Optional.of("body does not match /" + t.bodyRegex().get().pattern() + "/");
        }
        if (t.jsonPointer().isPresent()) {
            String pointer = t.jsonPointer().get();
            Object json;
            try {
                json = Json.decodeValue(body);
            } catch (DecodeException e) {
                return Optional.of("body is not JSON, cannot read " + pointer);
            }
            Object value = JsonPointer.from(pointer).queryJson(json);
            if (value == null) {
                return Optional.of("no value at " + pointer + " in the body");
            }
            // Compared as text: json_equals: UP matches "UP", 1 matches 1, true matches true.
            String text = value instanceof String s ? s : Json.encode(value);
            if (!text.equals(t.jsonEquals().get())) {
                return Optional.of(pointer + " is " + Json.encode(value) + ", expected " + t.jsonEquals().get());
            }
        }
        return Optional.empty();
    }

    /**
     * The start of a body on one line, for messages: controls and escape sequences removed, white
     * space collapsed, at most {@link #BODY_SHOWN} characters. A server that echoes the request
     * (a 401 page quoting the Authorization header) would show the target's secrets: the values of
     * its sensitive headers and URL credentials are masked before the cut, so no prefix survives.
     */
    static String bodyStart(String body, HttpTarget t) {
        String start = body.length() > BODY_SCANNED ? body.substring(0, BODY_SCANNED) : body;
        String line = SafeText.line(start).replaceAll("\\s+", " ").strip();
        for (Map.Entry<String, String> header : t.headers().entrySet()) {
            if (sensitive(header.getKey()) && header.getValue().strip().length() >= 4) {
                line = line.replace(header.getValue().strip(), UrlCredentials.MASK);
                int space = header.getValue().strip().indexOf(' ');
                if (space > 0) {
                    line = line.replace(header.getValue().strip().substring(space + 1).strip(), UrlCredentials.MASK);
                }
            }
        }
        for (String credential : UrlCredentials.find(t.url())) {
            line = line.replace(credential, UrlCredentials.MASK);
        }
        line = UrlCredentials.mask(line);
        if (line.isEmpty()) {
            return "(empty)";
        }
        return body.length() > BODY_SCANNED && line.length() <= BODY_SHOWN ? line + "\u2026" : SafeText.line(line, BODY_SHOWN);
    }

    private static boolean sensitive(String header) {
        String h = header.toLowerCase(java.util.Locale.ROOT);
        return h.contains("auth") || h.contains("token") || h.contains("key") || h.contains("secret")
                || h.contains("cookie") || h.contains("passw") || h.contains("session");
    }
}
