package dev.swarmwatch.alerts.slack;

import dev.swarmwatch.alerts.notify.Alert;
import dev.swarmwatch.alerts.notify.AlertStatus;
import dev.swarmwatch.alerts.notify.Delivery;
import dev.swarmwatch.alerts.notify.Notification;
import dev.swarmwatch.alerts.notify.Notifier;
import dev.swarmwatch.alerts.testing.Alerts;
import dev.swarmwatch.alerts.testing.Delivering;
import dev.swarmwatch.alerts.testing.Receiver;
import dev.swarmwatch.checks.spi.Options;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SlackKindTest {
    @TempDir
    Path tmp;

    private final Instant now = Instant.now();

    private JsonObject post(Notification n) throws Exception {
        try (Receiver r = new Receiver(); Delivering d = new Delivering(tmp)) {
            Notifier slack = d.notifier(new SlackKind(), "chat", Map.of("url", r.url("/services/T0/B0/secretpart")));
            assertThat(slack.ratePerSecond()).isEqualTo(1);
            Delivery result = slack.send(n).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(result).isEqualTo(new Delivery.Delivered(200));
            Receiver.Request req = r.requests().getFirst();
            assertThat(req.path()).isEqualTo("/services/T0/B0/secretpart");
            assertThat(req.header("content-type")).isEqualTo("application/json");
            return new JsonObject(req.text());
        }
    }

    /** Every limit Slack enforces on a message, checked on what the receiver got. */
    private static void withinSlackLimits(JsonObject msg) {
        JsonArray blocks = msg.getJsonArray("blocks");
        assertThat(blocks.size()).isBetween(1, 50);
        assertThat(msg.getString("text")).isNotBlank().hasSizeLessThanOrEqualTo(3000);
        for (int i = 0; i < blocks.size(); i++) {
            JsonObject b = blocks.getJsonObject(i);
            switch (b.getString("type")) {
                case "header" -> {
                    assertThat(b.getJsonObject("text").getString("type")).isEqualTo("plain_text");
                    assertThat(b.getJsonObject("text").getString("text")).hasSizeLessThanOrEqualTo(150);
                }
                case "section" -> {
                    if (b.containsKey("text")) {
                        assertThat(b.getJsonObject("text").getString("text")).hasSizeLessThanOrEqualTo(3000).isNotEmpty();
                    }
                    if (b.containsKey("fields")) {
                        assertThat(b.getJsonArray("fields").size()).isBetween(1, 10);
                        b.getJsonArray("fields").forEach(f -> assertThat(((JsonObject) f).getString("text")).hasSizeLessThanOrEqualTo(2000));
                    }
                }
                case "context" -> assertThat(b.getJsonArray("elements").size()).isBetween(1, 10);
                default -> throw new AssertionError("unexpected block " + b);
            }
        }
    }

    @Test
    void oneFiringAlertIsAHeaderFieldsAndALineSayingForHowLong() throws Exception {
        JsonObject msg = post(Alerts.one("n1", "chat", Alerts.firing("web", now.minusSeconds(300)), now));
        withinSlackLimits(msg);
        JsonArray blocks = msg.getJsonArray("blocks");
        assertThat(blocks.getJsonObject(0).getJsonObject("text").getString("text")).isEqualTo("\uD83D\uDD25 FIRING: web 0/2 running");
        assertThat(blocks.getJsonObject(1).getJsonArray("fields").stream().map(f -> ((JsonObject) f).getString("text")))
                .containsExactly("*Service*\nweb", "*Stack*\nshop", "*Node*\nnode-1", "*Severity*\ncritical");
        assertThat(blocks.getJsonObject(2).getJsonObject("text").getString("text"))
                .startsWith("\uD83D\uDD25 *critical* web 0/2 running (service `web`, stack `shop`, node `node-1`), firing for 5m")
                .contains("tasks pending: no suitable node");
        assertThat(msg.getString("text")).isEqualTo("[FIRING:1] web 0/2 running");
    }

    @Test
    void aResolvedAlertSaysHowLongItLasted() throws Exception {
        JsonObject msg = post(Alerts.one("n2", "chat", Alerts.resolved("web", now.minusSeconds(900), now.minusSeconds(300)), now));
        withinSlackLimits(msg);
        assertThat(msg.getJsonArray("blocks").getJsonObject(0).getJsonObject("text").getString("text")).startsWith("\u2705 RESOLVED");
        assertThat(msg.getJsonArray("blocks").getJsonObject(2).getJsonObject("text").getString("text")).contains("resolved after 10m");
    }

    @Test
    void aStormOf200AlertsIsOneMessageWithinLimitsListingTheWorst20AndAnd180More() throws Exception {
        JsonObject msg = post(Alerts.storm("storm", "chat", 200, now));
        withinSlackLimits(msg);
        String all = msg.getJsonArray("blocks").encode();
        assertThat(all).contains("svc-000").contains("svc-019").doesNotContain("svc-020").contains("_and 180 more_");
        assertThat(msg.getString("text")).isEqualTo("[FIRING:200] svc-000 0/2 running and 199 more");
    }

    @Test
    void hugeUntrustedTextIsCutEscapedAndCleaned() throws Exception {
        String evil = "\u001b]0;pwn\u0007<@channel> & " + "x".repeat(5000);
        Alert a = new Alert("fp", Map.of("alertname", "A", "severity", "warning", "service", evil),
                Map.of("summary", evil, "description", evil), AlertStatus.FIRING, now, Optional.empty(),
                java.util.stream.IntStream.range(0, 40).mapToObj(i -> "replicas:svc" + i + " " + "y".repeat(300)).toList());
        JsonObject msg = post(new Notification("n3", "chat", "g", AlertStatus.FIRING, Map.of(), List.of(a), now));
        withinSlackLimits(msg);
        assertThat(msg.encode()).doesNotContain("\\u001b").doesNotContain("pwn");
        // mrkdwn (the fallback text, sections, fields, context) escapes Slack's control characters; plain_text needs not.
        msg.getJsonArray("blocks").remove(0);
        String mrkdwn = msg.encode();
        assertThat(mrkdwn).doesNotContain("<@channel>").contains("&lt;@channel&gt; &amp;").contains("and 30 more");
    }

    @Test
    void theUrlIsRequiredAndNeverQuoted() {
        SlackKind kind = new SlackKind();
        assertThat(kind.validate(Options.defaults(kind.options()))).containsExactly("url: required (or url_file)");
        Options bad = Options.defaults(kind.options()).with(Map.of("url", "hooks.slack.com/services/T/B/verysecret"));
        assertThat(kind.validate(bad)).containsExactly("url: expected an http(s) URL");
    }
}
