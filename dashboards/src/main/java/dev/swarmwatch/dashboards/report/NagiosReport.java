package dev.swarmwatch.dashboards.report;

import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The report as a Nagios plugin answers: one status line with the most important perfdata, then
 * long output (problems first) with the rest of the perfdata after a second {@code |}, per the
 * Nagios plugin guidelines. The exit code is {@link HealthReport#worst()}'s.
 */
public final class NagiosReport {
    private static final int PROBLEMS_ON_FIRST_LINE = 3;

    private NagiosReport() {
    }

    public static String render(HealthReport report) {
        Status worst = report.worst();
        List<CheckReport> problems = report.checks().stream()
                .filter(c -> c.status() != Status.OK)
                .sorted(Comparator.comparing((CheckReport c) -> -c.status().severity()))
                .toList();
        int total = report.checks().size();

        StringBuilder first = new StringBuilder("SWARMWATCH ").append(worst.name()).append(" - ");
        if (problems.isEmpty()) {
            first.append(total).append(" checks OK");
        } else {
            first.append(problems.size()).append(" of ").append(total).append(" checks not OK: ");
            first.append(String.join("; ", problems.stream().limit(PROBLEMS_ON_FIRST_LINE)
                    .map(c -> label(c) + " " + c.result().summary()).toList()));
            if (problems.size() > PROBLEMS_ON_FIRST_LINE) {
                first.append("; and ").append(problems.size() - PROBLEMS_ON_FIRST_LINE).append(" more");
            }
        }
        first.append(" | 'score'=").append(report.score()).append(";;;0;100")
                .append(" 'checks_not_ok'=").append(problems.size()).append(";;;0;").append(total);

        List<String> longOutput = new ArrayList<>();
        for (CheckReport c : problems) {
            longOutput.add(c.status().name() + ": " + label(c) + " " + c.result().summary());
        }
        long ok = total - problems.size();
        if (ok > 0) {
            longOutput.add("OK: " + ok + " other checks");
        }
        List<String> perf = new ArrayList<>();
        for (CheckReport c : report.checks()) {
            for (PerfDatum p : c.result().perfdata()) {
                perf.add(perfdatum((c.name().isEmpty() ? c.subject().name() : c.name()) + "." + p.label(), p));
            }
        }
        StringBuilder out = new StringBuilder(sanitize(first.toString()));
        for (String line : longOutput) {
            out.append('\n').append(sanitize(line));
        }
        if (!perf.isEmpty()) {
            out.append(longOutput.isEmpty() ? "\n" : " ").append("| ").append(String.join("\n", perf));
        }
        return out.append('\n').toString();
    }

    private static String label(CheckReport c) {
        return c.subject().name() + " " + c.kind() + (c.name().isEmpty() ? "" : " " + c.name());
    }

    static String perfdatum(String label, PerfDatum p) {
        return "'" + label.replace("'", "\"").replace("=", "_") + "'=" + number(p.value()) + p.unit()
                + ";" + opt(p.warn()) + ";" + opt(p.crit()) + ";" + opt(p.min()) + ";" + opt(p.max());
    }

    private static String opt(OptionalDouble v) {
        return v.isPresent() ? number(v.getAsDouble()) : "";
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }

    // A '|' in free text would start perfdata early.
    private static String sanitize(String line) {
        int bar = line.indexOf(" | '");
        return bar < 0 ? line.replace('|', '/') : line.substring(0, bar).replace('|', '/') + line.substring(bar);
    }
}
