package dev.swarmwatch.dashboards.report;

import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.SafeText;
import dev.swarmwatch.checks.spi.Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The report as a Nagios plugin answers, per the Nagios plugin guidelines: one status line with
 * the most important perfdata, then long output (problems first, with their details) and the rest
 * of the perfdata after a second {@code |}. The exit code is {@link HealthReport#worst()}'s.
 *
 * <p>The status line is one line whatever the engine or a server said: every text is made one
 * line with {@link SafeText}, each problem on it is cut to {@value #PROBLEM_SHOWN} characters and
 * all of them to {@value #PROBLEMS_SHOWN}, so the line stays readable in a Nagios overview and in
 * a pager; what does not fit is named ("and 4 more") and is in the long output. Problems are
 * separated by {@code " / "}: Nagios turns every {@code ;} of plugin output into {@code :}, so
 * the texts carry none ({@code ,} instead) and {@code |}, which starts perfdata, becomes {@code /}.
 */
public final class NagiosReport {
    /** At most this many characters of problems on the status line (before the {@code |}). */
    static final int PROBLEMS_SHOWN = 200;
    /** At most this many characters of one problem on the status line. */
    static final int PROBLEM_SHOWN = 100;
    /** At most this many characters in one line of long output. */
    static final int LONG_LINE = 1000;
    /** At most this many details under one problem in the long output. */
    static final int DETAILS_SHOWN = 5;
    private static final int LABEL_SHOWN = 100;
    private static final String SEPARATOR = " / ";

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
            first.append(problems.size()).append(" of ").append(total).append(" checks not OK: ")
                    .append(firstLineProblems(problems));
        }
        first.append(" | 'score'=").append(report.score()).append(";;;0;100")
                .append(" 'checks_not_ok'=").append(problems.size()).append(";;;0;").append(total);

        List<String> longOutput = new ArrayList<>();
        for (CheckReport c : problems) {
            longOutput.add(text(c.status().name() + ": " + label(c) + " " + c.result().summary(), LONG_LINE));
            List<String> details = c.result().details();
            details.stream().limit(DETAILS_SHOWN).forEach(d -> longOutput.add(text("  - " + d, LONG_LINE)));
            if (details.size() > DETAILS_SHOWN) {
                longOutput.add("  - and " + (details.size() - DETAILS_SHOWN) + " more details");
            }
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
        StringBuilder out = new StringBuilder(first);
        for (String line : longOutput) {
            out.append('\n').append(line);
        }
        if (!perf.isEmpty()) {
            out.append(longOutput.isEmpty() ? "\n" : " ").append("| ").append(String.join("\n", perf));
        }
        return out.append('\n').toString();
    }

    // Whole problems while they fit; the first one always, cut if it must be.
    private static String firstLineProblems(List<CheckReport> problems) {
        StringBuilder shown = new StringBuilder();
        int count = 0;
        for (CheckReport c : problems) {
            String one = text(label(c) + " " + c.result().summary(), PROBLEM_SHOWN);
            int needed = (count == 0 ? 0 : SEPARATOR.length()) + one.length();
            if (count > 0 && shown.length() + needed > PROBLEMS_SHOWN) {
                break;
            }
            shown.append(count == 0 ? "" : SEPARATOR).append(one);
            count++;
        }
        if (count < problems.size()) {
            shown.append(SEPARATOR).append("and ").append(problems.size() - count).append(" more");
        }
        return shown.toString();
    }

    private static String label(CheckReport c) {
        return c.subject().name() + " " + c.kind() + (c.name().isEmpty() ? "" : " " + c.name());
    }

    static String perfdatum(String label, PerfDatum p) {
        String safe = SafeText.line(label, LABEL_SHOWN).replace("'", "\"").replace("=", "_").replace('|', '/');
        return "'" + safe + "'=" + number(p.value()) + p.unit()
                + ";" + opt(p.warn()) + ";" + opt(p.crit()) + ";" + opt(p.min()) + ";" + opt(p.max());
    }

    private static String opt(OptionalDouble v) {
        return v.isPresent() ? number(v.getAsDouble()) : "";
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }

    // One line, no controls, bounded, no '|' (it would start perfdata early), no ';' (Nagios's).
    private static String text(String text, int max) {
        return SafeText.line(text, max).replace('|', '/').replace(';', ',');
    }
}
