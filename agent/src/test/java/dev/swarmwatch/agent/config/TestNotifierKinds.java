package dev.swarmwatch.agent.config;

import dev.swarmwatch.alerts.notify.Delivery;
import dev.swarmwatch.alerts.notify.Notifier;
import dev.swarmwatch.alerts.notify.NotifierKind;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.OptionType;
import dev.swarmwatch.checks.spi.Options;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.List;

/** Receiver kinds for binder tests: the option shapes of webhook, slack and alertmanager, sending nothing. */
final class TestNotifierKinds {
    private TestNotifierKinds() {
    }

    static List<NotifierKind> all() {
        return List.of(
                kind("webhook", List.of(OptionSpec.secret("url", "where to POST"), OptionSpec.secret("secret", "HMAC key"),
                        new OptionSpec("timeout", OptionType.DURATION, Duration.ofSeconds(10), "per request"))),
                kind("slack", List.of(OptionSpec.secret("url", "incoming webhook URL"))),
                kind("alertmanager", List.of(OptionSpec.required("urls", OptionType.STRING, "Alertmanager base URLs"))));
    }

    private static NotifierKind kind(String name, List<OptionSpec> options) {
        return new NotifierKind() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "test receiver kind";
            }

            @Override
            public List<OptionSpec> options() {
                return options;
            }

            @Override
            public List<String> validate(Options given) {
                String option = name.equals("alertmanager") ? "urls" : "url";
                return given.find(option, String.class).isEmpty()
                        ? List.of(option + ": missing: a " + name + " receiver needs " + option + " or " + option + "_file")
                        : List.of(given.find(option, String.class).get().split(",")).stream()
                        .filter(u -> !u.startsWith("http://") && !u.startsWith("https://"))
                        .map(u -> option + ": expected an http:// or https:// URL").limit(1).toList();
            }

            @Override
            public Notifier create(String receiver, Options options, Context context) {
                return notification -> Future.succeededFuture(new Delivery.Delivered(200));
            }
        };
    }
}
