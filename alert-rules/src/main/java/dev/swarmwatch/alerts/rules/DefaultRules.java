package dev.swarmwatch.alerts.rules;

import dev.swarmwatch.checks.spi.Status;

import java.time.Duration;
import java.util.List;

/**
 * The rules that apply when the config has no {@code rules}: useful alerts from one receiver and
 * nothing else. Scaling a service to 0 is OK in the checks, so it never alerts.
 */
public final class DefaultRules {
    public static final List<String> SWARM_KINDS = List.of("quorum", "nodes", "replicas", "failed_tasks");
    public static final List<String> TARGET_KINDS = List.of("http", "postgres", "patroni", "redis");

    private DefaultRules() {
    }

    public static List<Rule> all() {
        return List.of(
                // One cycle: the control plane, a node or a service down is news at once.
                Rule.of("SwarmCritical", CheckSelector.of(SWARM_KINDS, Status.CRITICAL), Severity.CRITICAL,
                        Duration.ZERO),
                Rule.of("SwarmWarning", CheckSelector.of(SWARM_KINDS, Status.WARNING), Severity.WARNING,
                        Duration.ofMinutes(5)),
                // A probe over the network fails now and then; a minute tells an outage from a blip.
                Rule.of("TargetCritical", CheckSelector.of(TARGET_KINDS, Status.CRITICAL), Severity.CRITICAL,
                        Duration.ofMinutes(1)));
    }
}
