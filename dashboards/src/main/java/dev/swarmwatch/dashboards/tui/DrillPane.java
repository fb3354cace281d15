package dev.swarmwatch.dashboards.tui;

import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.dashboards.view.Ages;
import dev.swarmwatch.dashboards.view.CheckView;
import dev.swarmwatch.dashboards.view.DashModel;
import dev.swarmwatch.dashboards.view.Event;
import dev.swarmwatch.dashboards.view.NodeView;
import dev.swarmwatch.dashboards.view.ServiceView;
import dev.swarmwatch.dashboards.view.TaskView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Enter on a row: a service's checks with every detail line, its tasks and its recent transitions;
 * a node's tasks. Built as lines, then drawn from the scroll position.
 */
final class DrillPane {
    record Line(String text, Style style, int statusWidth) {
        static Line of(String text, Style style) {
            return new Line(text, style, 0);
        }
    }

    private DrillPane() {
    }

    static List<Line> lines(DashModel model, String key, Instant now) {
        List<Line> out = new ArrayList<>();
        if (key.startsWith("service:")) {
            String wanted = key.substring("service:".length());
            Optional<ServiceView> found = model.report().flatMap(r -> r.services().stream()
                    .filter(s -> s.key().equals(wanted)).findFirst());
            if (found.isEmpty()) {
                out.add(Line.of("service " + wanted + " is gone: it has no checks in the latest cycle", Style.DIM));
                return out;
            }
            service(out, model, found.get(), now);
        } else {
            String id = key.substring("node:".length());
            Optional<NodeView> node = model.facts().nodes().stream().filter(n -> n.id().equals(id)).findFirst();
            if (node.isEmpty()) {
                out.add(Line.of("node " + id + " is gone from the latest cycle", Style.DIM));
                return out;
            }
            NodeView n = node.get();
            out.add(new Line(Row.word(n.status()) + " NODE " + n.hostname() + "  " + n.role() + "  state " + n.state()
                    + "  availability " + n.availability() + "  " + n.running() + " tasks running", Style.BOLD, 4));
            out.add(Line.of("", Style.NORMAL));
            tasks(out, model.facts().tasksByNode().getOrDefault(n.id(), List.of()), true, now);
        }
        return out;
    }

    private static void service(List<Line> out, DashModel model, ServiceView s, Instant now) {
        String mode = model.facts().modes().getOrDefault(s.name(), "");
        out.add(new Line(Row.word(s.status()) + " SERVICE " + (s.stack().isEmpty() ? "" : s.stack() + " / ") + s.name()
                + (mode.isEmpty() ? "" : "  " + mode) + (s.replicas().isEmpty() ? "" : "  replicas " + s.replicas())
                + "  score " + s.score(), Style.BOLD, 4));
        out.add(Line.of("", Style.NORMAL));
        out.add(Line.of("CHECKS", Style.BOLD));
        for (CheckView c : s.checks()) {
            out.add(new Line("  " + Row.word(c.status()) + " " + pad(c.label(), 14) + Ages.inText(c.summary(), now)
                    + "  (" + Ages.ago(c.checkedAt(), now) + ")", Style.NORMAL, 4));
            c.details().forEach(d -> out.add(Line.of("         - " + Ages.inText(d, now), Style.NORMAL)));
        }
        out.add(Line.of("", Style.NORMAL));
        List<TaskView> tasks = model.facts().tasksByService().get(s.name());
        if (tasks == null) {
            out.add(Line.of("TASKS  not known: the swarm was not read this cycle", Style.DIM));
        } else {
            tasks(out, tasks, false, now);
        }
        out.add(Line.of("", Style.NORMAL));
        out.add(Line.of("TRANSITIONS", Style.BOLD));
        List<Event> mine = model.events().stream().filter(e -> e.subject().equals(s.key())).toList();
        if (mine.isEmpty()) {
            out.add(Line.of("  none seen since the dashboard started", Style.DIM));
        }
        mine.forEach(e -> out.add(Line.of("  " + pad(Ages.ago(e.at(), now), 10) + e.text(), Style.of(e.status()))));
    }

    private static void tasks(List<Line> out, List<TaskView> tasks, boolean byNode, Instant now) {
        out.add(Line.of("TASKS", Style.BOLD));
        out.add(Line.of("  " + (byNode ? pad("SERVICE", 24) : "") + pad("SLOT", 6) + (byNode ? "" : pad("NODE", 16))
                + pad("STATE", 10) + pad("DESIRED", 10) + pad("SINCE", 10) + pad("EXIT", 6) + "ERROR", Style.HEADER));
        if (tasks.isEmpty()) {
            out.add(Line.of("  no tasks", Style.DIM));
        }
        for (TaskView t : tasks) {
            Status st = t.state().equals("running") ? Status.OK
                    : t.state().equals("failed") || t.state().equals("rejected") ? Status.CRITICAL
                    : t.desiredState().equals("running") ? Status.WARNING : Status.OK;
            String exit = t.exitCode().isPresent() ? String.valueOf(t.exitCode().getAsInt()) : "";
            out.add(Line.of("  " + (byNode ? pad(t.service(), 24) : "") + pad(t.slot() == 0 ? "-" : String.valueOf(t.slot()), 6)
                    + (byNode ? "" : pad(t.node(), 16)) + pad(t.state(), 10) + pad(t.desiredState(), 10)
                    + pad(Ages.age(t.since(), now), 10) + pad(exit, 6) + t.error(),
                    st == Status.OK ? Style.NORMAL : Style.of(st)));
        }
    }

    static void draw(Cells cells, List<Line> lines, int top, int firstLine, int height) {
        for (int i = 0; i < height && top + i < lines.size(); i++) {
            Line l = lines.get(top + i);
            int y = firstLine + i;
            if (l.style() == Style.HEADER) {
                cells.fill(0, y, cells.columns(), ' ', Style.HEADER);
            }
            cells.put(0, y, dev.swarmwatch.checks.spi.SafeText.line(l.text(), cells.columns()), l.style());
            if (l.statusWidth() > 0) {
                int at = l.text().startsWith("  ") ? 2 : 0;
                Style status = Style.of(statusOf(l.text().substring(at, at + 4).trim()));
                cells.style(at, y, 4, status);
            }
        }
        if (lines.size() > height) {
            String more = " " + (top + 1) + "-" + Math.min(lines.size(), top + height) + " of " + lines.size() + " lines ";
            cells.put(cells.columns() - more.length(), firstLine + height, more, Style.DIM);
        }
    }

    private static Status statusOf(String word) {
        return switch (word) {
            case "OK" -> Status.OK;
            case "WARN" -> Status.WARNING;
            case "CRIT" -> Status.CRITICAL;
            default -> Status.UNKNOWN;
        };
    }

    private static String pad(String text, int width) {
        String cut = text.length() >= width ? text.substring(0, Math.max(0, width - 2)) + "\u2026" : text;
        return cut + " ".repeat(Math.max(1, width - cut.length()));
    }
}
