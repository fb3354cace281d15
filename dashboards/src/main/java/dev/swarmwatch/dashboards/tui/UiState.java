package dev.swarmwatch.dashboards.tui;

import java.util.Objects;

/**
 * What the operator has chosen, immutable: the selected row and scroll of the table, the filter
 * (and whether it is being typed), the sort, faults only, the drill-down shown and the help overlay.
 *
 * @param selected   index into the table's visible rows
 * @param top        first visible row of the table
 * @param drill      the row key drilled into ({@code service:<key>} or {@code node:<id>}), "" for the table
 * @param drillTop   first visible line of the drill-down
 */
public record UiState(int selected, int top, String filter, boolean editingFilter, SortColumn sort,
                      boolean faultsOnly, String drill, int drillTop, boolean help, boolean paused) {
    public UiState {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(drill, "drill");
        selected = Math.max(0, selected);
        top = Math.max(0, top);
        drillTop = Math.max(0, drillTop);
    }

    public static UiState initial() {
        return new UiState(0, 0, "", false, SortColumn.STATUS, false, "", 0, false, false);
    }

    public UiState select(int row) {
        return new UiState(row, top, filter, editingFilter, sort, faultsOnly, drill, drillTop, help, paused);
    }

    public UiState scrolled(int firstRow) {
        return new UiState(selected, firstRow, filter, editingFilter, sort, faultsOnly, drill, drillTop, help, paused);
    }

    public UiState filtering(String text, boolean editing) {
        return new UiState(0, 0, text, editing, sort, faultsOnly, drill, drillTop, help, paused);
    }

    public UiState sortedBy(SortColumn column) {
        return new UiState(0, 0, filter, editingFilter, column, faultsOnly, drill, drillTop, help, paused);
    }

    public UiState faults(boolean only) {
        return new UiState(0, 0, filter, editingFilter, sort, only, drill, drillTop, help, paused);
    }

    public UiState drilled(String key) {
        return new UiState(selected, top, filter, editingFilter, sort, faultsOnly, key, 0, help, paused);
    }

    public UiState drillScrolled(int line) {
        return new UiState(selected, top, filter, editingFilter, sort, faultsOnly, drill, line, help, paused);
    }

    public UiState helpShown(boolean shown) {
        return new UiState(selected, top, filter, editingFilter, sort, faultsOnly, drill, drillTop, shown, paused);
    }

    public UiState pausedAs(boolean pause) {
        return new UiState(selected, top, filter, editingFilter, sort, faultsOnly, drill, drillTop, help, pause);
    }
}
