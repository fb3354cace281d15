package dev.swarmwatch.checks.spi;

import java.util.Objects;

/**
 * One option value of a declared target that cannot work, found when the target is read (config
 * load or label discovery) rather than when its probe first runs.
 *
 * @param option  the option it belongs to; {@link #TARGET} for options that only clash together
 * @param message in an operator's words, lower-case start, without the option's name; never a secret's content
 */
public record OptionProblem(String option, String message) {

    /** The option name of a problem of the whole target. */
    public static final String TARGET = "";

    public OptionProblem {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(message, "message");
        if (message.isBlank()) {
            throw new IllegalArgumentException("an option problem needs a message");
        }
    }

    public boolean wholeTarget() {
        return option.isEmpty();
    }
}
