package dev.swarmwatch.alerts.rules;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label matcher with Alertmanager's operators: {@code =}, {@code !=}, {@code =~}, {@code !~}.
 * Regular expressions are anchored at both ends, as in Alertmanager; a missing label reads as "".
 * Used by rules' label matching, routes, inhibit rules and silences.
 */
public record Matcher(String name, Op op, String value) {

    /** The operator, as written between the label name and the value. */
    public enum Op {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        private final String text;

        Op(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        boolean regex() {
            return this == REGEX || this == NOT_REGEX;
        }
    }

    private static final Pattern SHAPE = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*(=~|!~|!=|=)\\s*(.*?)\\s*");

    public Matcher {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("bad label name \"" + name + "\"");
        }
        if (op.regex()) {
            compile(value);
        }
    }

    /**
     * Parses {@code name=value}, {@code name!=value}, {@code name=~regex}, {@code name!~regex}; the
     * value may be double-quoted.
     *
     * @throws IllegalArgumentException with a message fit for the user
     */
    public static Matcher parse(String text) {
        java.util.regex.Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a matcher such as service=web, service!=web, "
                    + "service=~\"web-.*\" or service!~\"web-.*\", got \"" + text + "\"");
        }
        String value = m.group(3);
        if (value.startsWith("=") || value.startsWith("~")) {
            throw new IllegalArgumentException("expected a matcher such as service=web, service!=web, "
                    + "service=~\"web-.*\" or service!~\"web-.*\", got \"" + text + "\"");
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        Op op = switch (m.group(2)) {
            case "=" -> Op.EQUAL;
            case "!=" -> Op.NOT_EQUAL;
            case "=~" -> Op.REGEX;
            default -> Op.NOT_REGEX;
        };
        return new Matcher(m.group(1), op, value);
    }

    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        return switch (op) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case REGEX -> compile(value).matcher(actual).matches();
            case NOT_REGEX -> !compile(value).matcher(actual).matches();
        };
    }

    /** All of them match (an empty list matches everything). */
    public static boolean all(java.util.List<Matcher> matchers, Map<String, String> labels) {
        return matchers.stream().allMatch(m -> m.matches(labels));
    }

    @Override
    public String toString() {
        return name + op.text + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad regular expression \"" + regex + "\": " + e.getDescription());
        }
    }
}
