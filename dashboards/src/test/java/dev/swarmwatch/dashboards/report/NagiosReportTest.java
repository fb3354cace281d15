package dev.swarmwatch.dashboards.report;

import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.Subject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Nagios answer stays one status line, bounded, whatever the engine's messages hold. */
class NagiosReportTest {
    private static final String HOSTILE = "\u001b]0;owned\u0007\u001b[2J\u001b[31mred\u001b[0m\u009b1m bell\u0007 cr\rlf";

    private static HealthReport report(CheckReport... checks) {
        return new HealthReport(Instant.parse("2026-12-01T10:00:00Z"), Duration.ofMillis(40), List.of(checks));
    }

    private static CheckReport replicas(String service, CheckResult result) {
        return new CheckReport("replicas", Subject.service(service, ""), result);
    }

    private static String firstLine(String out) {
        return out.substring(0, out.indexOf('\n'));
    }

    private static String problemsPart(String first) {
        return first.substring(first.indexOf(": ") + 2, first.indexOf(" | "));
    }

    @Test
    void aMultiLineEngineErrorStaysOnOneStatusLineAndItsDetailsGoToTheLongOutput() {
        CheckResult failed = CheckResult.critical("0/2 running, last error: starting container failed:\nOCI runtime"
                        + " create failed\r\ncontainer_linux.go:380: | exec: \"x\": not found")
                .withDetails(List.of("task 1: line one\nline two", "task 2: " + HOSTILE));
        String out = NagiosReport.render(report(replicas("web", failed)));

        String first = firstLine(out);
        assertThat(first).startsWith("SWARMWATCH CRITICAL - 1 of 1 checks not OK: web replicas 0/2 running, last error:")
                .endsWith(" | 'score'=0;;;0;100 'checks_not_ok'=1;;;0;1");
        assertThat(first.chars().filter(c -> c == '|')).hasSize(1);
        List<String> lines = out.lines().toList();
        assertThat(lines.get(1)).startsWith("CRITICAL: web replicas 0/2 running, last error: starting container failed: OCI runtime")
                .contains("container_linux.go:380: / exec");
        assertThat(lines.get(2)).isEqualTo("  - task 1: line one line two");
        assertThat(lines.get(3)).isEqualTo("  - task 2: red bell? cr lf");
        assertThat(lines).hasSize(4);
    }

    @Test
    void hostileEscapeSequencesNeverReachTheOutput() {
        CheckResult r = CheckResult.warning("converging; " + HOSTILE).withPerfdata(List.of(PerfDatum.count("running", 1, 0, 2)));
        String out = NagiosReport.render(report(new CheckReport("replicas", Subject.service("evil\u001b[8m'=|name", ""), r)));
        assertThat(out).doesNotContain("\u001b", "\u0007", "\u009b", "\r", "owned");
        String longLine = out.lines().skip(1).findFirst().orElseThrow();
        assertThat(longLine.substring(0, longLine.indexOf(" | "))).isEqualTo("WARNING: evil'=/name replicas converging, red bell? cr lf");
        assertThat(firstLine(out)).contains("evil'=/name replicas converging, red bell? cr lf");
        assertThat(out).contains("'evil\"_/name.running'=1;;;0;2");
    }

    @Test
    void aVeryLongErrorIsCutOnTheStatusLineAndWholeButBoundedInTheLongOutput() {
        String huge = "rpc error: " + "x".repeat(100_000);
        String out = NagiosReport.render(report(replicas("api", CheckResult.critical(huge))));
        String problems = problemsPart(firstLine(out));
        assertThat(problems.length()).isLessThanOrEqualTo(NagiosReport.PROBLEM_SHOWN);
        assertThat(problems).startsWith("api replicas rpc error: xxx").endsWith("\u2026");
        assertThat(out.lines().skip(1).findFirst().orElseThrow().length()).isLessThanOrEqualTo(NagiosReport.LONG_LINE);
    }

    @Test
    void problemsThatDoNotFitOnTheStatusLineAreCountedAndListedInTheLongOutput() {
        List<CheckReport> checks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            checks.add(replicas("service-number-" + i, CheckResult.critical("0/3 running: no suitable node (constraint)")));
        }
        checks.add(replicas("fine", CheckResult.ok("3/3 running")));
        String out = NagiosReport.render(report(checks.toArray(CheckReport[]::new)));
        String first = firstLine(out);
        String problems = problemsPart(first);
        assertThat(problems.length()).isLessThanOrEqualTo(NagiosReport.PROBLEMS_SHOWN + " and 12 more".length() + 2);
        assertThat(first).startsWith("SWARMWATCH CRITICAL - 12 of 13 checks not OK: service-number-0 replicas 0/3 running")
                .containsPattern(" / and (\\d+) more \\| ");
        int shown = problems.split(" / ").length - 1;
        assertThat(problems).endsWith(" / and " + (12 - shown) + " more");
        assertThat(out.lines().filter(l -> l.startsWith("CRITICAL: "))).hasSize(12);
        assertThat(out.lines().toList()).contains("OK: 1 other checks");
    }

    @Test
    void allOkIsOneLineWithTheRestOfThePerfdataBelow() {
        CheckResult ok = CheckResult.ok("2/2 running").withPerfdata(List.of(PerfDatum.count("running", 2, 0, 2)));
        String out = NagiosReport.render(report(replicas("web", ok)));
        assertThat(out).isEqualTo("SWARMWATCH OK - 1 checks OK | 'score'=100;;;0;100 'checks_not_ok'=0;;;0;1\n"
                + "OK: 1 other checks | 'web.running'=2;;;0;2\n");
    }
}
