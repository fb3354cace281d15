package dev.swarmwatch.dashboards.view;

import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.SafeText;
import dev.swarmwatch.checks.spi.Status;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One check as the front-ends show it: every text already made safe for a terminal.
 *
 * @param name    the declared target's name, "" for checks of the swarm or a service itself
 * @param details further lines, each one line of safe text
 * @param checkedAt when the check last ran
 */
public record CheckView(String id, String kind, String name, Status status, String summary, List<String> details,
                        List<PerfDatum> perfdata, Instant checkedAt) {
    public CheckView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        details = List.copyOf(details);
        perfdata = List.copyOf(perfdata);
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    static CheckView of(CheckReport report) {
        return new CheckView(SafeText.line(report.id()), SafeText.line(report.kind()), SafeText.line(report.name()),
                report.status(), SafeText.line(report.result().summary()),
                report.result().details().stream().map(SafeText::line).toList(),
                report.result().perfdata(), report.result().time());
    }

    /** "kind" or "kind name", the way a row labels the check. */
    public String label() {
        return name.isEmpty() ? kind : kind + " " + name;
    }

    public OptionalDouble perf(String label) {
        return perfdata.stream().filter(p -> p.label().equals(label)).mapToDouble(PerfDatum::value).findFirst();
    }
}
