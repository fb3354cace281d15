package dev.swarmwatch.agent.config;

import dev.swarmwatch.agent.config.AgentConfig.KindSettings;
import dev.swarmwatch.agent.config.AgentConfig.TargetSettings;
import dev.swarmwatch.agent.config.YamlNode.Mapping;
import dev.swarmwatch.agent.config.YamlNode.Scalar;
import dev.swarmwatch.agent.config.YamlNode.Sequence;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.Options;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Binds the {@code targets} section: per declared kind, a list of targets, each with a name, an
 * optional service and the kind's options. A required option may come from the target or from the
 * kind-wide {@code checks.<kind>} section.
 */
final class TargetBinder {
    private static final String NAME = "name";
    private static final String SERVICE = "service";
    private static final String VALID_NAME = "[A-Za-z0-9][A-Za-z0-9_.-]*";

    private final List<CheckKind> declared;
    private final Map<String, KindSettings> kindWide;
    private final Scalars scalars;

    TargetBinder(List<CheckKind> kinds, Map<String, KindSettings> kindWide, Scalars scalars) {
        this.declared = kinds.stream().filter(CheckKind::declared).toList();
        this.kindWide = kindWide;
        this.scalars = scalars;
    }

    Map<String, List<TargetSettings>> bind(YamlNode node, String path) {
        List<String> names = declared.stream().map(CheckKind::name).toList();
        String unknown = "unknown target kind (known: " + String.join(", ", names) + ")";
        Map<String, List<TargetSettings>> targets = new LinkedHashMap<>();
        Section.open(node, path, names, List.of(), key -> unknown, scalars).ifPresent(section -> {
            for (CheckKind kind : declared) {
                section.node(kind.name()).ifPresent(list ->
                        targets.put(kind.name(), list(list, Problems.child(path, kind.name()), kind)));
            }
        });
        return targets;
    }

    private List<TargetSettings> list(YamlNode node, String path, CheckKind kind) {
        List<TargetSettings> targets = new ArrayList<>();
        switch (node) {
            case Scalar s when s.isNull() && !s.alias() -> {
                return targets;
            }
            case Sequence seq -> {
                Map<String, Integer> firstLine = new HashMap<>();
                for (int i = 0; i < seq.items().size(); i++) {
                    YamlNode item = seq.items().get(i);
                    String itemPath = path + "[" + i + "]";
                    target(item, itemPath, kind).ifPresent(t -> {
                        Integer seen = firstLine.putIfAbsent(t.name(), item.mark().line());
                        if (seen != null) {
                            scalars.problems().add(item.mark(), itemPath,
                                    "duplicate target name " + t.name() + " (first at line " + seen + ")");
                        } else {
                            targets.add(t);
                        }
                    });
                }
            }
            case Mapping m -> scalars.problems().add(m.mark(), path, "expected a list of targets, got a mapping");
            case Scalar s -> scalars.problems().add(s.mark(), path, "expected a list of targets, got a scalar");
        }
        return targets;
    }

    private Optional<TargetSettings> target(YamlNode node, String path, CheckKind kind) {
        List<String> keys = Stream.concat(Stream.of(NAME, SERVICE), kind.options().stream().map(OptionSpec::name)).toList();
        Optional<Section> opened = Section.open(node, path, keys, keys, Section.expectedOneOf(keys), scalars);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Section section = opened.get();
        Optional<String> name = section.scalar(NAME, "a target name").flatMap(text ->
                scalars.parse(text, "a target name", TargetBinder::name));
        String service = section.scalar(SERVICE, "a service name").map(Scalars.Text::value).orElse("");
        Map<String, Object> options = new LinkedHashMap<>();
        Map<String, Scalars.Text> written = new HashMap<>();
        KindSettings wide = kindWide.getOrDefault(kind.name(), KindSettings.DEFAULT);
        boolean complete = true;
        for (OptionSpec spec : kind.options()) {
            Optional<Scalars.Text> text = section.scalar(spec.name(), spec.type().expected());
            Optional<Object> value = text.flatMap(t -> scalars.parse(t, spec.type().expected(), spec.type()::parse));
            value.ifPresent(v -> {
                options.put(spec.name(), v);
                written.put(spec.name(), text.get());
            });
            if (spec.required() && value.isEmpty() && !wide.options().containsKey(spec.name())
                    && section.node(spec.name()).isEmpty()) {
                scalars.problems().add(node.mark(), Problems.child(path, spec.name()),
                        "missing: every " + kind.name() + " target needs " + spec.name());
                complete = false;
            }
        }
        if (name.isEmpty()) {
            if (section.node(NAME).isEmpty()) {
                scalars.problems().add(node.mark(), Problems.child(path, NAME), "missing: every target needs a name");
            }
            return Optional.empty();
        }
        Options all = Options.defaults(kind.options()).with(wide.options()).with(options);
        if (!complete || !new ValueCheck(scalars.problems())
                .check(kind, all, written, wide.options().keySet(), node.mark(), path, true)) {
            return Optional.empty();
        }
        return Optional.of(new TargetSettings(name.get(), service, options));
    }

    private static String name(String text) {
        if (!text.matches(VALID_NAME)) {
            throw new IllegalArgumentException("expected a name of letters, digits, '.', '_' and '-', got \"" + text + "\"");
        }
        return text;
    }
}
