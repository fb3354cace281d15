package dev.swarmwatch.checks.spi;

import java.math.BigInteger;
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

    /** The longest duration any option takes: a year, far beyond any timeout, window or interval. */
    public static final Duration MAX_DURATION = Duration.ofDays(365);

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
                if (t.matches("\\d{11,}") || t.matches("\\d+") && Long.parseLong(t) > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("expected a whole number of at most " + Integer.MAX_VALUE
                            + ", got \"" + shown(t) + "\"");
                }
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
        long unitMillis = switch (m.group(2)) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            default -> 86_400_000L;
        };
        // Compared before multiplying, so that no number of any length overflows.
        BigInteger millis = new BigInteger(m.group(1)).multiply(BigInteger.valueOf(unitMillis));
        if (millis.compareTo(BigInteger.valueOf(MAX_DURATION.toMillis())) > 0) {
            throw new IllegalArgumentException("expected a duration of at most " + MAX_DURATION.toDays()
                    + "d, got \"" + shown(t) + "\"");
        }
        Duration d = Duration.ofMillis(millis.longValueExact());
        if (d.isZero()) {
            throw new IllegalArgumentException("expected a positive duration, got \"" + t + "\"");
        }
        return d;
    }

    private IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("expected " + expected + ", got \"" + shown(text) + "\"");
    }

    /** A rejected value as quoted in a message: one line, and not a megabyte of it. */
    private static String shown(String text) {
        return SafeText.line(text, 40);
    }
}
