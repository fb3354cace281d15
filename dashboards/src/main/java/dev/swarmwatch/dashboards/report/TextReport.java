package dev.swarmwatch.dashboards.report;

import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.SafeText;
import dev.swarmwatch.checks.spi.FailureWords;
import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.dashboards.view.Ages;
import dev.swarmwatch.dashboards.view.CheckView;
import dev.swarmwatch.dashboards.view.ReportView;
import dev.swarmwatch.dashboards.view.ServiceView;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The human report, on the shared {@link ReportView}: problems first (worst first, natural name
 * order), each with its checks and the details of those not OK; then one line per healthy
 * service. Verbose shows every check of every service with its details. Times are ages. Colour
 * only when asked for, which the CLI does on a terminal.
 */
public final class TextReport {
    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final int MAX_NAME = 40;
    /** More healthy services than this are listed by name only, unless -v. */
    static final int COMPACT_OVER = 12;
    private static final int WRAP = 100;

    private TextReport() {
    }

    public static String render(HealthReport report, ReportMeta meta, boolean colour, boolean verbose) {
        ReportView view = ReportView.of(report);
        Instant now = view.time();
        StringBuilder out = new StringBuilder();
        out.append(bold("swarmwatch report", colour)).append("  engine ").append(SafeText.line(meta.engine()))
                .append("  at ").append(view.time().truncatedTo(ChronoUnit.SECONDS)).append("\n");

        List<Block> problems = new ArrayList<>();
        List<Block> healthy = new ArrayList<>();
        List<ServiceView> healthyServices = new ArrayList<>();
        if (!view.cluster().isEmpty()) {
            Status worst = view.cluster().stream().map(CheckView::status).reduce(Status.OK, Status::worse);
            (worst == Status.OK ? healthy : problems).add(new Block("swarm (cluster)", worst, -1, view.cluster(), true));
        }
        for (ServiceView s : view.services()) {
            (s.status() == Status.OK ? healthy : problems)
                    .add(new Block(title(s), s.status(), s.score(), s.checks(), false));
            if (s.status() == Status.OK) {
                healthyServices.add(s);
            }
        }
        // The swarm's own block heads its part: quorum and nodes are read before any service.
        problems.sort((a, b) -> Integer.compare(b.status.severity(), a.status.severity()));
        if (!problems.isEmpty()) {
            out.append("\n");
        }
        for (Block b : problems) {
            expanded(out, b, colour, verbose, now);
        }
        if (!healthy.isEmpty()) {
            out.append("\n");
        }
        boolean compact = !verbose && healthyServices.size() > COMPACT_OVER;
        int width = Math.min(MAX_NAME, healthy.stream().mapToInt(b -> b.title.length()).max().orElse(0));
        for (Block b : healthy) {
            if (verbose || b.cluster) {
                expanded(out, b, colour, verbose, now);
            } else if (!compact) {
                oneLine(out, b, width, colour);
            }
        }
        if (compact) {
            healthyNames(out, healthyServices, colour);
        }
        out.append("\n").append(bold("score " + view.score() + "/100", colour)).append("  ")
                .append(paint(view.worst(), view.worst().name(), colour))
                .append("  ").append(view.checkCount()).append(" checks: ")
                .append(view.count(Status.OK)).append(" ok, ")
                .append(view.count(Status.WARNING)).append(" warning, ")
                .append(view.count(Status.CRITICAL)).append(" critical, ")
                .append(view.count(Status.UNKNOWN)).append(" unknown")
                .append("  (").append(view.duration().toMillis()).append(" ms, ")
                .append(meta.apiCalls()).append(" Docker API calls)\n");
        return out.toString();
    }

    private record Block(String title, Status status, int score, List<CheckView> checks, boolean cluster) {
    }

    private static String title(ServiceView s) {
        return s.stack().isEmpty() ? s.name() : s.stack() + " / " + s.name();
    }

    private static void expanded(StringBuilder out, Block b, boolean colour, boolean verbose, Instant now) {
        out.append(paint(b.status, pad(b.status.name(), 9), colour)).append(bold(b.title, colour));
        if (b.score >= 0) {
            out.append("  score ").append(b.score);
        }
        out.append("\n");
        for (CheckView c : b.checks) {
            out.append("  ").append(paint(c.status(), pad(c.status().name(), 9), colour)).append(pad(c.label(), 14))
                    .append(Ages.inText(c.summary(), now)).append("\n");
            if (verbose || c.status() != Status.OK) {
                for (String detail : c.details()) {
                    if (!verbose && detail.startsWith(FailureWords.DETAIL_PREFIX)) {
                        continue; // exception classes are for -v only
                    }
                    out.append(" ".repeat(25)).append("- ").append(Ages.inText(detail, now)).append("\n");
                }
            }
        }
    }

    // Many healthy services: their names only, per stack, wrapped, so a healthy swarm of a hundred
    // services fits a screen; -v lists each with its checks.
    private static void healthyNames(StringBuilder out, List<ServiceView> services, boolean colour) {
        out.append(paint(Status.OK, pad(Status.OK.name(), 9), colour)).append(services.size())
                .append(" services healthy (-v shows each):\n");
        java.util.Map<String, List<String>> byStack = new java.util.LinkedHashMap<>();
        for (ServiceView s : services) {
            byStack.computeIfAbsent(s.stack(), k -> new ArrayList<>()).add(SafeText.line(s.name(), MAX_NAME));
        }
        byStack.forEach((stack, names) -> {
            StringBuilder line = new StringBuilder(" ".repeat(9)).append(stack.isEmpty() ? "(no stack)" : SafeText.line(stack, MAX_NAME))
                    .append(": ");
            int indent = line.length();
            for (int i = 0; i < names.size(); i++) {
                String item = names.get(i) + (i + 1 < names.size() ? ", " : "");
                if (line.length() + item.length() > WRAP && line.length() > indent) {
                    out.append(line.toString().stripTrailing()).append("\n");
                    line = new StringBuilder(" ".repeat(indent));
                }
                line.append(item);
            }
            out.append(line.toString().stripTrailing()).append("\n");
        });
    }

    private static void oneLine(StringBuilder out, Block b, int width, boolean colour) {
        CheckView lead = b.checks.stream().filter(c -> c.kind().equals("replicas")).findFirst()
                .orElse(b.checks.isEmpty() ? null : b.checks.get(0));
        out.append(paint(b.status, pad(b.status.name(), 9), colour)).append(pad(SafeText.line(b.title, MAX_NAME), width + 1))
                .append(lead == null ? "" : lead.summary())
                .append(b.checks.size() > 1 ? "  (" + b.checks.size() + " checks)" : "").append("\n");
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
