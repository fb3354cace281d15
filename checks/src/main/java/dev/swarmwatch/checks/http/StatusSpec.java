package dev.swarmwatch.checks.http;

import java.util.ArrayList;
import java.util.List;

/** Expected HTTP status codes as written in config: single codes and ranges, e.g. {@code 200-299,301}. */
public record StatusSpec(String text, List<int[]> ranges) {

    public StatusSpec {
        ranges = List.copyOf(ranges);
    }

    public static StatusSpec parse(String text) {
        List<int[]> ranges = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            String[] ends = p.split("-", -1);
            if (p.isEmpty() || ends.length > 2) {
                throw invalid(text);
            }
            int from = code(ends[0], text);
            int to = ends.length == 2 ? code(ends[1], text) : from;
            if (to < from) {
                throw invalid(text);
            }
            ranges.add(new int[]{from, to});
        }
        return new StatusSpec(text.replace(" ", ""), ranges);
    }

    public boolean matches(int status) {
        return ranges.stream().anyMatch(r -> status >= r[0] && status <= r[1]);
    }

    private static int code(String s, String text) {
        try {
            int code = Integer.parseInt(s.trim());
            if (code < 100 || code > 599) {
                throw invalid(text);
            }
            return code;
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("expect_status: expected codes and ranges such as 200-299,301, got \"" + text + "\"");
    }
}
