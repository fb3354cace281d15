package dev.swarmwatch.checks.http;

import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.CheckTarget;
import dev.swarmwatch.checks.spi.DeclaredKind;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.MetricName;
import dev.swarmwatch.checks.spi.OptionType;
import dev.swarmwatch.checks.spi.Options;
import dev.swarmwatch.checks.spi.PlannedCheck;
import dev.swarmwatch.checks.spi.OptionProblem;
import dev.swarmwatch.checks.spi.Replica;
import dev.swarmwatch.checks.spi.Validation;
import dev.swarmwatch.checks.spi.ValueChecks;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * HTTP endpoints: status, latency, body, certificate expiry; per replica when the URL names one
 * ({@code {{slot}}}, {@code {{address}}}), so "1 of 3 replicas unhealthy" shows.
 */
public final class HttpKind implements DeclaredKind {
    private static final Set<String> SCHEMES = Set.of("http", "https");

    private final HttpProbe probe = new HttpProbe();

    @Override
    public String name() {
        return "http";
    }

    @Override
    public String description() {
        return "HTTP endpoints: status codes and ranges, latency, body contains / regex / JSON pointer, TLS certificate expiry; per replica";
    }

    @Override
    public Map<String, MetricName> metrics() {
        return Map.of("time", MetricName.of("swarmwatch_http_response_seconds", "HTTP answer time"),
                "status", MetricName.of("swarmwatch_http_status_code", "HTTP status code of the last answer"));
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.required("url", OptionType.STRING, "http(s) URL; {{slot}} / {{address}} make one check per replica"),
                new OptionSpec("method", OptionType.STRING, "GET", "request method"),
                OptionSpec.optional("headers", OptionType.STRING, "request headers, one 'Name: value' per line"),
                OptionSpec.secret("authorization", "Authorization header value, e.g. Bearer ..."),
                new OptionSpec("expect_status", OptionType.STRING, "200-299", "expected status codes and ranges, e.g. 200-299,301"),
                OptionSpec.optional("body_contains", OptionType.STRING, "the body must contain this text"),
                OptionSpec.optional("body_regex", OptionType.STRING, "the body must match this regular expression"),
                OptionSpec.optional("json_pointer", OptionType.STRING, "with json_equals: a JSON pointer into the body, e.g. /status"),
                OptionSpec.optional("json_equals", OptionType.STRING, "the value at json_pointer, as text, e.g. UP"),
                OptionSpec.optional("latency_warning", OptionType.DURATION, "answer time for WARNING"),
                OptionSpec.optional("latency_critical", OptionType.DURATION, "answer time for CRITICAL"),
                new OptionSpec(TIMEOUT, OptionType.DURATION, Duration.ofSeconds(5), "no answer within this is CRITICAL"),
                INTERVAL,
                new OptionSpec("tls_verify", OptionType.BOOLEAN, true, "verify the server certificate and host name"),
                new OptionSpec("cert_warning_days", OptionType.INTEGER, 14, "certificate expiry within this many days: WARNING"),
                new OptionSpec("cert_critical_days", OptionType.INTEGER, 7, "certificate expiry within this many days: CRITICAL"),
                new OptionSpec("follow_redirects", OptionType.BOOLEAN, true, "follow redirects (else a 3xx is judged by expect_status)"));
    }

    @Override
    public List<PlannedCheck> checks(CheckTarget target) {
        HttpTarget http = target(target.options());
        UrlTemplate url = new UrlTemplate(http.url());
        Duration deadline = DeclaredKind.deadline(target);
        if (!url.perReplica()) {
            return List.of(new PlannedCheck(name(), target.subject(), deadline, ctx -> probe.probe(ctx, http), target.name(), DeclaredKind.every(target)));
        }
        if (target.replicas().isEmpty()) {
            CheckResult none = CheckResult.unknown("no running replica of " + target.subject().name()
                    + " to fill the url " + http.url());
            return List.of(new PlannedCheck(name(), target.subject(), deadline, ctx -> Future.succeededFuture(none), target.name()));
        }
        return target.replicas().stream().map(replica -> {
            String id = target.name() + "#" + (replica.slot() > 0 ? String.valueOf(replica.slot()) : replica.node());
            if (url.needsAddress() && replica.address().isEmpty()) {
                CheckResult noAddress = CheckResult.unknown("replica " + id + " on " + replica.node()
                        + " has no network address to fill {{address}} (host networking?)");
                return new PlannedCheck(name(), target.subject(), deadline, ctx -> Future.succeededFuture(noAddress), id);
            }
            HttpTarget one = http.withUrl(url.expand(replica));
            return new PlannedCheck(name(), target.subject(), deadline, ctx -> probe.probe(ctx, one), id, DeclaredKind.every(target));
        }).toList();
    }

    @Override
    public List<OptionProblem> validate(Options o) {
        return new Validation(o)
                .option("url", String.class, HttpKind::checkUrl)
                .option("method", String.class, m -> ValueChecks.token(m.trim(), "method"))
                .option("headers", String.class, HttpKind::checkHeaders)
                .option("authorization", String.class, v -> ValueChecks.headerValue(v, "the value"))
                .option("expect_status", String.class, StatusSpec::parse)
                .option("body_regex", String.class, ValueChecks::regex)
                .option("json_pointer", String.class, HttpKind::checkPointer)
                .ordered("latency_warning", "latency_critical", Duration.class)
                .ordered("cert_critical_days", "cert_warning_days", Integer.class)
                .whole(() -> target(o))
                .problems();
    }

    @Override
    public List<String> hosts(CheckTarget target) {
        UrlTemplate url = new UrlTemplate(target.options().string("url"));
        List<String> urls = url.perReplica()
                ? target.replicas().stream().filter(r -> !url.needsAddress() || !r.address().isEmpty())
                .map(url::expand).toList()
                : List.of(url.text());
        return ValueChecks.hosts(urls, SCHEMES);
    }

    /** A template is checked with a placeholder filled in, as the probe will see it. */
    private static void checkUrl(String text) {
        UrlTemplate template = new UrlTemplate(text);
        ValueChecks.url(template.perReplica() ? template.expand(new Replica(1, "10.0.0.1", "node")) : text, SCHEMES, true);
    }

    private static void checkHeaders(String text) {
        text.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
            int colon = line.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("expected 'Name: value' per line, got a line without a name and a colon");
            }
            ValueChecks.token(line.substring(0, colon).strip(), "header name");
            ValueChecks.headerValue(line.substring(colon + 1), "the value of header " + line.substring(0, colon).strip());
        });
    }

    private static void checkPointer(String pointer) {
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON pointer starts with / (e.g. /status), or is empty for the whole body");
        }
    }

    static HttpTarget target(Options o) {
        Map<String, String> headers = new LinkedHashMap<>();
        o.find("headers", String.class).ifPresent(text -> text.lines().map(String::strip).filter(l -> !l.isEmpty())
                .forEach(line -> {
                    int colon = line.indexOf(':');
                    if (colon < 1) {
                        throw new IllegalArgumentException("headers: expected 'Name: value' per line, got \"" + line + "\"");
                    }
                    headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                }));
        o.find("authorization", String.class).ifPresent(v -> headers.put("Authorization", v));
        return new HttpTarget(o.string("method").toUpperCase(java.util.Locale.ROOT), o.string("url"), headers,
                StatusSpec.parse(o.string("expect_status")),
                o.find("body_contains", String.class), o.find("body_regex", String.class).map(HttpKind::regex),
                o.find("json_pointer", String.class), o.find("json_equals", String.class),
                o.find("latency_warning", Duration.class), o.find("latency_critical", Duration.class),
                o.duration(TIMEOUT), o.bool("tls_verify"), o.integer("cert_warning_days"), o.integer("cert_critical_days"),
                o.bool("follow_redirects"));
    }

    private static Pattern regex(String text) {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("body_regex: " + e.getDescription() + " in /" + text + "/");
        }
    }
}
