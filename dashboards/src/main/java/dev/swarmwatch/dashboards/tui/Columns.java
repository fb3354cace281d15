package dev.swarmwatch.dashboards.tui;

import java.util.List;

/**
 * The table's column widths for a terminal width: fixed columns sized to their content, stack and
 * name sharing what is left (names get the larger part), a detail column taking the rest of a wide
 * terminal. Below 70 columns mode and latency give way. Pure.
 */
record Columns(int status, int stack, int name, int mode, int replicas, int failed, int latency, int score, int detail) {
    static final int MARK = 1;

    static Columns fit(List<Row> rows, int width) {
        boolean narrow = width < 70;
        int mode = narrow ? 0 : clamp(max(rows, Row::mode), 4, 10);
        int replicas = clamp(max(rows, Row::replicas), 4, 9);
        int failed = 4;
        int latency = narrow ? 0 : clamp(max(rows, Row::latency), 3, 7);
        int score = 5;
        int fixed = MARK + 4 + gap(mode) + 1 + replicas + 1 + failed + gap(latency) + 1 + score + 2;
        int free = Math.max(8, width - fixed);
        int stackWant = clamp(max(rows, Row::stack), 5, 40);
        int nameWant = clamp(max(rows, Row::name), 4, 200);
        int stack = Math.min(stackWant, Math.max(5, free / 4));
        int name = Math.min(nameWant, Math.max(4, free - stack - 1));
        int detail = free - stack - 1 - name - 1;
        if (detail < 12) {
            // No room for details: give the space back to the names.
            name = Math.max(4, free - stack - 1);
            detail = 0;
        }
        return new Columns(4, stack, name, mode, replicas, failed, latency, score, Math.max(0, detail));
    }

    private static int gap(int w) {
        return w == 0 ? 0 : w + 1;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static int max(List<Row> rows, java.util.function.Function<Row, String> column) {
        return rows.stream().mapToInt(r -> column.apply(r).length()).max().orElse(0);
    }
}
