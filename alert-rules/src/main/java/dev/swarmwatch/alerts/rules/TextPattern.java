package dev.swarmwatch.alerts.rules;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A pattern for names in rules: a glob ({@code web-*}, {@code api-?}) or, written between slashes,
 * a regular expression ({@code /web-(eu|us)-.+/}). Both match the whole name.
 */
public record TextPattern(String text) {

    public TextPattern {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("expected a name, glob or /regex/, got an empty value");
        }
        pattern(text);
    }

    public boolean matches(String value) {
        return pattern(text).matcher(value).matches();
    }

    private static Pattern pattern(String text) {
        if (text.length() >= 2 && text.startsWith("/") && text.endsWith("/")) {
            String regex = text.substring(1, text.length() - 1);
            try {
                return Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("bad regular expression \"" + regex + "\": " + e.getDescription());
            }
        }
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return text;
    }
}
