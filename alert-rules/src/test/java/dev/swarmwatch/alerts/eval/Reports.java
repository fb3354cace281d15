package dev.swarmwatch.alerts.eval;

import dev.swarmwatch.alerts.config.AlertsConfig;
import dev.swarmwatch.alerts.config.ReceiverConfig;
import dev.swarmwatch.alerts.route.InhibitRule;
import dev.swarmwatch.alerts.route.Route;
import dev.swarmwatch.alerts.route.TimeInterval;
import dev.swarmwatch.alerts.rules.Rule;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Options;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.checks.spi.Subject;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-built reports and configs for the pure evaluator tests. */
final class Reports {
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private Reports() {
    }

    static HealthReport report(CheckReport... checks) {
        return new HealthReport(T0, Duration.ofMillis(5), Arrays.asList(checks));
    }

    static CheckReport replicas(String service, Status status, String summary) {
        return new CheckReport("replicas", Subject.service(service, "shop"), CheckResult.of(status, summary)
                .withLabels(Map.of("nodes", "n1", "nodes_down", "", "nodes_drained", "")));
    }

    static CheckReport replicasOn(String service, Status status, String summary, String nodes, String down, String drained) {
        return new CheckReport("replicas", Subject.service(service, "shop"), CheckResult.of(status, summary)
                .withLabels(Map.of("nodes", nodes, "nodes_down", down, "nodes_drained", drained)));
    }

    static CheckReport quorum(Status status, String summary) {
        return new CheckReport("quorum", Subject.wholeSwarm(), CheckResult.of(status, summary));
    }

    static CheckReport nodes(Status status, String summary) {
        return new CheckReport("nodes", Subject.wholeSwarm(), CheckResult.of(status, summary));
    }

    static CheckReport http(String name, Status status, String summary) {
        return new CheckReport("http", Subject.service("web", "shop"), name, CheckResult.of(status, summary));
    }

    static CheckReport patroni(int leaders) {
        return new CheckReport("patroni", Subject.service("pg", "db"), "pg", CheckResult.of(
                leaders == 0 ? Status.CRITICAL : Status.OK, leaders == 0 ? "no leader" : "leader node1")
                .withPerfdata(List.of(PerfDatum.of("leaders", leaders, ""))));
    }

    static CheckReport postgres(String name, Status status, String summary) {
        return new CheckReport("postgres", Subject.service("pg", "db"), name, CheckResult.of(status, summary));
    }

    static AlertsConfig config(String... receivers) {
        return config(Optional.empty(), List.of(), List.of(), Map.of(), receivers);
    }

    static AlertsConfig config(List<Rule> rules, String... receivers) {
        return config(Optional.of(rules), List.of(), List.of(), Map.of(), receivers);
    }

    static AlertsConfig config(Optional<List<Rule>> rules, List<Route> routes, List<InhibitRule> inhibit,
                               Map<String, TimeInterval> intervals, String... receivers) {
        Map<String, ReceiverConfig> all = new LinkedHashMap<>();
        for (String r : receivers) {
            all.put(r, new ReceiverConfig(r, "test", Options.defaults(List.of())));
        }
        return new AlertsConfig(Path.of("/tmp/state"), all, rules, routes, inhibit, intervals, true);
    }
}
