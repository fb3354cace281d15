package dev.swarmwatch.dashboards.tui;

import java.util.List;

/**
 * What a key does to the operator's choices, k9s-like. Pure: the driver carries out the action
 * (quit, refresh, pause) that comes back with the new state.
 */
public final class Keys {
    public enum Action { NONE, QUIT, REFRESH, PAUSE_CHANGED }

    public record Outcome(UiState state, Action action) {
    }

    private Keys() {
    }

    /**
     * @param rows   the table's rows as shown now (for Enter and the selection's bounds)
     * @param page   table rows visible
     * @param drillLines lines of the drill-down shown now, 0 when none
     */
    public static Outcome apply(UiState s, Key key, List<Row> rows, int page, int drillLines) {
        if (key.kind() == Key.Kind.INTERRUPT) {
            return new Outcome(s, Action.QUIT);
        }
        if (s.editingFilter()) {
            return new Outcome(filterKey(s, key), Action.NONE);
        }
        if (s.help()) {
            boolean closes = key.kind() == Key.Kind.ESCAPE || (key.kind() == Key.Kind.CHARACTER && key.character() == '?');
            if (key.kind() == Key.Kind.CHARACTER && key.character() == 'q') {
                return new Outcome(s, Action.QUIT);
            }
            return new Outcome(closes ? s.helpShown(false) : s, Action.NONE);
        }
        if (key.kind() == Key.Kind.CHARACTER) {
            switch (key.character()) {
                case 'q':
                    return new Outcome(s, Action.QUIT);
                case 'r':
                    return new Outcome(s, Action.REFRESH);
                case 'p':
                    return new Outcome(s.pausedAs(!s.paused()), Action.PAUSE_CHANGED);
                case '?':
                    return new Outcome(s.helpShown(true), Action.NONE);
                default:
                    break;
            }
        }
        return new Outcome(s.drill().isEmpty() ? tableKey(s, key, rows, page) : drillKey(s, key, page, drillLines), Action.NONE);
    }

    private static UiState tableKey(UiState s, Key key, List<Row> rows, int page) {
        int last = Math.max(0, rows.size() - 1);
        int sel = Math.min(s.selected(), last);
        return switch (key.kind()) {
            case UP -> keepVisible(s.select(sel - 1), rows.size(), page);
            case DOWN -> keepVisible(s.select(Math.min(last, sel + 1)), rows.size(), page);
            case PAGE_UP -> keepVisible(s.select(sel - page), rows.size(), page);
            case PAGE_DOWN -> keepVisible(s.select(Math.min(last, sel + page)), rows.size(), page);
            case HOME -> keepVisible(s.select(0), rows.size(), page);
            case END -> keepVisible(s.select(last), rows.size(), page);
            case ENTER -> rows.isEmpty() ? s : s.drilled(rows.get(sel).key());
            case ESCAPE -> s.filter().isEmpty() ? s : s.filtering("", false);
            case CHARACTER -> switch (key.character()) {
                case 'j' -> keepVisible(s.select(Math.min(last, sel + 1)), rows.size(), page);
                case 'k' -> keepVisible(s.select(sel - 1), rows.size(), page);
                case '/' -> s.filtering(s.filter(), true);
                case 's' -> s.sortedBy(s.sort().next());
                case 'f' -> s.faults(!s.faultsOnly());
                default -> s;
            };
            default -> s;
        };
    }

    private static UiState drillKey(UiState s, Key key, int page, int lines) {
        int last = Math.max(0, lines - page);
        int top = Math.min(s.drillTop(), last);
        return switch (key.kind()) {
            case ESCAPE -> s.drilled("");
            case UP -> s.drillScrolled(top - 1);
            case DOWN -> s.drillScrolled(Math.min(last, top + 1));
            case PAGE_UP -> s.drillScrolled(top - page);
            case PAGE_DOWN -> s.drillScrolled(Math.min(last, top + page));
            case HOME -> s.drillScrolled(0);
            case END -> s.drillScrolled(last);
            case CHARACTER -> switch (key.character()) {
                case 'j' -> s.drillScrolled(Math.min(last, top + 1));
                case 'k' -> s.drillScrolled(top - 1);
                default -> s;
            };
            default -> s;
        };
    }

    private static UiState filterKey(UiState s, Key key) {
        return switch (key.kind()) {
            case ENTER -> s.filtering(s.filter(), false);
            case ESCAPE -> s.filtering("", false);
            case BACKSPACE -> s.filtering(s.filter().isEmpty() ? "" : s.filter().substring(0, s.filter().length() - 1), true);
            case CHARACTER -> key.character() >= 0x20 && s.filter().length() < 64
                    ? s.filtering(s.filter() + key.character(), true) : s;
            default -> s;
        };
    }

    /** The same state with the selection inside the rows and the scroll showing it. */
    public static UiState keepVisible(UiState s, int rowCount, int page) {
        int sel = Math.max(0, Math.min(s.selected(), rowCount - 1));
        int top = s.top();
        if (sel < top) {
            top = sel;
        } else if (sel >= top + page) {
            top = sel - page + 1;
        }
        top = Math.max(0, Math.min(top, Math.max(0, rowCount - page)));
        return s.select(sel).scrolled(top);
    }
}
