package dev.swarmwatch.alerts.rules;

import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.Status;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which check results a rule is about, and in which states. Every list that is not empty must have
 * one pattern that matches; an empty list matches anything.
 *
 * @param kinds         check kinds (replicas, http, ...)
 * @param checks        check ids ({@code replicas:web}, {@code http:api})
 * @param services      service names ("" for checks of the swarm itself)
 * @param stacks        stack names
 * @param nodes         node hostnames: matches when one of the nodes the check's tasks are on matches
 * @param serviceLabels Docker labels of the service: each must be present and match
 * @param statuses      the states that make the condition hold (CRITICAL by default)
 */
public record CheckSelector(List<TextPattern> kinds, List<TextPattern> checks, List<TextPattern> services,
                            List<TextPattern> stacks, List<TextPattern> nodes, Map<String, TextPattern> serviceLabels,
                            Set<Status> statuses) {

    public CheckSelector {
        kinds = List.copyOf(kinds);
        checks = List.copyOf(checks);
        services = List.copyOf(services);
        stacks = List.copyOf(stacks);
        nodes = List.copyOf(nodes);
        serviceLabels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(serviceLabels));
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one status");
        }
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(statuses, "statuses");
    }

    /** Every check, in the given states. */
    public static CheckSelector of(List<String> kinds, Status... statuses) {
        return new CheckSelector(kinds.stream().map(TextPattern::new).toList(), List.of(), List.of(), List.of(),
                List.of(), Map.of(), EnumSet.copyOf(List.of(statuses)));
    }

    /** This check is one the rule is about (whatever its state). */
    public boolean selects(CheckReport report) {
        String service = report.subject().cluster() ? "" : report.subject().name();
        Map<String, String> facts = report.result().labels();
        return any(kinds, report.kind()) && any(checks, report.id()) && any(services, service)
                && any(stacks, report.subject().stack())
                && (nodes.isEmpty() || List.of(facts.getOrDefault("nodes", facts.getOrDefault("node", ""))
                .split(",")).stream().anyMatch(n -> any(nodes, n)))
                && serviceLabels.entrySet().stream().allMatch(e -> facts.containsKey("label." + e.getKey())
                && e.getValue().matches(facts.get("label." + e.getKey())));
    }

    /** The rule's condition holds for this check now. */
    public boolean holds(CheckReport report) {
        return selects(report) && statuses.contains(report.status());
    }

    private static boolean any(List<TextPattern> patterns, String value) {
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matches(value));
    }
}
