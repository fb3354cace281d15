package dev.swarmwatch.dashboards.tui;

import dev.swarmwatch.checks.spi.SafeText;
import dev.swarmwatch.dashboards.view.Ages;
import dev.swarmwatch.dashboards.view.AlertView;
import dev.swarmwatch.dashboards.view.CheckView;
import dev.swarmwatch.dashboards.view.DashModel;
import dev.swarmwatch.dashboards.view.Event;

import java.time.Instant;
import java.util.List;

/** The checks panel (alerts when the alert engine runs, then declared targets), the event line and the key line. */
final class BottomPanes {
    static final String KEYS = "\u2191\u2193 select  Enter details  / filter  s sort  f faults  r refresh  p pause  ? help  q quit";

    private BottomPanes() {
    }

    static void checks(Cells cells, DashModel model, int y, int lines, Instant now) {
        int w = cells.columns();
        List<CheckView> targets = model.report().map(r -> r.targets()).orElse(List.of());
        int c = cells.put(0, y, "CHECKS ", Style.BOLD);
        if (targets.isEmpty()) {
            cells.put(c, y, "no databases, Patroni, Redis or HTTP targets declared", Style.DIM);
        } else {
            long bad = targets.stream().filter(t -> t.status() != dev.swarmwatch.checks.spi.Status.OK).count();
            cells.put(c, y, targets.size() + " targets, " + bad + " not OK", Style.DIM);
        }
        int line = y + 1;
        int end = y + lines;
        List<AlertView> alerts = model.alerts().orElse(List.of());
        if (model.alerts().isPresent() && line < end) {
            long firing = model.firing();
            long pending = alerts.size() - firing;
            String title = (firing == 0 ? "none firing" : firing + " firing") + (pending == 0 ? "" : ", " + pending + " pending");
            int x = cells.put(0, line, "ALERTS ", Style.BOLD);
            cells.put(x, line++, title, firing == 0 ? Style.DIM : Style.BOLD);
            for (AlertView a : alerts) {
                if (line >= end) {
                    break;
                }
                line = alert(cells, a, line);
            }
        }
        int labels = Math.min(30, targets.stream().mapToInt(t -> t.label().length()).max().orElse(0));
        for (CheckView t : targets) {
            if (line >= end) {
                break;
            }
            cells.put(1, line, Row.word(t.status()), 4, Style.of(t.status()));
            cells.put(6, line, SafeText.line(t.label(), labels), Style.BOLD);
            int x = 6 + labels;
            cells.put(x + 2, line++, SafeText.line(Ages.inText(t.summary(), now), Math.max(0, w - x - 2)), Style.NORMAL);
        }
    }

    // One line: the word, "pending" when not firing yet, name, summary, what it mutes and what mutes it.
    private static int alert(Cells cells, AlertView a, int line) {
        int w = cells.columns();
        int x = cells.put(1, line, a.word(), 4, a.pending() ? Style.DIM : Style.of(a.severity()));
        x += 1;
        if (a.pending()) {
            x = cells.put(x, line, "pending ", w - x, Style.DIM);
        }
        x = cells.put(x, line, SafeText.line(a.name(), Math.max(0, w - x)), Style.BOLD);
        StringBuilder why = new StringBuilder();
        if (!a.mutes().isEmpty()) {
            why.append("  mutes ").append(a.mutes().size()).append(": ").append(String.join(", ", a.mutes()));
        }
        if (!a.mutedBy().isEmpty()) {
            why.append("  muted by ").append(String.join(", ", a.mutedBy()));
        }
        // What it mutes must stay in sight on a narrow screen: the summary then gets half of the room.
        int room = Math.max(0, w - x);
        int summary = why.isEmpty() ? room : Math.min(a.summary().length() + 2, Math.max(12, room / 2));
        x = cells.put(x, line, SafeText.line("  " + a.summary(), summary), Style.NORMAL);
        cells.put(x, line, SafeText.line(why.toString(), Math.max(0, w - x)), Style.NORMAL);
        return line + 1;
    }

    static void events(Cells cells, DashModel model, int y, Instant now) {
        int c = cells.put(0, y, "EVENTS ", Style.BOLD);
        if (model.events().isEmpty()) {
            cells.put(c, y, "no state changes yet", Style.DIM);
            return;
        }
        for (Event e : model.events()) {
            if (c >= cells.columns()) {
                break;
            }
            c = cells.put(c, y, Ages.ago(e.at(), now) + " ", Style.DIM);
            c = cells.put(c, y, e.text(), Style.of(e.status()));
            c = cells.put(c, y, "  \u00b7  ", Style.DIM);
        }
    }

    static void keys(Cells cells, UiState state, int y, String hint) {
        if (state.editingFilter()) {
            int c = cells.put(0, y, "/", Style.BOLD);
            c = cells.put(c, y, state.filter(), Style.NORMAL);
            c = cells.put(c, y, "_", Style.SELECTED);
            cells.put(c + 2, y, "Enter keep  Esc clear", Style.DIM);
            return;
        }
        cells.put(0, y, hint, Style.DIM);
    }
}
