package dev.swarmwatch.checks.spi;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The value types a check option can have, with the one parser each that config files use. */
public enum OptionType {
    BOOLEAN("true or false"),
    INTEGER("a whole number >= 0"),
    DURATION("a duration such as 500ms, 5s, 10m, 1h"),
    STRING("a string"),
    STATUS("one of ok, warning, critical, unknown");

    private static final Pattern DURATION_TEXT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private final String expected;

    OptionType(String expected) {
        this.expected = expected;
    }

    /** Human description of a valid value, used in config error messages. */
    public String expected() {
        return expected;
    }

    /**
     * Parses a scalar as written in a config file.
     *
     * @throws IllegalArgumentException with a message fit for the user when the text is not valid
     */
    public Object parse(String text) {
        String t = text.trim();
        return switch (this) {
            case BOOLEAN -> switch (t.toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw invalid(text);
            };
            case INTEGER -> {
                try {
                    int value = Integer.parseInt(t);
                    if (value < 0) {
                        throw invalid(text);
                    }
                    yield value;
                } catch (NumberFormatException e) {
                    throw invalid(text);
                }
            }
            case DURATION -> parseDuration(t);
            case STRING -> text;
            case STATUS -> {
                try {
                    yield Status.valueOf(t.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw invalid(text);
                }
            }
        };
    }

    private Duration parseDuration(String t) {
        Matcher m = DURATION_TEXT.matcher(t);
        if (!m.matches()) {
            throw invalid(t);
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.isZero()) {
            throw new IllegalArgumentException("expected a positive duration, got \"" + t + "\"");
        }
        return d;
    }

    private IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("expected " + expected + ", got \"" + text + "\"");
    }
}
