package dev.swarmwatch.alerts.config;

import dev.swarmwatch.checks.spi.Options;

import java.util.Objects;

/**
 * One configured receiver: {@code receivers.<name>.<kind>: options}.
 *
 * @param kind    the {@link dev.swarmwatch.alerts.notify.NotifierKind#name()}
 * @param options its options, typed and validated (secrets already read from {@code *_file})
 */
public record ReceiverConfig(String name, String kind, Options options) {
    public ReceiverConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(options, "options");
    }
}
