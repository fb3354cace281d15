package dev.swarmwatch.dashboards.tui;

import dev.swarmwatch.dashboards.view.DashModel;

import java.time.Instant;
import java.util.List;

/**
 * The dashboard as a pure function: model, operator's choices, terminal size and the time to
 * {@link Cells}. No Lanterna, no threads, no terminal: the golden-screen tests call it directly.
 */
public final class Renderer {
    private Renderer() {
    }

    public static Cells render(DashModel model, UiState state, int columns, int rows, Instant now) {
        Cells cells = new Cells(Math.max(1, columns), Math.max(1, rows));
        HeaderPane.draw(cells, model, state, now);
        if (!state.drill().isEmpty()) {
            List<DrillPane.Line> lines = DrillPane.lines(model, state.drill(), now);
            int height = Layout.drillHeight(rows) - 1;
            DrillPane.draw(cells, lines, Math.min(state.drillTop(), Math.max(0, lines.size() - height)), 2, height);
            BottomPanes.keys(cells, state, rows - 1, "Esc back  \u2191\u2193 PgUp PgDn scroll  r refresh  p pause  ? help  q quit");
        } else {
            List<Row> table = Table.rows(model, state);
            int height = Layout.tableHeight(model, rows);
            TablePane.draw(cells, table, state, Layout.HEADER, height, model.report().isEmpty());
            int panel = Layout.panel(model, rows);
            BottomPanes.checks(cells, model, Layout.HEADER + height, panel, now);
            BottomPanes.events(cells, model, rows - 2, now);
            BottomPanes.keys(cells, state, rows - 1, BottomPanes.KEYS);
        }
        if (state.help()) {
            HelpOverlay.draw(cells);
        }
        return cells;
    }
}
