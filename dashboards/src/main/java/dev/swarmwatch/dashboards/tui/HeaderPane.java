package dev.swarmwatch.dashboards.tui;

import dev.swarmwatch.checks.spi.Durations;
import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.dashboards.view.Ages;
import dev.swarmwatch.dashboards.view.CheckView;
import dev.swarmwatch.dashboards.view.DashModel;
import dev.swarmwatch.dashboards.view.ReportView;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The two header lines: engine, score and sparkline, refresh; quorum, nodes, checks, sort and filter. */
final class HeaderPane {
    private static final String BARS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
    private static final int SPARK = 20;

    private HeaderPane() {
    }

    static void draw(Cells cells, DashModel model, UiState state, Instant now) {
        int w = cells.columns();
        Optional<ReportView> report = model.report();
        String right = refresh(model, state, now);
        if (right.length() + 12 > w) {
            // A narrow terminal keeps the name and the marker; the refresh line gives way.
            right = state.paused() ? "PAUSED" : report.isPresent() && model.stale(now) ? "STALE" : "";
        }
        Style rightStyle = state.paused() || (report.isPresent() && model.stale(now)) ? Style.WARNING : Style.DIM;
        int rightAt = Math.max(0, w - right.length());
        int room = Math.max(0, rightAt - 1);
        int c = cells.put(0, 0, "swarmwatch", room, Style.BOLD);
        ReportView r;
        if (report.isPresent()) {
            r = report.get();
            c = cells.put(c, 0, "  score ", room - c, Style.NORMAL);
            c = cells.put(c, 0, String.valueOf(r.score()), room - c, Style.of(r.worst()));
            c = cells.put(c, 0, " " + sparkline(model.history()), room - c, Style.of(r.worst()));
            c = cells.put(c, 0, "  ", room - c, Style.NORMAL);
            c = cells.put(c, 0, r.worst().name(), room - c, Style.of(r.worst()));
        }
        if (model.alerts().isPresent()) {
            long firing = model.firing();
            c = cells.put(c, 0, "  ", room - c, Style.NORMAL);
            c = cells.put(c, 0, firing + (firing == 1 ? " alert" : " alerts") + " firing", room - c,
                    firing == 0 ? Style.DIM : Style.CRITICAL);
        }
        if (room - c > 8) {
            cells.put(c + 2, 0, dev.swarmwatch.checks.spi.SafeText.line(model.engine(), room - c - 2), Style.DIM);
        }
        cells.put(rightAt, 0, right, rightStyle);

        if (report.isEmpty()) {
            cells.put(0, 1, "waiting for the first cycle...", Style.DIM);
            return;
        }
        r = report.get();
        Status quorumStatus = r.cluster().stream().filter(k -> k.kind().equals("quorum")).map(CheckView::status)
                .findFirst().orElse(Status.UNKNOWN);
        c = cells.put(0, 1, quorum(r), w, Style.of(quorumStatus) == Style.OK ? Style.NORMAL : Style.of(quorumStatus));
        c = cells.put(c, 1, "  " + nodes(r), w - c, Style.NORMAL);
        if (w >= 100) {
            c = cells.put(c, 1, "  " + r.checkCount() + " checks", w - c, Style.NORMAL);
        }
        for (Status s : List.of(Status.CRITICAL, Status.UNKNOWN, Status.WARNING)) {
            if (r.count(s) > 0) {
                c = cells.put(c, 1, " " + r.count(s) + " " + Row.word(s).toLowerCase(java.util.Locale.ROOT), w - c, Style.of(s));
            }
        }
        String choices = (state.faultsOnly() ? "  faults only" : "")
                + (state.filter().isEmpty() ? "" : "  filter \"" + state.filter() + "\"");
        cells.put(c, 1, choices, w - c, Style.BOLD);
    }

    private static String refresh(DashModel model, UiState state, Instant now) {
        String every = "every " + Durations.format(model.interval());
        if (model.report().isEmpty()) {
            return (state.paused() ? "PAUSED  " : "") + every;
        }
        String marker = state.paused() ? "PAUSED  " : model.stale(now) ? "STALE  " : "";
        return marker + "refreshed " + Ages.ago(model.refreshed(), now) + ", " + every;
    }

    static String sparkline(List<Integer> history) {
        StringBuilder out = new StringBuilder();
        for (int score : history.subList(Math.max(0, history.size() - SPARK), history.size())) {
            out.append(BARS.charAt(Math.max(0, Math.min(7, Math.round(score * 7 / 100f)))));
        }
        return out.toString();
    }

    private static String quorum(ReportView r) {
        Optional<CheckView> q = r.cluster().stream().filter(c -> c.kind().equals("quorum")).findFirst();
        if (q.isEmpty()) {
            return "quorum not checked";
        }
        CheckView check = q.get();
        if (check.perf("managers").isEmpty()) {
            return Row.word(check.status()) + " " + check.summary();
        }
        return "quorum " + (int) check.perf("managers_reachable").orElse(0) + "/" + (int) check.perf("managers").orElse(0)
                + " need " + (int) check.perf("quorum").orElse(0)
                + " tolerates " + (int) check.perf("failures_tolerated").orElse(0);
    }

    private static String nodes(ReportView r) {
        return r.cluster().stream().filter(c -> c.kind().equals("nodes") && c.perf("nodes").isPresent()).findFirst()
                .map(n -> "nodes " + (int) n.perf("nodes_ready").orElse(0) + " ready "
                        + (int) n.perf("nodes_down").orElse(0) + " down "
                        + (int) n.perf("nodes_drained").orElse(0) + " drained")
                .orElse("nodes not checked");
    }
}
