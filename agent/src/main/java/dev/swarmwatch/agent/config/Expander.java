package dev.swarmwatch.agent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Expands {@code ${VAR}} and {@code ${VAR:-default}} in config values the way Docker Compose does:
 * the default applies when the variable is unset or empty, and <code>$${</code> is a literal <code>${</code>.
 * Nothing else about {@code $} is special, so passwords with a lone {@code $} survive.
 */
final class Expander {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, String> environment;

    Expander(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The expanded text, or the problems that stopped it (then {@code text} is meaningless). */
    record Expanded(String text, List<String> problems) {
        Expanded {
            problems = List.copyOf(problems);
        }

        boolean ok() {
            return problems.isEmpty();
        }
    }

    Expanded expand(String text) {
        StringBuilder out = new StringBuilder(text.length());
        List<String> problems = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    problems.add("unclosed ${ (write $${ for a literal ${)");
                    break;
                }
                out.append(substitute(text.substring(i + 2, close), problems));
                i = close + 1;
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return new Expanded(out.toString(), problems);
    }

    private String substitute(String reference, List<String> problems) {
        int dash = reference.indexOf(":-");
        String name = dash < 0 ? reference : reference.substring(0, dash);
        String fallback = dash < 0 ? null : reference.substring(dash + 2);
        if (!NAME.matcher(name).matches()) {
            problems.add("invalid variable reference \"${" + reference + "}\" (write ${VAR} or ${VAR:-default})");
            return "";
        }
        if (fallback != null && fallback.contains("${")) {
            problems.add("nested ${ in the default of " + name + " is not supported");
            return "";
        }
        String value = environment.get(name);
        if (fallback != null && (value == null || value.isEmpty())) {
            return fallback;
        }
        if (value == null) {
            problems.add("environment variable " + name + " is not set");
            return "";
        }
        return value;
    }
}
