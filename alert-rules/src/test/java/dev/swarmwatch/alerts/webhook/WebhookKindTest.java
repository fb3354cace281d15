package dev.swarmwatch.alerts.webhook;

import dev.swarmwatch.alerts.notify.Delivery;
import dev.swarmwatch.alerts.notify.Notification;
import dev.swarmwatch.alerts.notify.Notifier;
import dev.swarmwatch.alerts.testing.Alerts;
import dev.swarmwatch.alerts.testing.Delivering;
import dev.swarmwatch.alerts.testing.Receiver;
import dev.swarmwatch.checks.spi.Options;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookKindTest {
    @TempDir
    Path tmp;

    private final Instant t0 = Instant.parse("2026-12-02T10:00:00Z");

    private Receiver.Request sendOne(Map<String, Object> options, Notification n) throws Exception {
        try (Receiver r = new Receiver(); Delivering d = new Delivering(tmp)) {
            Map<String, Object> o = new java.util.HashMap<>(options);
            o.put("url", r.url("/hook"));
            Notifier hook = d.notifier(new WebhookKind(), "ops", o);
            Delivery result = hook.send(n).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(result).isEqualTo(new Delivery.Delivered(200));
            return r.requests().getFirst();
        }
    }

    @Test
    void theBodyIsAlertmanagersWebhookFormatWithSwarmwatchsAdditionsUnderOneKey() throws Exception {
        Notification n = new Notification("id-1", "ops", "{}:{service=\"web\"}", dev.swarmwatch.alerts.notify.AlertStatus.FIRING,
                Map.of("service", "web"), List.of(Alerts.firing("web", t0), Alerts.resolved("api", t0.minusSeconds(600), t0)), t0);
        Receiver.Request req = sendOne(Map.of(), n);
        assertThat(req.method()).isEqualTo("POST");
        assertThat(req.header("content-type")).isEqualTo("application/json");
        JsonObject body = new JsonObject(req.text());
        assertThat(body.fieldNames()).containsExactlyInAnyOrder("version", "groupKey", "truncatedAlerts", "status", "receiver",
                "groupLabels", "commonLabels", "commonAnnotations", "externalURL", "alerts", "swarmwatch");
        assertThat(body.getString("version")).isEqualTo("4");
        assertThat(body.getString("status")).isEqualTo("firing");
        assertThat(body.getString("receiver")).isEqualTo("ops");
        assertThat(body.getString("groupKey")).isEqualTo("{}:{service=\"web\"}");
        assertThat(body.getJsonObject("groupLabels").getMap()).isEqualTo(Map.of("service", "web"));
        assertThat(body.getJsonObject("commonLabels").getMap()).containsEntry("alertname", "ReplicasMissing")
                .containsEntry("stack", "shop").doesNotContainKey("service");
        assertThat(body.getString("externalURL")).isEqualTo("http://swarmwatch.test:9090");
        JsonObject firing = body.getJsonArray("alerts").getJsonObject(0);
        assertThat(firing.fieldNames()).containsExactlyInAnyOrder("status", "labels", "annotations", "startsAt", "endsAt",
                "generatorURL", "fingerprint");
        assertThat(firing.getString("endsAt")).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(firing.getString("startsAt")).isEqualTo("2026-12-02T10:00:00Z");
        assertThat(firing.getString("fingerprint")).isEqualTo("fp-web");
        assertThat(firing.getJsonObject("labels").getString("service")).isEqualTo("web");
        JsonObject resolved = body.getJsonArray("alerts").getJsonObject(1);
        assertThat(resolved.getString("status")).isEqualTo("resolved");
        assertThat(resolved.getString("endsAt")).isEqualTo("2026-12-02T10:00:00Z");
        assertThat(body.getJsonObject("swarmwatch").getString("notificationId")).isEqualTo("id-1");
        assertThat(req.header("webhook-id")).isEqualTo("id-1");
        assertThat(Long.parseLong(req.header("webhook-timestamp"))).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));
        assertThat(req.headers()).doesNotContainKey("webhook-signature");
    }

    @Test
    void aTextSecretSignsAsOpensslDgstHmacComputesIt() throws Exception {
        Notification n = Alerts.one("fp-web:firing:1", "ops", Alerts.firing("web", t0), t0);
        Receiver.Request req = sendOne(Map.of("secret", "s3cret-hook-key", "headers", "X-Team: ops\nAuthorization: Bearer tok"), n);
        String signed = req.header("webhook-id") + "." + req.header("webhook-timestamp") + "." + req.text();
        String expected = openssl(signed, "openssl", "dgst", "-sha256", "-hmac", "s3cret-hook-key", "-binary");
        assertThat(req.header("webhook-signature")).isEqualTo("v1," + expected);
        assertThat(req.header("x-team")).isEqualTo("ops");
        assertThat(req.header("authorization")).isEqualTo("Bearer tok");
    }

    @Test
    void aWhsecSecretIsBase64OfTheKeyAsStandardWebhooksSays() throws Exception {
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(key);
        Notification n = Alerts.one("msg-2", "ops", Alerts.firing("web", t0), t0);
        Receiver.Request req = sendOne(Map.of("secret", secret), n);
        String signed = req.header("webhook-id") + "." + req.header("webhook-timestamp") + "." + req.text();
        String expected = openssl(signed, "openssl", "mac", "-digest", "SHA256", "-macopt", "hexkey:" + HexFormat.of().formatHex(key),
                "-binary", "HMAC");
        assertThat(req.header("webhook-signature")).isEqualTo("v1," + expected);
    }

    @Test
    void badOptionsAreNamedWithoutQuotingTheirValues() {
        WebhookKind kind = new WebhookKind();
        Options o = Options.defaults(kind.options()).with(Map.of("url", "ftp://x/secret-path", "secret", "whsec_!!notbase64",
                "headers", "no colon token-xyz"));
        assertThat(kind.validate(o)).containsExactly("url: expected an http(s) URL",
                "secret: a whsec_ secret must be base64 after the prefix", "headers: expected 'Name: value' per line");
        assertThat(String.join(" ", kind.validate(o))).doesNotContain("secret-path").doesNotContain("token-xyz");
    }

    private static String openssl(String input, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        byte[] mac = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        assertThat(mac).hasSize(32);
        return java.util.Base64.getEncoder().encodeToString(mac);
    }
}
