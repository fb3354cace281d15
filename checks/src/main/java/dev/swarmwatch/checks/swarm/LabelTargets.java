package dev.swarmwatch.checks.swarm;

import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.CheckTarget;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.Options;
import dev.swarmwatch.checks.spi.Replica;
import dev.swarmwatch.checks.spi.Subject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Declared targets found in service labels, so a stack file carries its own monitoring:
 * {@code swarmwatch.<kind>.<option>=value} declares one target named after the service, and
 * {@code swarmwatch.<kind>.<name>.<option>=value} declares a target {@code <service>.<name>}.
 * Values are parsed with the kind's option types; a bad label makes its target unusable (reported
 * UNKNOWN with the label), never a start-up error: labels change while the agent runs.
 */
public final class LabelTargets {
    public static final String PREFIX = "swarmwatch.";

    private LabelTargets() {
    }

    public static List<CheckTarget> find(SwarmSnapshot.Available swarm, CheckKind kind, Options kindWide) {
        Map<String, OptionSpec> specs = kind.options().stream()
                .collect(Collectors.toMap(OptionSpec::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        String prefix = PREFIX + kind.name() + ".";
        List<CheckTarget> targets = new ArrayList<>();
        Map<String, SwarmNode> nodes = null;
        for (SwarmService service : swarm.services()) {
            // target name -> option -> label value, in label order
            Map<String, Map<String, String>> declared = new TreeMap<>();
            service.labels().forEach((label, value) -> {
                if (label.startsWith(prefix)) {
                    String rest = label.substring(prefix.length());
                    int dot = rest.lastIndexOf('.');
                    String name = dot < 0 ? service.name() : service.name() + "." + rest.substring(0, dot);
                    declared.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(rest.substring(dot + 1), value);
                }
            });
            if (declared.isEmpty()) {
                continue;
            }
            // Replicas cost a walk over every task: only for services that declare a target of this kind.
            nodes = nodes == null ? swarm.nodesById() : nodes;
            Subject subject = Subject.service(service.name(), service.stack());
            List<Replica> replicas = replicas(swarm, service, nodes);
            String origin = "labels of service " + service.name();
            declared.forEach((name, labels) -> targets.add(target(name, labels, specs, kindWide, subject, replicas,
                    origin, prefix + (name.equals(service.name()) ? "" : name.substring(service.name().length() + 1) + "."))));
        }
        return targets;
    }

    private static CheckTarget target(String name, Map<String, String> labels, Map<String, OptionSpec> specs,
                                      Options kindWide, Subject subject, List<Replica> replicas,
                                      String origin, String labelPrefix) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        labels.forEach((option, text) -> {
            OptionSpec spec = specs.get(option);
            if (spec == null) {
                problems.add("unknown label " + labelPrefix + option + " (options: " + String.join(", ", specs.keySet()) + ")");
                return;
            }
            try {
                values.put(option, spec.type().parse(text));
            } catch (IllegalArgumentException e) {
                problems.add("label " + labelPrefix + option + ": "
                        + (spec.secret() ? "not " + spec.type().expected() : e.getMessage()));
            }
        });
        Options options = kindWide.with(values);
        specs.values().stream().filter(s -> s.required() && !options.has(s.name()))
                .forEach(s -> problems.add("missing label " + labelPrefix + s.name()));
        return new CheckTarget(name, subject, options, replicas, origin, String.join("; ", problems));
    }

    /** Targets from the config, given the service they belong to where one is named. */
    public static CheckTarget configured(String name, String serviceName, Options options,
                                         Optional<SwarmSnapshot.Available> swarm) {
        if (serviceName.isEmpty()) {
            return new CheckTarget(name, Subject.wholeSwarm(), options, List.of(), "config", "");
        }
        Optional<SwarmService> service = swarm.flatMap(s -> s.services().stream()
                .filter(x -> x.name().equals(serviceName)).findFirst());
        Subject subject = Subject.service(serviceName, service.map(SwarmService::stack).orElse(""));
        List<Replica> replicas = service.map(s -> replicas(swarm.get(), s, swarm.get().nodesById())).orElse(List.of());
        return new CheckTarget(name, subject, options, replicas, "config", "");
    }

    static List<Replica> replicas(SwarmSnapshot.Available swarm, SwarmService service, Map<String, SwarmNode> nodes) {
        return swarm.tasks().stream()
                .filter(t -> t.serviceId().equals(service.id()) && t.running())
                .map(t -> new Replica(t.slot(), t.address(),
                        Optional.ofNullable(nodes.get(t.nodeId())).map(SwarmNode::hostname).orElse(t.nodeId())))
                .sorted(java.util.Comparator.comparingInt(Replica::slot).thenComparing(Replica::node))
                .toList();
    }
}
