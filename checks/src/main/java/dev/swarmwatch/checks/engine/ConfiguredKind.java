package dev.swarmwatch.checks.engine;

import dev.swarmwatch.checks.spi.CheckKind;

import java.util.Objects;

/** A registered kind together with its resolved options. */
public record ConfiguredKind(CheckKind kind, CheckKind.OptionsLookup options) {
    public ConfiguredKind {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(options, "options");
    }
}
