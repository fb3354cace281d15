package dev.swarmwatch.agent.report;

import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.FailureWords;
import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.checks.spi.Subject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human report: checks grouped by subject (the swarm first, then services by stack), details
 * under the checks that are not OK (under all of them when verbose), and a closing score line.
 * Colour only when asked for, which the CLI does on a terminal.
 */
public final class TextReport {
    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";

    private TextReport() {
    }

    public static String render(HealthReport report, ReportMeta meta, boolean colour, boolean verbose) {
        StringBuilder out = new StringBuilder();
        out.append(bold("swarmwatch report", colour)).append("  engine ").append(meta.engine())
                .append("  at ").append(report.time()).append("\n");

        Map<String, Integer> serviceScores = report.scores().services();
        Map<Subject, List<CheckReport>> groups = new LinkedHashMap<>();
        report.checks().forEach(c -> groups.computeIfAbsent(c.subject(), s -> new java.util.ArrayList<>()).add(c));
        for (Map.Entry<Subject, List<CheckReport>> group : groups.entrySet()) {
            Subject subject = group.getKey();
            Status worst = group.getValue().stream().map(CheckReport::status).reduce(Status.OK, Status::worse);
            String title = subject.cluster() ? "swarm (cluster)"
                    : (subject.stack().isEmpty() ? "" : subject.stack() + " / ") + subject.name();
            out.append("\n").append(paint(worst, pad(worst.name(), 9), colour)).append(bold(title, colour));
            if (!subject.cluster()) {
                out.append("  score ").append(serviceScores.getOrDefault(subject.name(), 100));
            }
            out.append("\n");
            for (CheckReport check : group.getValue()) {
                Status s = check.status();
                String what = check.kind() + (check.name().isEmpty() ? "" : " " + check.name());
                out.append("  ").append(paint(s, pad(s.name(), 9), colour)).append(pad(what, 14))
                        .append(check.result().summary()).append("\n");
                if (verbose || s != Status.OK) {
                    for (String detail : check.result().details()) {
                        if (!verbose && detail.startsWith(FailureWords.DETAIL_PREFIX)) {
                            continue; // exception classes are for -v only
                        }
                        out.append("  ").append(" ".repeat(23)).append("- ").append(detail).append("\n");
                    }
                }
            }
        }
        Status worst = report.worst();
        out.append("\n").append(bold("score " + report.score() + "/100", colour)).append("  ")
                .append(paint(worst, worst.name(), colour))
                .append("  ").append(report.checks().size()).append(" checks: ")
                .append(report.count(Status.OK)).append(" ok, ")
                .append(report.count(Status.WARNING)).append(" warning, ")
                .append(report.count(Status.CRITICAL)).append(" critical, ")
                .append(report.count(Status.UNKNOWN)).append(" unknown")
                .append("  (").append(report.duration().toMillis()).append(" ms, ")
                .append(meta.apiCalls()).append(" Docker API calls)\n");
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }

    private static String bold(String text, boolean colour) {
        return colour ? BOLD + text + RESET : text;
    }

    private static String paint(Status status, String text, boolean colour) {
        if (!colour) {
            return text;
        }
        String code = switch (status) {
            case OK -> "\u001B[32m";
            case WARNING -> "\u001B[33m";
            case CRITICAL -> "\u001B[1;31m";
            case UNKNOWN -> "\u001B[35m";
        };
        return code + text + RESET;
    }
}
