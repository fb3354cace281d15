package dev.swarmwatch.dashboards.tui;

import dev.swarmwatch.dashboards.view.DashModel;

/**
 * Where the panes go on a screen of a given height: two header lines, the table's column line,
 * the table, the checks panel, the event line and the key line. Pure.
 */
public final class Layout {
    static final int HEADER = 3;

    private Layout() {
    }

    /** Lines of the checks panel: its title plus targets and alerts, at most a third of the screen. */
    static int panel(DashModel model, int rows) {
        int targets = model.report().map(r -> r.targets().size()).orElse(0);
        int alerts = model.alerts().map(a -> a.size() + 1).orElse(0);
        if (targets + alerts == 0) {
            return 1;
        }
        return Math.max(1, Math.min(1 + targets + alerts, Math.max(2, (rows - 6) / 3)));
    }

    /** Table rows visible. */
    public static int tableHeight(DashModel model, int rows) {
        return Math.max(1, rows - HEADER - 2 - panel(model, rows));
    }

    /** Drill-down lines visible. */
    public static int drillHeight(int rows) {
        return Math.max(1, rows - 3);
    }
}
