package dev.swarmwatch.alerts.webhook;

import dev.swarmwatch.alerts.notify.Alert;
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

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON webhook in Alertmanager's webhook format (version 4), so tools that take Alertmanager's
 * webhooks take swarmwatch's; swarmwatch's own additions sit under one key, {@code swarmwatch}.
 * Standard Webhooks headers on every request: {@code webhook-id} (the notification's id, the same
 * on every retry and after a restart), {@code webhook-timestamp}, and with a {@code secret}
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}.
 */
public final class WebhookKind implements NotifierKind {
    /** What Alertmanager writes as endsAt of a firing alert. */
    static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public String description() {
        return "JSON webhook, Alertmanager's webhook format, Standard Webhooks id/timestamp/signature headers";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.required("url", OptionType.STRING, "http(s) URL the JSON is POSTed to"),
                OptionSpec.secret("secret", "signing secret (whsec_<base64> as Standard Webhooks issues them, or any text)"),
                OptionSpec.optional("headers", OptionType.STRING, "extra request headers, one 'Name: value' per line"));
    }

    @Override
    public List<String> validate(Options options) {
        List<String> problems = new ArrayList<>();
        options.find("url", String.class).ifPresent(url -> {
            try {
                URI u = new URI(url.strip());
                if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme()) || u.getHost() == null) {
                    problems.add("url: expected an http(s) URL");
                }
            } catch (java.net.URISyntaxException e) {
                problems.add("url: not a valid URL");
            }
        });
        options.find("secret", String.class).ifPresent(s -> {
            try {
                key(s);
            } catch (IllegalArgumentException e) {
                problems.add("secret: " + e.getMessage());
            }
        });
        try {
            headers(options);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    @Override
    public Notifier create(String receiver, Options options, Context context) {
        String url = options.string("url").strip();
        Optional<byte[]> key = options.find("secret", String.class).map(WebhookKind::key);
        Map<String, String> extra = headers(options);
        List<String> secrets = new ArrayList<>(List.of(url));
        options.find("secret", String.class).ifPresent(secrets::add);
        secrets.addAll(extra.values());
        return n -> {
            Buffer body = body(n, context.externalUrl()).toBuffer();
            String timestamp = String.valueOf(context.clock().instant().getEpochSecond());
            Map<String, String> headers = new LinkedHashMap<>(extra);
            headers.put("Content-Type", "application/json");
            headers.put("webhook-id", n.id());
            headers.put("webhook-timestamp", timestamp);
            key.ifPresent(k -> headers.put("webhook-signature", "v1," + sign(k, n.id(), timestamp, body.getBytes())));
            return HttpAnswer.post(context.client(), url, headers, body, context.clock(), secrets);
        };
    }

    /** The body, Alertmanager's webhook JSON; the same bytes on every attempt of one notification. */
    static JsonObject body(Notification n, String externalUrl) {
        JsonArray alerts = new JsonArray();
        JsonObject mutes = new JsonObject();
        for (Alert a : n.alerts()) {
            alerts.add(new JsonObject()
                    .put("status", a.status().wire())
                    .put("labels", new JsonObject(new LinkedHashMap<>(a.labels())))
                    .put("annotations", new JsonObject(new LinkedHashMap<>(a.annotations())))
                    .put("startsAt", a.startsAt().toString())
                    .put("endsAt", a.endsAt().map(Object::toString).orElse(ZERO_TIME))
                    .put("generatorURL", externalUrl)
                    .put("fingerprint", a.fingerprint()));
            if (!a.mutes().isEmpty()) {
                mutes.put(a.fingerprint(), new JsonArray(a.mutes()));
            }
        }
        return new JsonObject()
                .put("version", "4")
                .put("groupKey", n.groupKey())
                .put("truncatedAlerts", 0)
                .put("status", n.status().wire())
                .put("receiver", n.receiver())
                .put("groupLabels", new JsonObject(new LinkedHashMap<>(n.groupLabels())))
                .put("commonLabels", new JsonObject(new LinkedHashMap<>(n.commonLabels())))
                .put("commonAnnotations", new JsonObject(new LinkedHashMap<>(n.commonAnnotations())))
                .put("externalURL", externalUrl)
                .put("alerts", alerts)
                .put("swarmwatch", new JsonObject()
                        .put("notificationId", n.id())
                        .put("createdAt", n.createdAt().toString())
                        .put("mutes", mutes));
    }

    /** Standard Webhooks: a {@code whsec_} secret is base64 of the key; any other text is the key as UTF-8. */
    static byte[] key(String secret) {
        String s = secret.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        if (s.startsWith("whsec_")) {
            try {
                return Base64.getDecoder().decode(s.substring("whsec_".length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a whsec_ secret must be base64 after the prefix");
            }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String sign(byte[] key, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static Map<String, String> headers(Options o) {
        Map<String, String> headers = new LinkedHashMap<>();
        o.find("headers", String.class).ifPresent(text -> text.lines().map(String::strip).filter(l -> !l.isEmpty())
                .forEach(line -> {
                    int colon = line.indexOf(':');
                    if (colon < 1) {
                        // The value may be a token: name the line by its number, never quote it.
                        throw new IllegalArgumentException("headers: expected 'Name: value' per line");
                    }
                    headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                }));
        return headers;
    }
}
