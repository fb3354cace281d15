package dev.swarmwatch.alerts.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An annotation template: text with {@code {{ .field }}} placeholders and nothing else (no logic, no
 * function calls), so a template can neither fail at run time nor reach anything but the fields of
 * {@link #FIELDS}. A bad template is a config error, found when the config is read.
 */
public record Template(String text) {
    /** What a template may show; {@code details} is the check's detail lines, one a line. */
    public static final List<String> FIELDS = List.of("summary", "details", "service", "stack", "node", "kind",
            "check", "status", "alertname", "severity");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\s*\\.([a-z_]+)\\s*");

    public Template {
        Objects.requireNonNull(text, "text");
        parts(text);
    }

    /** Fills in the fields; a field without a value reads as "". */
    public String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts(text)) {
            out.append(part.field() ? values.getOrDefault(part.text(), "") : part.text());
        }
        return out.toString();
    }

    private record Part(String text, boolean field) {
    }

    private static List<Part> parts(String text) {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("{{", at);
            int strayClose = text.indexOf("}}", at);
            if (strayClose >= 0 && (open < 0 || strayClose < open)) {
                throw new IllegalArgumentException("\"}}\" without \"{{\" at character " + (strayClose + 1));
            }
            if (open < 0) {
                parts.add(new Part(text.substring(at), false));
                break;
            }
            parts.add(new Part(text.substring(at, open), false));
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("\"{{\" at character " + (open + 1) + " is never closed with \"}}\"");
            }
            String inside = text.substring(open + 2, close);
            java.util.regex.Matcher m = PLACEHOLDER.matcher(inside);
            if (!m.matches() || !FIELDS.contains(m.group(1))) {
                throw new IllegalArgumentException("unknown template field {{" + inside + "}} (known: ."
                        + String.join(", .", FIELDS) + ")");
            }
            parts.add(new Part(m.group(1), true));
            at = close + 2;
        }
        return parts;
    }
}
