package dev.swarmwatch.alerts.alertmanager;

import dev.swarmwatch.alerts.notify.Alert;
import dev.swarmwatch.alerts.notify.AlertStatus;
import dev.swarmwatch.alerts.notify.Delivery;
import dev.swarmwatch.alerts.notify.HttpAnswer;
import dev.swarmwatch.alerts.notify.Notification;
import dev.swarmwatch.alerts.notify.Notifier;
import dev.swarmwatch.alerts.notify.NotifierKind;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.OptionType;
import dev.swarmwatch.checks.spi.Options;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prometheus Alertmanager as a receiver: swarmwatch is an alert source, as Prometheus is. Each
 * notification's alerts are POSTed to {@code /api/v2/alerts} of every configured URL (an HA
 * cluster dedups). Alertmanager forgets an alert not sent again, so this notifier asks the outbox
 * to re-send what it took every minute while firing, and resolved alerts with their
 * {@code endsAt} for 5 minutes; a firing alert carries {@code endsAt} = now + 4 minutes, so that
 * alerts of an agent that died resolve there, as Prometheus does it.
 */
public final class AlertmanagerKind implements NotifierKind {
    static final Duration RESEND_EVERY = Duration.ofMinutes(1);
    static final Duration RESOLVED_FOR = Duration.ofMinutes(5);
    static final Duration FIRING_VALID_FOR = RESEND_EVERY.multipliedBy(4);
    static final String PATH = "/api/v2/alerts";

    @Override
    public String name() {
        return "alertmanager";
    }

    @Override
    public String description() {
        return "Prometheus Alertmanager API v2 (POST /api/v2/alerts to each URL); re-sent every minute";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.required("urls", OptionType.STRING,
                "Alertmanager base URLs, comma or space separated (a YAML list is joined), e.g. http://alertmanager:9093"));
    }

    @Override
    public List<String> validate(Options options) {
        List<String> problems = new ArrayList<>();
        List<String> urls = options.find("urls", String.class).map(AlertmanagerKind::split).orElse(List.of());
        if (urls.isEmpty()) {
            problems.add("urls: at least one Alertmanager URL");
        }
        for (int i = 0; i < urls.size(); i++) {
            try {
                URI u = new URI(urls.get(i));
                if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme()) || u.getHost() == null) {
                    problems.add("urls[" + i + "]: expected an http(s) URL");
                }
            } catch (java.net.URISyntaxException e) {
                problems.add("urls[" + i + "]: not a valid URL");
            }
        }
        return problems;
    }

    @Override
    public Notifier create(String receiver, Options options, Context context) {
        List<String> endpoints = split(options.string("urls")).stream()
                .map(u -> u.endsWith(PATH) ? u : u.replaceAll("/+$", "") + PATH).toList();
        return new Notifier() {
            @Override
            public Future<Delivery> send(Notification n) {
                Buffer body = body(n, context.clock().instant(), context.externalUrl()).toBuffer();
                List<Future<Delivery>> each = endpoints.stream().map(url -> HttpAnswer.post(context.client(), url,
                        Map.of("Content-Type", "application/json"), body, context.clock(), endpoints)).toList();
                return Future.join(each).transform(ar -> Future.succeededFuture(combine(each)));
            }

            @Override
            public Optional<Resend> resend() {
                return Optional.of(new Resend(RESEND_EVERY, RESOLVED_FOR));
            }
        };
    }

    /** Delivered when any member took it (the cluster gossips it on); refused only when all refused. */
    static Delivery combine(List<Future<Delivery>> each) {
        List<Delivery> answers = each.stream().map(f -> f.succeeded() ? f.result()
                : HttpAnswer.failure(f.cause())).toList();
        Optional<Delivery> ok = answers.stream().filter(d -> d instanceof Delivery.Delivered).findFirst();
        if (ok.isPresent()) {
            return ok.get();
        }
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            reasons.add((answers.size() > 1 ? "urls[" + i + "] " : "") + switch (answers.get(i)) {
                case Delivery.Retry r -> r.reason();
                case Delivery.Rejected r -> r.reason();
                case Delivery.Delivered d -> "HTTP " + d.status();
            });
        }
        String reason = String.join("; ", reasons);
        if (answers.stream().allMatch(d -> d instanceof Delivery.Rejected)) {
            return new Delivery.Rejected(((Delivery.Rejected) answers.getFirst()).status(), reason);
        }
        Optional<Duration> after = answers.stream().flatMap(d -> d instanceof Delivery.Retry r ? r.retryAfter().stream()
                : java.util.stream.Stream.empty()).min(Duration::compareTo);
        return new Delivery.Retry(after, reason);
    }

    /** API v2's postableAlerts: labels, annotations, startsAt, endsAt, generatorURL. */
    static JsonArray body(Notification n, Instant now, String externalUrl) {
        JsonArray alerts = new JsonArray();
        for (Alert a : n.alerts()) {
            Instant ends = a.status() == AlertStatus.RESOLVED ? a.endsAt().orElseThrow() : now.plus(FIRING_VALID_FOR);
            JsonObject alert = new JsonObject()
                    .put("labels", new JsonObject(new LinkedHashMap<>(a.labels())))
                    .put("annotations", new JsonObject(new LinkedHashMap<>(a.annotations())))
                    .put("startsAt", a.startsAt().toString())
                    .put("endsAt", ends.toString());
            if (!externalUrl.isEmpty()) {
                alert.put("generatorURL", externalUrl);
            }
            alerts.add(alert);
        }
        return alerts;
    }

    static List<String> split(String text) {
        return java.util.Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
