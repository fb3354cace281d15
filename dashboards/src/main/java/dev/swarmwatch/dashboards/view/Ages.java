package dev.swarmwatch.dashboards.view;

import dev.swarmwatch.checks.spi.Durations;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times as ages, the way an operator reads them: "12s ago", "3m ago", "just now". */
public final class Ages {
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(?:at )?(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?Z)");

    private Ages() {
    }

    public static String ago(Instant then, Instant now) {
        if (then.equals(Instant.EPOCH)) {
            return "never";
        }
        Duration age = Duration.between(then, now);
        if (age.isNegative() || age.toMillis() < 1000) {
            return "just now";
        }
        return Durations.ago(age) + " ago";
    }

    /** The age without "ago", for narrow columns: "12s", "3m". */
    public static String age(Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        return Durations.ago(age.isNegative() ? Duration.ZERO : age);
    }

    /** Every ISO-8601 UTC timestamp in a line (as checks write them: "at 2026-...Z") becomes an age. */
    public static String inText(String line, Instant now) {
        if (line.indexOf('T') < 0) {
            return line;
        }
        Matcher m = TIMESTAMP.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            try {
                replacement = ago(Instant.parse(m.group(1)), now);
            } catch (DateTimeParseException e) {
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }
}
