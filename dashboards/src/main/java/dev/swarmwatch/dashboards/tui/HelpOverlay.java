package dev.swarmwatch.dashboards.tui;

import java.util.List;

/** The {@code ?} overlay: every key, in a box over the middle of the screen. */
final class HelpOverlay {
    static final List<String> LINES = List.of(
            "Keys",
            "",
            "Up/Down, j/k     select a row",
            "PgUp/PgDn        a page up or down",
            "Home/End         first or last row",
            "Enter            details: checks, tasks, transitions",
            "Esc              back to the table; closes this help",
            "/                filter (every column; Enter keeps, Esc clears)",
            "s                next sort column (marked \u25bc)",
            "f                faults only",
            "r                refresh now",
            "p                pause or resume the checks",
            "?                this help",
            "q, Ctrl-C        quit");

    private HelpOverlay() {
    }

    static void draw(Cells cells) {
        int width = Math.min(cells.columns(), LINES.stream().mapToInt(String::length).max().orElse(0) + 4);
        int height = Math.min(cells.rows(), LINES.size() + 2);
        int x = (cells.columns() - width) / 2;
        int y = Math.max(0, (cells.rows() - height) / 2);
        for (int r = 0; r < height; r++) {
            cells.fill(x, y + r, width, ' ', Style.NORMAL);
        }
        cells.put(x, y, "\u250c" + "\u2500".repeat(width - 2) + "\u2510", Style.BOLD);
        for (int r = 1; r < height - 1; r++) {
            cells.put(x, y + r, "\u2502", Style.BOLD);
            cells.put(x + width - 1, y + r, "\u2502", Style.BOLD);
            cells.put(x + 2, y + r, LINES.get(r - 1), width - 4, r == 1 ? Style.BOLD : Style.NORMAL);
        }
        cells.put(x, y + height - 1, "\u2514" + "\u2500".repeat(width - 2) + "\u2518", Style.BOLD);
    }
}
