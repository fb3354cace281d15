package dev.swarmwatch.agent.config;

import dev.swarmwatch.agent.config.AgentConfig.Discovery;
import dev.swarmwatch.agent.config.YamlNode.Mapping;
import dev.swarmwatch.agent.config.YamlNode.Scalar;
import dev.swarmwatch.agent.config.YamlNode.Sequence;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.OptionType;
import dev.swarmwatch.checks.swarm.HostRule;
import dev.swarmwatch.checks.swarm.HostRules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the {@code discovery} section: whether each declared kind reads service labels
 * ({@code labels: false}, or per kind {@code labels: {http: false}}), and the {@code allow} and
 * {@code deny} host rules of label-declared targets, each a list or one comma-separated value.
 * A given {@code deny} replaces the default one (the link-local networks), so it can be lifted.
 */
final class DiscoveryBinder {
    private static final String LABELS = "labels";
    private static final String ALLOW = "allow";
    private static final String DENY = "deny";
    private static final List<String> KEYS = List.of(LABELS, ALLOW, DENY);
    private static final String RULE = "a network (10.0.0.0/8), an address or a host name (*.internal)";

    private final List<String> declared;
    private final Scalars scalars;

    DiscoveryBinder(List<CheckKind> kinds, Scalars scalars) {
        this.declared = kinds.stream().filter(CheckKind::declared).map(CheckKind::name).toList();
        this.scalars = scalars;
    }

    Discovery bind(YamlNode node, String path) {
        Optional<Section> opened = Section.open(node, path, KEYS, Set.of(), Section.expectedOneOf(KEYS), scalars);
        if (opened.isEmpty()) {
            return Discovery.DEFAULT;
        }
        Section section = opened.get();
        Map<String, Boolean> labels = section.node(LABELS).map(n -> labels(n, Problems.child(path, LABELS)))
                .orElse(Map.of());
        List<HostRule> allow = section.node(ALLOW).map(n -> rules(n, Problems.child(path, ALLOW))).orElse(List.of());
        List<HostRule> deny = section.node(DENY).map(n -> rules(n, Problems.child(path, DENY)))
                .orElse(HostRules.defaults().deny());
        return new Discovery(labels, new HostRules(allow, deny));
    }

    /** One boolean for every declared kind, or a mapping of kind to boolean. */
    private Map<String, Boolean> labels(YamlNode node, String path) {
        Map<String, Boolean> labels = new LinkedHashMap<>();
        if (node instanceof Mapping) {
            String unknown = "unknown target kind (known: " + String.join(", ", declared) + ")";
            Section.open(node, path, declared, declared, key -> unknown, scalars).ifPresent(section -> {
                for (String kind : declared) {
                    bool(section.scalar(kind, OptionType.BOOLEAN.expected())).ifPresent(on -> labels.put(kind, on));
                }
            });
        } else {
            bool(scalars.text(node, path, "true, false or a mapping of target kind to true or false"))
                    .ifPresent(on -> declared.forEach(kind -> labels.put(kind, on)));
        }
        return labels;
    }

    private Optional<Boolean> bool(Optional<Scalars.Text> text) {
        return text.flatMap(t -> scalars.parse(t, OptionType.BOOLEAN.expected(), OptionType.BOOLEAN::parse))
                .map(Boolean.class::cast);
    }

    private List<HostRule> rules(YamlNode node, String path) {
        List<HostRule> rules = new ArrayList<>();
        switch (node) {
            case Sequence seq -> {
                for (int i = 0; i < seq.items().size(); i++) {
                    scalars.text(seq.items().get(i), path + "[" + i + "]", RULE)
                            .flatMap(t -> scalars.parse(t, RULE, HostRule::parse))
                            .ifPresent(rules::add);
                }
            }
            case Scalar s when s.isNull() && !s.alias() -> {
                return rules;
            }
            case Scalar s -> scalars.text(s, path, RULE).ifPresent(text -> {
                for (String part : text.value().split(",")) {
                    if (!part.isBlank()) {
                        scalars.parse(new Scalars.Text(part.trim(), text.mark(), path, text.secretFile()), RULE,
                                HostRule::parse).ifPresent(rules::add);
                    }
                }
            });
            case Mapping m -> scalars.problems().add(m.mark(), path, "expected a list of " + RULE + ", got a mapping");
        }
        return rules;
    }
}
