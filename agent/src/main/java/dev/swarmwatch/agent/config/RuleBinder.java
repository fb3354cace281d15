package dev.swarmwatch.agent.config;

import dev.swarmwatch.alerts.rules.CheckSelector;
import dev.swarmwatch.alerts.rules.Rule;
import dev.swarmwatch.alerts.rules.ScoreCondition;
import dev.swarmwatch.alerts.rules.Severity;
import dev.swarmwatch.alerts.rules.Template;
import dev.swarmwatch.alerts.rules.TextPattern;
import dev.swarmwatch.checks.spi.OptionType;
import dev.swarmwatch.checks.spi.Status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binds {@code rules}: a list of alert rules, each matching checks by name patterns and state or score. */
final class RuleBinder {
    private static final List<String> KEYS = List.of("name", "kind", "check", "service", "stack", "node",
            "service_labels", "status", "score_below", "scope", "severity", "for", "keep_firing_for",
            "repeat_interval", "send_resolved", "labels", "annotations", "receivers");
    private static final String PATTERN = "a name, a glob such as web-* or a /regex/";

    private final AlertValues values;
    private final Set<String> receivers;
    private final Problems problems;

    RuleBinder(AlertValues values, Set<String> receivers) {
        this.values = values;
        this.receivers = receivers;
        this.problems = values.scalars().problems();
    }

    List<Rule> bind(YamlNode node, String path) {
        List<Rule> rules = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        values.items(node, path, "rules", (item, itemPath) -> rule(item, itemPath).ifPresent(rule -> {
            Integer seen = firstLine.putIfAbsent(rule.name(), item.mark().line());
            if (seen != null) {
                problems.add(item.mark(), itemPath, "duplicate rule name " + rule.name() + " (first at line " + seen + ")");
            } else {
                rules.add(rule);
            }
        }));
        return rules;
    }

    private Optional<Rule> rule(YamlNode item, String path) {
        Optional<Section> opened = Section.open(item, path, KEYS, Set.of(), Section.expectedOneOf(KEYS), values.scalars());
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Section s = opened.get();
        int before = problemCount();
        Optional<String> name = values.scalar(s, "name", "a rule name", RuleBinder::ruleName);
        if (name.isEmpty() && s.node("name").isEmpty()) {
            problems.add(item.mark(), Problems.child(path, "name"), "missing: every rule needs a name");
        }
        List<Status> statuses = values.list(s, "status", path, OptionType.STATUS.expected(),
                t -> (Status) OptionType.STATUS.parse(t));
        Optional<Integer> below = values.scalar(s, "score_below", "a score from 1 to 100", RuleBinder::score);
        Optional<ScoreCondition.Scope> scope = values.scalar(s, "scope", "one of cluster, stack, service",
                ScoreCondition.Scope::parse);
        if (scope.isPresent() && s.node("score_below").isEmpty()) {
            problems.add(s.node("scope").orElseThrow().mark(), Problems.child(path, "scope"),
                    "scope needs score_below");
        }
        if (below.isPresent() && s.node("status").isPresent()) {
            problems.add(s.node("status").orElseThrow().mark(), Problems.child(path, "status"),
                    "give either status or score_below, not both");
        }
        Map<String, TextPattern> serviceLabels = new LinkedHashMap<>();
        s.node("service_labels").flatMap(n -> Section.anyKeys(n, Problems.child(path, "service_labels"), values.scalars()))
                .ifPresent(labels -> labels.entries().forEach(e -> labelPattern(labels, e.key(), path)
                        .ifPresent(p -> serviceLabels.put(e.key(), p))));
        CheckSelector selector = new CheckSelector(patterns(s, "kind", path), patterns(s, "check", path),
                patterns(s, "service", path), patterns(s, "stack", path), patterns(s, "node", path), serviceLabels,
                statuses.isEmpty() ? EnumSet.of(Status.CRITICAL) : EnumSet.copyOf(statuses));
        Severity severity = values.scalar(s, "severity", "one of critical, warning, info", Severity::parse)
                .orElse(Severity.CRITICAL);
        Duration forDuration = values.duration(s, "for").orElse(Duration.ZERO);
        Duration keep = values.duration(s, "keep_firing_for").orElse(Duration.ZERO);
        Duration repeat = values.duration(s, "repeat_interval").filter(d -> !d.isZero()).orElse(Rule.DEFAULT_REPEAT);
        boolean sendResolved = values.bool(s, "send_resolved").orElse(true);
        Map<String, String> labels = strings(s, "labels", path, "a label value", text -> text);
        for (String own : Rule.OWN_LABELS) {
            if (labels.remove(own) != null) {
                problems.add(s.node("labels").orElseThrow().mark(), Problems.child(path, "labels." + own),
                        "label " + own + " is set by swarmwatch and cannot be given");
            }
        }
        Map<String, Template> annotations = strings(s, "annotations", path, "a template such as \"{{ .summary }}\"",
                Template::new);
        List<String> to = values.list(s, "receivers", path, "a receiver name", AlertConfigBinder.known(receivers, "receiver"));
        if (name.isEmpty() || problemCount() > before) {
            return Optional.empty();
        }
        return Optional.of(new Rule(name.get(), selector, below.map(b -> new ScoreCondition(
                scope.orElse(ScoreCondition.Scope.SERVICE), b)), severity, forDuration, keep, repeat, sendResolved,
                labels, annotations, to));
    }

    private List<TextPattern> patterns(Section s, String key, String path) {
        return values.list(s, key, path, PATTERN, TextPattern::new);
    }

    private Optional<TextPattern> labelPattern(Section labels, String key, String path) {
        return values.scalar(labels, key, PATTERN, TextPattern::new);
    }

    private <T> Map<String, T> strings(Section s, String key, String path, String expected,
                                       java.util.function.Function<String, T> parser) {
        Map<String, T> out = new LinkedHashMap<>();
        s.node(key).flatMap(n -> Section.anyKeys(n, Problems.child(path, key), values.scalars()))
                .ifPresent(m -> m.entries().forEach(e -> {
                    String at = Problems.child(Problems.child(path, key), e.key());
                    try {
                        AlertConfigBinder.labelName(e.key());
                    } catch (IllegalArgumentException bad) {
                        problems.add(e.keyMark(), at, bad.getMessage());
                        return;
                    }
                    values.scalars().text(e.value(), at, expected)
                            .flatMap(t -> values.scalars().parse(t, expected, parser))
                            .ifPresent(v -> out.put(e.key(), v));
                }));
        return out;
    }

    private int problemCount() {
        return problems.count();
    }

    private static String ruleName(String text) {
        if (!text.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("expected a rule name of letters, digits and '_' (it is the alertname), got \""
                    + text + "\"");
        }
        return text;
    }

    private static int score(String text) {
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a score from 1 to 100, got \"" + text + "\"");
        }
        if (value < 1 || value > 100) {
            throw new IllegalArgumentException("expected a score from 1 to 100, got \"" + text + "\"");
        }
        return value;
    }
}
