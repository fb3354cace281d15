package dev.swarmwatch.alerts.eval;

import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.SafeText;
import dev.swarmwatch.checks.spi.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in knowledge of what causes what, from one report: lost quorum (or an engine that does
 * not answer) mutes the Swarm alerts it makes meaningless; a down node mutes the alerts of services
 * whose tasks are on it; a Patroni cluster without a leader mutes the replica-lag alerts of its
 * stack. Also the automatic quiet times: a service in a rolling update, tasks on a drained node.
 */
final class Dependencies {
    /** Kinds whose results come from the engine's view of the swarm: meaningless without a control plane. */
    static final Set<String> CONTROL_PLANE_KINDS = Set.of("replicas", "failed_tasks", "nodes");

    /** One root cause in this report. */
    record Root(String check, String reason) {
    }

    private final Optional<Root> controlPlane;
    private final Optional<Root> nodesDown;
    private final List<CheckReport> noLeader;
    private final Map<String, CheckReport> byId;
    private final Set<String> converging;

    Dependencies(HealthReport report) {
        this.byId = new java.util.HashMap<>();
        report.checks().forEach(c -> byId.putIfAbsent(c.id(), c));
        this.controlPlane = report.checks().stream()
                .filter(c -> c.kind().equals("quorum") && c.status() == Status.CRITICAL).findFirst()
                .map(c -> new Root(c.id(), c.id() + " " + SafeText.line(c.result().summary())));
        this.nodesDown = report.checks().stream()
                .filter(c -> c.kind().equals("nodes") && c.status() == Status.CRITICAL).findFirst()
                .map(c -> new Root(c.id(), c.id() + " " + SafeText.line(c.result().summary())));
        this.noLeader = report.checks().stream()
                .filter(c -> c.kind().equals("patroni") && c.result().perfdata().stream()
                        .anyMatch(p -> p.label().equals("leaders") && p.value() == 0))
                .toList();
        this.converging = report.checks().stream().filter(c -> c.kind().equals("replicas") && !c.subject().cluster()
                        && c.result().summary().contains("converging"))
                .map(c -> c.subject().name()).collect(java.util.stream.Collectors.toSet());
    }

    boolean controlPlaneDown() {
        return controlPlane.isPresent();
    }

    /** The check of this id in the report, if it ran. */
    Optional<CheckReport> check(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The root causes that mute an alert with these labels (empty: none). */
    List<Root> rootsOf(Map<String, String> labels) {
        List<Root> roots = new ArrayList<>();
        String kind = labels.getOrDefault("kind", "");
        String check = labels.getOrDefault("check", "");
        Optional<CheckReport> own = check(check);
        controlPlane.filter(r -> CONTROL_PLANE_KINDS.contains(kind)).ifPresent(roots::add);
        nodesDown.filter(r -> !check.equals(r.check()) && !fact(own, "nodes_down").isEmpty()).ifPresent(roots::add);
        if (kind.equals("postgres") && own.map(Dependencies::aboutLag).orElse(false)) {
            String stack = labels.getOrDefault("stack", "");
            noLeader.stream().filter(p -> p.subject().stack().equals(stack) || p.subject().stack().isEmpty())
                    .findFirst().ifPresent(p -> roots.add(new Root(p.id(), p.id() + " " + SafeText.line(p.result().summary()))));
        }
        return roots;
    }

    /** Why an alert is quiet without being wrong: its service rolls out, or its tasks sit on a drained node. */
    List<String> quietOf(Map<String, String> labels) {
        List<String> quiet = new ArrayList<>();
        String service = labels.getOrDefault("service", "");
        if (converging.contains(service)) {
            quiet.add("quiet: " + service + " is converging (rolling update)");
        }
        String drained = fact(check(labels.getOrDefault("check", "")), "nodes_drained");
        if (!drained.isEmpty()) {
            quiet.add("quiet: tasks on drained node " + SafeText.line(drained));
        }
        return quiet;
    }

    private static String fact(Optional<CheckReport> report, String name) {
        return report.map(r -> r.result().labels().getOrDefault(name, "")).orElse("");
    }

    private static boolean aboutLag(CheckReport report) {
        return report.result().summary().toLowerCase(Locale.ROOT).contains("lag");
    }
}
