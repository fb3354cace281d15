package dev.swarmwatch.alerts.notify;

import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.Options;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;

import java.time.Clock;
import java.util.List;

/**
 * A kind of receiver ({@code slack}, {@code webhook}, {@code alertmanager}): its options, bound
 * from {@code receivers.<name>.<kind>} by the same strict binder as check options, and the
 * notifier it makes. A new kind is one class plus one registration line.
 */
public interface NotifierKind {

    /** The key under {@code receivers.<name>}. */
    String name();

    String description();

    /** Options with types, defaults and which are secrets (URLs of Slack webhooks are). */
    List<OptionSpec> options();

    /**
     * Checks what the option types cannot (URL syntax and scheme, say).
     *
     * @return one problem per bad option as {@code option: message}; empty when all is well
     */
    default List<String> validate(Options options) {
        return List.of();
    }

    Notifier create(String receiver, Options options, Context context);

    /** What a notifier gets from the agent. */
    record Context(Vertx vertx, WebClient client, Clock clock, String externalUrl) {
    }
}
