package dev.swarmwatch.checks.engine;

import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.Status;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The health score, 0-100, for the cluster, each stack and each service.
 *
 * <p>Each check earns OK = 1, WARNING = 0.5, UNKNOWN = 0, CRITICAL = 0. A group's score is
 * {@code round(100 * earned / checks)} over its checks, and 100 for a group without checks:
 * a service's over the checks of that service, a stack's over the checks of all its services, the
 * cluster's over every check. A CRITICAL check of the swarm itself (lost quorum, engine
 * unreachable, a node down) caps the cluster score at {@value #CLUSTER_CAP}: when the control plane
 * is gone, green services say little. Pure and predictable: 10 checks with one WARNING score 95,
 * with one CRITICAL service check 90, with a lost quorum at most 20.
 */
public final class Score {
    public static final int CLUSTER_CAP = 20;

    private Score() {
    }

    /** The scores of one cycle. */
    public record Scores(int cluster, Map<String, Integer> stacks, Map<String, Integer> services) {
        public Scores {
            stacks = Map.copyOf(stacks);
            services = Map.copyOf(services);
        }
    }

    public static Scores of(List<CheckReport> checks) {
        int cluster = share(checks);
        boolean controlPlaneDown = checks.stream().anyMatch(c -> c.subject().cluster() && c.name().isEmpty()
                && c.status() == Status.CRITICAL);
        return new Scores(controlPlaneDown ? Math.min(cluster, CLUSTER_CAP) : cluster,
                grouped(checks.stream().filter(c -> !c.subject().cluster() && !c.subject().stack().isEmpty()).toList(),
                        c -> c.subject().stack()),
                grouped(checks.stream().filter(c -> !c.subject().cluster()).toList(), c -> c.subject().name()));
    }

    /** The weighted share of passing checks, 100 when there are none. */
    static int share(Collection<CheckReport> checks) {
        if (checks.isEmpty()) {
            return 100;
        }
        double earned = checks.stream().mapToDouble(r -> weight(r.status())).sum();
        return (int) Math.round(100.0 * earned / checks.size());
    }

    private static Map<String, Integer> grouped(List<CheckReport> checks, Function<CheckReport, String> key) {
        return checks.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()))
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> share(e.getValue())));
    }

    static double weight(Status status) {
        return switch (status) {
            case OK -> 1.0;
            case WARNING -> 0.5;
            case UNKNOWN, CRITICAL -> 0.0;
        };
    }
}
