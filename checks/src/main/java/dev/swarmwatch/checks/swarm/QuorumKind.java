package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.spi.CheckContext;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.MetricName;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.PlannedCheck;
import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.checks.spi.Subject;
import io.vertx.core.Future;

import java.util.List;
import java.util.Map;

/**
 * Manager quorum: reachable managers against floor(N/2)+1, and how many more failures the swarm
 * survives. Also the one place that reports why there is no swarm to look at: engine unreachable,
 * swarm inactive or locked, a worker node, lost quorum; each with its own message.
 */
public final class QuorumKind implements CheckKind {
    private final SwarmSource swarm;

    public QuorumKind(SwarmSource swarm) {
        this.swarm = swarm;
    }

    @Override
    public String name() {
        return "quorum";
    }

    @Override
    public String description() {
        return "manager quorum: reachable managers vs floor(N/2)+1, failures still tolerated, lost quorum; engine and swarm state";
    }

    @Override
    public boolean perService() {
        return false;
    }

    @Override
    public Map<String, MetricName> metrics() {
        return Map.of("managers", MetricName.of("swarmwatch_managers", "managers in the swarm"),
                "managers_reachable", MetricName.of("swarmwatch_managers_reachable", "managers reachable"),
                "quorum", MetricName.of("swarmwatch_manager_quorum", "managers needed for quorum, floor(N/2)+1"),
                "failures_tolerated", MetricName.of("swarmwatch_manager_failures_tolerated", "further manager failures the swarm survives"));
    }

    @Override
    public List<OptionSpec> options() {
        return List.of();
    }

    @Override
    public Future<List<PlannedCheck>> plan(CheckContext context, OptionsLookup options) {
        return swarm.snapshot(context).map(snapshot -> {
            CheckResult result = switch (snapshot) {
                case SwarmSnapshot.Available s -> evaluate(s.nodes());
                case SwarmSnapshot.Unavailable u -> unavailable(u);
            };
            return List.of(new PlannedCheck(name(), Subject.wholeSwarm(), options.timeout(),
                    ctx -> Future.succeededFuture(result)));
        });
    }

    /** Quorum needed among {@code managers}: a strict majority. */
    static int quorum(int managers) {
        return managers / 2 + 1;
    }

    /** How many more managers may fail before quorum is lost; 0 when none, never negative. */
    static int failuresTolerated(int managers, int reachable) {
        return Math.max(0, reachable - quorum(managers));
    }

    /** Whether the managers reach this one: the one reading the quorum and the nodes checks share. */
    static boolean reachable(SwarmNode manager) {
        return manager.reachability().equals("reachable");
    }

    static CheckResult evaluate(List<SwarmNode> nodes) {
        List<SwarmNode> managers = nodes.stream().filter(SwarmNode::manager).toList();
        int total = managers.size();
        List<SwarmNode> reachable = managers.stream().filter(QuorumKind::reachable).toList();
        int up = reachable.size();
        int need = quorum(total);
        int tolerated = failuresTolerated(total, up);
        String leader = managers.stream().filter(SwarmNode::leader).map(SwarmNode::hostname).findFirst().orElse("");
        List<String> unreachable = managers.stream().filter(m -> !reachable(m))
                .map(m -> m.label() + " " + m.reachability()).toList();

        String counts = up + "/" + total + " managers reachable, quorum " + need;
        Status status;
        String summary;
        if (up < need) {
            status = Status.CRITICAL;
            summary = "quorum lost: " + counts;
        } else if (total == 1) {
            status = Status.OK;
            summary = "1 manager: no redundancy, losing it stops the control plane";
        } else if (tolerated == 0) {
            status = Status.WARNING;
            summary = counts + ": no further manager failure tolerated";
        } else {
            status = Status.OK;
            summary = counts + ", " + tolerated + (tolerated == 1 ? " failure" : " failures") + " tolerated";
        }
        if (!leader.isEmpty()) {
            summary += ", leader " + leader;
        }
        List<String> details = new java.util.ArrayList<>(unreachable.stream().map(u -> "manager " + u).toList());
        if (total > 1 && total % 2 == 0) {
            details.add(total + " managers tolerate no more failures than " + (total - 1) + ": use an odd number");
        }
        List<PerfDatum> perf = List.of(
                PerfDatum.count("managers", total, 0, total),
                PerfDatum.count("managers_reachable", up, 0, total).withThresholds(need + 1, need),
                PerfDatum.count("quorum", need, 0, total),
                PerfDatum.count("failures_tolerated", tolerated, 0, total));
        return CheckResult.of(status, summary).withDetails(details).withPerfdata(perf);
    }

    static CheckResult unavailable(SwarmSnapshot.Unavailable u) {
        Status status = switch (u.problem()) {
            case QUORUM_LOST, ENGINE_UNREACHABLE, ENGINE_NOT_ANSWERING, SWARM_INACTIVE, SWARM_LOCKED -> Status.CRITICAL;
            case NOT_A_MANAGER, API_ERROR -> Status.UNKNOWN;
        };
        return CheckResult.of(status, u.message());
    }

}
