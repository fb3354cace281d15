package dev.swarmwatch.checks.spi;

import java.util.Objects;

/**
 * One option a check kind accepts in the config file, with its default. The config reader
 * validates values against {@link #type()}; {@code swarmwatch checks} lists these.
 */
public record OptionSpec(String name, OptionType type, Object defaultValue, String description) {

    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("option name must be snake_case: " + name);
        }
    }

    /** The default as a user would write it in YAML. */
    public String defaultText() {
        if (defaultValue instanceof java.time.Duration d) {
            return Durations.format(d);
        }
        if (defaultValue instanceof Status s) {
            return s.name().toLowerCase(java.util.Locale.ROOT);
        }
        return String.valueOf(defaultValue);
    }
}
