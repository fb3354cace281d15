package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.checks.spi.Subject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Names a contradiction between two kinds of one cycle instead of letting the worse reading stand
 * alone: when more replicas of a service answer their per-replica HTTP checks ({@code {{slot}}}
 * URLs) than its tasks say are running, the replicas check says so. Pure: a report in, a report out.
 */
public final class Corroboration {
    private Corroboration() {
    }

    public static HealthReport apply(HealthReport report) {
        Map<Subject, List<CheckReport>> liveProbes = report.checks().stream()
                .filter(r -> r.kind().equals("http") && r.name().contains("#") && !r.subject().cluster())
                .collect(Collectors.groupingBy(CheckReport::subject));
        if (liveProbes.isEmpty()) {
            return report;
        }
        List<CheckReport> checks = new ArrayList<>(report.checks().size());
        for (CheckReport r : report.checks()) {
            List<CheckReport> probes = liveProbes.get(r.subject());
            checks.add(r.kind().equals("replicas") && probes != null ? corroborate(r, probes) : r);
        }
        return new HealthReport(report.time(), report.duration(), checks, report.unfinished());
    }

    static CheckReport corroborate(CheckReport replicas, List<CheckReport> probes) {
        CheckResult result = replicas.result();
        long running = Math.round(perf(result, "running"));
        List<String> answering = probes.stream().filter(p -> p.status() == Status.OK).map(CheckReport::name).sorted().toList();
        if (answering.size() <= running) {
            return replicas;
        }
        String summary = result.summary() + "; yet " + answering.size() + " of " + probes.size()
                + " replicas answer their HTTP check";
        List<String> details = new ArrayList<>(result.details());
        details.add("contradiction: tasks say " + running + " running, live HTTP checks answer on "
                + String.join(", ", answering) + ": the engine's view of the tasks is likely stale (see the nodes check)");
        CheckResult named = new CheckResult(result.status(), summary, details, result.perfdata(), result.time(), result.duration());
        return new CheckReport(replicas.kind(), replicas.subject(), replicas.name(), named);
    }

    private static double perf(CheckResult result, String label) {
        return result.perfdata().stream().filter(p -> p.label().equals(label)).mapToDouble(PerfDatum::value)
                .findFirst().orElse(Double.MAX_VALUE);
    }
}
