package dev.swarmwatch.checks.spi;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One option a check kind accepts in the config file (and in service labels). The config reader
 * validates values against {@link #type()}; {@code swarmwatch checks} lists these.
 *
 * @param defaultValue the value when none is given; null for options without one
 * @param required     a value must be given (for each declared target); implies no default
 * @param secret       a password or token: never echoed in messages, reports or logs
 */
public record OptionSpec(String name, OptionType type, Object defaultValue, String description,
                         boolean required, boolean secret) {

    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("option name must be snake_case: " + name);
        }
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("required option " + name + " cannot have a default");
        }
    }

    /** An option with a default. */
    public OptionSpec(String name, OptionType type, Object defaultValue, String description) {
        this(name, type, Objects.requireNonNull(defaultValue, "defaultValue"), description, false, false);
    }

    /** An option every target must give. */
    public static OptionSpec required(String name, OptionType type, String description) {
        return new OptionSpec(name, type, null, description, true, false);
    }

    /** An option without a default: absent unless given. */
    public static OptionSpec optional(String name, OptionType type, String description) {
        return new OptionSpec(name, type, null, description, false, false);
    }

    /** A secret, absent unless given; {@code name_file} reads it from a file. */
    public static OptionSpec secret(String name, String description) {
        return new OptionSpec(name, OptionType.STRING, null, description, false, true);
    }

    /** The default as a user would write it in YAML: "(required)" or "-" when there is none. */
    public String defaultText() {
        if (defaultValue == null) {
            return required ? "(required)" : "-";
        }
        if (defaultValue instanceof Duration d) {
            return Durations.format(d);
        }
        if (defaultValue instanceof Status s) {
            return s.name().toLowerCase(Locale.ROOT);
        }
        return String.valueOf(defaultValue);
    }
}
