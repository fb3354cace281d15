package dev.swarmwatch.alerts.slack;

import dev.swarmwatch.alerts.notify.Alert;
import dev.swarmwatch.alerts.notify.AlertStatus;
import dev.swarmwatch.alerts.notify.Delivery;
import dev.swarmwatch.alerts.notify.HttpAnswer;
import dev.swarmwatch.alerts.notify.Notification;
import dev.swarmwatch.alerts.notify.Notifier;
import dev.swarmwatch.alerts.notify.NotifierKind;
import dev.swarmwatch.checks.spi.Durations;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.Options;
import dev.swarmwatch.checks.spi.SafeText;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Slack incoming webhooks: one Block Kit message per notification (header with the status emoji,
 * the group's fields, one line per alert, worst first, what a root alert mutes), a {@code text}
 * fallback for notifications, always inside Slack's limits: 50 blocks, 150 characters a header,
 * 3000 a section, 10 fields of 2000; what does not fit is "and N more". One message a second.
 */
public final class SlackKind implements NotifierKind {
    static final int MAX_BLOCKS = 50;
    static final int HEADER_MAX = 150;
    static final int SECTION_MAX = 3000;
    static final int FIELD_MAX = 2000;
    /** Alerts listed one by one; a storm of 200 reads as the worst 20 "and 180 more". */
    static final int MAX_LINES = 20;
    static final int LINE_MAX = 400;
    static final int TEXT_MAX = 3000;

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public String description() {
        return "Slack incoming webhook: Block Kit message per group of alerts, 1 message/s";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.secret("url", "the incoming webhook URL (a secret: prefer url_file)"));
    }

    @Override
    public List<String> validate(Options options) {
        return options.find("url", String.class).map(SlackKind::checkUrl).orElse(List.of("url: required (or url_file)"));
    }

    private static List<String> checkUrl(String url) {
        try {
            URI u = new URI(url.strip());
            if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme()) || u.getHost() == null) {
                return List.of("url: expected an http(s) URL");
            }
            return List.of();
        } catch (java.net.URISyntaxException e) {
            return List.of("url: not a valid URL");    // the text itself is a secret: not quoted
        }
    }

    @Override
    public Notifier create(String receiver, Options options, Context context) {
        String url = options.find("url", String.class).orElseThrow().strip();
        return new Notifier() {
            @Override
            public Future<Delivery> send(Notification n) {
                JsonObject body = message(n, context.clock().instant());
                return HttpAnswer.post(context.client(), url, Map.of("Content-Type", "application/json"),
                        body.toBuffer(), context.clock(), List.of(url));
            }

            @Override
            public double ratePerSecond() {
                return 1;
            }
        };
    }

    /** The whole message; pure, for the tests and for a look at what Slack gets. */
    static JsonObject message(Notification n, Instant now) {
        List<Alert> alerts = n.alerts();
        long firing = alerts.stream().filter(a -> a.status() == AlertStatus.FIRING).count();
        String title = emoji(n.status()) + " " + n.status().name() + (alerts.size() > 1 ? " (" + alerts.size() + ")" : "")
                + ": " + headline(alerts.getFirst());
        JsonArray blocks = new JsonArray();
        blocks.add(new JsonObject().put("type", "header").put("text", plain(cut(title, HEADER_MAX))));
        JsonArray fields = fields(n, firing);
        if (!fields.isEmpty()) {
            blocks.add(new JsonObject().put("type", "section").put("fields", fields));
        }
        int shown = Math.min(alerts.size(), MAX_LINES);
        StringBuilder section = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            String line = cut(line(alerts.get(i), now), LINE_MAX);
            if (section.length() + line.length() + 1 > SECTION_MAX) {
                blocks.add(section(section.toString()));
                section.setLength(0);
            }
            section.append(section.isEmpty() ? "" : "\n").append(line);
        }
        if (!section.isEmpty()) {
            blocks.add(section(section.toString()));
        }
        if (alerts.size() > shown) {
            blocks.add(section("_and " + (alerts.size() - shown) + " more_"));
        }
        alerts.stream().filter(a -> !a.mutes().isEmpty()).limit(MAX_BLOCKS - blocks.size() - 1L).forEach(a -> {
            String muted = "mutes " + a.mutes().size() + ": " + String.join(", ", a.mutes().stream().limit(10)
                    .map(m -> escape(SafeText.line(m, 120))).toList()) + (a.mutes().size() > 10 ? " and " + (a.mutes().size() - 10) + " more" : "");
            blocks.add(new JsonObject().put("type", "context").put("elements",
                    new JsonArray().add(new JsonObject().put("type", "mrkdwn").put("text", cut(muted, SECTION_MAX)))));
        });
        String text = "[" + n.status().name() + ":" + (n.status() == AlertStatus.FIRING ? firing : alerts.size()) + "] "
                + headline(alerts.getFirst()) + (alerts.size() > 1 ? " and " + (alerts.size() - 1) + " more" : "");
        return new JsonObject().put("text", cut(escape(text), TEXT_MAX)).put("blocks", blocks);
    }

    private static JsonArray fields(Notification n, long firing) {
        JsonArray fields = new JsonArray();
        Map<String, String> common = n.commonLabels();
        for (String label : List.of("service", "stack", "node", "severity")) {
            String v = common.getOrDefault(label, "");
            if (!v.isEmpty()) {
                fields.add(mrkdwn(cut("*" + capital(label) + "*\n" + escape(SafeText.line(v)), FIELD_MAX)));
            }
        }
        if (n.alerts().size() > 1) {
            fields.add(mrkdwn("*Alerts*\n" + firing + " firing, " + (n.alerts().size() - firing) + " resolved"));
        }
        return fields;
    }

    private static String line(Alert a, Instant now) {
        StringBuilder s = new StringBuilder();
        s.append(emoji(a.status())).append(" *").append(escape(SafeText.line(a.label("severity")))).append("* ")
                .append(escape(SafeText.line(headline(a))));
        List<String> where = new ArrayList<>();
        for (String label : List.of("service", "stack", "node")) {
            if (!a.label(label).isEmpty()) {
                where.add(label + " `" + escape(SafeText.line(a.label(label), 80)) + "`");
            }
        }
        if (!where.isEmpty()) {
            s.append(" (").append(String.join(", ", where)).append(")");
        }
        if (a.status() == AlertStatus.FIRING) {
            s.append(", firing for ").append(Durations.ago(Duration.between(a.startsAt(), now)));
        } else {
            s.append(", resolved after ").append(Durations.ago(Duration.between(a.startsAt(), a.endsAt().orElse(now))));
        }
        String description = a.annotation("description");
        if (!description.isEmpty()) {
            s.append("\n    ").append(escape(SafeText.line(description, 200)));
        }
        return s.toString();
    }

    private static String headline(Alert a) {
        String summary = a.annotation("summary");
        return SafeText.line(summary.isEmpty() ? a.label("alertname") : summary);
    }

    private static String emoji(AlertStatus s) {
        return s == AlertStatus.FIRING ? "\uD83D\uDD25" : "\u2705";
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // Slack's mrkdwn treats &, < and > as control characters.
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "\u2026";
    }

    private static JsonObject section(String text) {
        return new JsonObject().put("type", "section").put("text", mrkdwn(text));
    }

    private static JsonObject plain(String text) {
        return new JsonObject().put("type", "plain_text").put("text", text).put("emoji", true);
    }

    private static JsonObject mrkdwn(String text) {
        return new JsonObject().put("type", "mrkdwn").put("text", text);
    }
}
