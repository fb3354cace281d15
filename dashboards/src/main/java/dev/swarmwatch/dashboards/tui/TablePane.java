package dev.swarmwatch.dashboards.tui;

import dev.swarmwatch.checks.spi.SafeText;

import java.util.List;

/** The services-and-nodes table: a column line marking the sort, then the visible rows, the selected one reversed. */
final class TablePane {
    private static final String SORTED = "\u25bc";

    private TablePane() {
    }

    static void draw(Cells cells, List<Row> rows, UiState state, int firstLine, int height, boolean waiting) {
        int w = cells.columns();
        Columns cols = Columns.fit(rows, w);
        cells.fill(0, firstLine - 1, w, ' ', Style.HEADER);
        line(cells, firstLine - 1, cols, Style.HEADER,
                new String[]{"ST", "STACK", "NAME", "MODE", "REPL", "FAIL", "LAT", "SCORE", "DETAIL"}, state.sort());
        if (rows.isEmpty()) {
            cells.put(2, firstLine, waiting ? "waiting for the first cycle..."
                    : state.filter().isEmpty() && !state.faultsOnly() ? "no services or nodes: the swarm was not read this cycle (see the line above)"
                    : state.filter().isEmpty() ? "no faults"
                    : "nothing matches \"" + state.filter() + "\"" + (state.faultsOnly() ? " among faults" : ""), Style.DIM);
            return;
        }
        for (int i = 0; i < height && state.top() + i < rows.size(); i++) {
            int index = state.top() + i;
            Row r = rows.get(index);
            int y = firstLine + i;
            boolean selected = index == state.selected();
            if (selected) {
                cells.fill(0, y, w, ' ', Style.SELECTED);
                cells.put(0, y, ">", Style.SELECTED);
            }
            line(cells, y, cols, selected ? Style.SELECTED : Style.NORMAL, new String[]{Row.word(r.status()), r.stack(),
                    r.name(), r.mode(), r.replicas(), r.failed(), r.latency(), r.score(), r.detail()}, null);
            cells.style(Columns.MARK, y, 4, Style.of(r.status()));
        }
        if (rows.size() > height) {
            String more = " " + (state.top() + 1) + "-" + Math.min(rows.size(), state.top() + height) + " of " + rows.size() + " ";
            cells.put(w - more.length(), firstLine - 1, more, Style.HEADER);
        }
    }

    private static void line(Cells cells, int y, Columns c, Style style, String[] text, SortColumn sort) {
        int x = Columns.MARK;
        x = cell(cells, x, y, c.status(), text[0], style, sort == SortColumn.STATUS, false);
        x = cell(cells, x, y, c.stack(), text[1], style, sort == SortColumn.STACK, false);
        x = cell(cells, x, y, c.name(), text[2], style, sort == SortColumn.NAME, false);
        x = cell(cells, x, y, c.mode(), text[3], style, false, false);
        x = cell(cells, x, y, c.replicas(), text[4], style, sort == SortColumn.REPLICAS, true);
        x = cell(cells, x, y, c.failed(), text[5], style, sort == SortColumn.FAILED, true);
        x = cell(cells, x, y, c.latency(), text[6], style, sort == SortColumn.LATENCY, true);
        x = cell(cells, x, y, c.score(), text[7], style, sort == SortColumn.SCORE, true);
        cell(cells, x, y, c.detail(), text[8], style, false, false);
    }

    private static int cell(Cells cells, int x, int y, int width, String text, Style style, boolean sorted, boolean right) {
        if (width == 0) {
            return x;
        }
        String shown = SafeText.line(sorted ? text + SORTED : text, width);
        int at = right ? x + width - shown.length() : x;
        cells.put(at, y, shown, width, style);
        return x + width + 1;
    }
}
