package dev.swarmwatch.agent.config;

import dev.swarmwatch.alerts.config.AlertsConfig;
import dev.swarmwatch.alerts.config.ReceiverConfig;
import dev.swarmwatch.alerts.notify.NotifierKind;
import dev.swarmwatch.alerts.route.GroupSettings;
import dev.swarmwatch.alerts.route.InhibitRule;
import dev.swarmwatch.alerts.route.Route;
import dev.swarmwatch.alerts.route.TimeInterval;
import dev.swarmwatch.alerts.rules.Matcher;
import dev.swarmwatch.alerts.rules.Rule;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.OptionType;
import dev.swarmwatch.checks.spi.Options;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Binds the alerting keys of the top level ({@code state_dir}, {@code receivers}, {@code rules},
 * {@code routes}, {@code inhibit_rules}, {@code time_intervals}) into an {@link AlertsConfig}.
 * Receivers bind through the registered notifier kinds' options, exactly like check options.
 */
final class AlertConfigBinder {
    static final String STATE_DIR = "state_dir";
    static final String RECEIVERS = "receivers";
    static final String RULES = "rules";
    static final String ROUTES = "routes";
    static final String INHIBIT_RULES = "inhibit_rules";
    static final String TIME_INTERVALS = "time_intervals";
    static final List<String> KEYS = List.of(STATE_DIR, RECEIVERS, RULES, ROUTES, INHIBIT_RULES, TIME_INTERVALS);
    private static final List<String> ROUTE_KEYS = List.of("receiver", "matchers", "group_by", "group_wait",
            "group_interval", "mute_time_intervals", "active_time_intervals", "continue");
    private static final List<String> INHIBIT_KEYS = List.of("source_matchers", "target_matchers", "equal");
    static final String MATCHER = "a matcher such as service=web or service=~\"web-.*\"";

    private final List<NotifierKind> kinds;
    private final AlertValues values;
    private final Problems problems;

    AlertConfigBinder(List<NotifierKind> kinds, Scalars scalars) {
        this.kinds = List.copyOf(kinds);
        this.values = new AlertValues(scalars);
        this.problems = scalars.problems();
    }

    AlertsConfig bind(Section doc) {
        Path stateDir = values.scalar(doc, STATE_DIR, "an absolute directory path", AlertConfigBinder::directory)
                .orElse(AlertsConfig.DEFAULT_STATE_DIR);
        Map<String, ReceiverConfig> receivers = doc.node(RECEIVERS).map(this::receivers).orElse(Map.of());
        Map<String, TimeInterval> intervals = doc.node(TIME_INTERVALS)
                .map(n -> new TimeIntervalBinder(values).bind(n, TIME_INTERVALS)).orElse(Map.of());
        Optional<List<Rule>> rules = doc.node(RULES)
                .map(n -> new RuleBinder(values, receivers.keySet()).bind(n, RULES));
        List<Route> routes = doc.node(ROUTES).map(n -> routes(n, receivers.keySet(), intervals.keySet()))
                .orElse(List.of());
        List<InhibitRule> inhibit = doc.node(INHIBIT_RULES).map(this::inhibitRules).orElse(List.of());
        return new AlertsConfig(stateDir, receivers, rules, routes, inhibit, intervals, true);
    }

    private Map<String, ReceiverConfig> receivers(YamlNode node) {
        Map<String, ReceiverConfig> receivers = new LinkedHashMap<>();
        List<String> names = kinds.stream().map(NotifierKind::name).toList();
        String unknown = names.isEmpty() ? "unknown receiver kind (none is registered)"
                : "unknown receiver kind (known: " + String.join(", ", names) + ")";
        Section.anyKeys(node, RECEIVERS, values.scalars()).ifPresent(all -> all.entries().forEach(entry -> {
            String path = Problems.child(RECEIVERS, entry.key());
            Section.open(entry.value(), path, names, Set.of(), k -> unknown, values.scalars()).ifPresent(section -> {
                List<NotifierKind> given = kinds.stream().filter(k -> section.node(k.name()).isPresent()).toList();
                if (given.size() != 1) {
                    // Unknown kinds are reported already; an empty receiver or two kinds are not.
                    boolean empty = !(entry.value() instanceof YamlNode.Mapping m) || m.entries().isEmpty();
                    if (given.size() > 1 || empty) {
                        problems.add(entry.value().mark(), path, given.isEmpty()
                                ? "expected one receiver kind (one of: " + String.join(", ", names) + ")"
                                : "expected one receiver kind, got " + given.size());
                    }
                    return;
                }
                NotifierKind kind = given.getFirst();
                options(section.node(kind.name()).orElseThrow(), Problems.child(path, kind.name()), kind)
                        .ifPresent(o -> receivers.put(entry.key(), new ReceiverConfig(entry.key(), kind.name(), o)));
            });
        }));
        return receivers;
    }

    private Optional<Options> options(YamlNode node, String path, NotifierKind kind) {
        List<String> keys = kind.options().stream().map(OptionSpec::name).toList();
        return Section.open(node, path, keys, keys, Section.expectedOneOf(keys), values.scalars()).flatMap(section -> {
            Map<String, Object> given = new LinkedHashMap<>();
            boolean complete = true;
            for (OptionSpec spec : kind.options()) {
                Optional<Object> value = list(section, spec, path)
                        .or(() -> values.scalar(section, spec.name(), spec.type().expected(), spec.type()::parse));
                value.ifPresent(v -> given.put(spec.name(), v));
                if (spec.required() && value.isEmpty() && section.node(spec.name()).isEmpty()) {
                    problems.add(node.mark(), Problems.child(path, spec.name()),
                            "missing: every " + kind.name() + " receiver needs " + spec.name());
                    complete = false;
                }
            }
            if (!complete) {
                return Optional.empty();
            }
            Options options = Options.defaults(kind.options()).with(given);
            List<String> bad = kind.validate(options);
            for (String problem : bad) {
                int colon = problem.indexOf(':');
                String option = colon > 0 ? problem.substring(0, colon).trim() : "";
                String message = colon > 0 ? problem.substring(colon + 1).trim() : problem;
                YamlNode.Mark at = section.node(option).map(YamlNode::mark).orElse(node.mark());
                problems.add(at, option.isEmpty() ? path : Problems.child(path, option), message);
            }
            return bad.isEmpty() ? Optional.of(options) : Optional.empty();
        });
    }

    /**
     * A string option written as a list ({@code urls: [http://a:9093, http://b:9093]}) binds to its
     * items joined by commas: option types are scalars, and the kind splits it again.
     */
    private Optional<Object> list(Section section, OptionSpec spec, String path) {
        if (spec.type() != OptionType.STRING || !(section.node(spec.name()).orElse(null) instanceof YamlNode.Sequence)) {
            return Optional.empty();
        }
        List<String> items = values.list(section, spec.name(), path, "a string", text -> {
            if (text.isBlank() || text.contains(",")) {
                throw new IllegalArgumentException("expected a value without commas, got \"" + text + "\"");
            }
            return text.trim();
        });
        return items.isEmpty() ? Optional.empty() : Optional.of(String.join(",", items));
    }

    private List<Route> routes(YamlNode node, Set<String> receivers, Set<String> intervals) {
        List<Route> routes = new java.util.ArrayList<>();
        values.items(node, ROUTES, "routes", (item, path) -> Section.open(item, path, ROUTE_KEYS, ROUTE_KEYS,
                Section.expectedOneOf(ROUTE_KEYS), values.scalars()).ifPresent(s -> {
            Optional<String> receiver = values.scalar(s, "receiver", "a receiver name", known(receivers, "receiver"));
            if (receiver.isEmpty() && s.node("receiver").isEmpty()) {
                problems.add(item.mark(), Problems.child(path, "receiver"), "missing: every route needs a receiver");
            }
            GroupSettings d = GroupSettings.DEFAULTS;
            List<String> groupBy = s.node("group_by").isPresent()
                    ? values.list(s, "group_by", path, "a label name", AlertConfigBinder::labelName) : d.groupBy();
            GroupSettings group = new GroupSettings(groupBy, values.duration(s, "group_wait").orElse(d.groupWait()),
                    values.duration(s, "group_interval").filter(g -> !g.isZero()).orElse(d.groupInterval()));
            Route route = new Route(receiver.orElse(""), matchers(s, "matchers", path), group,
                    values.list(s, "mute_time_intervals", path, "a time interval name", known(intervals, "time interval")),
                    values.list(s, "active_time_intervals", path, "a time interval name", known(intervals, "time interval")),
                    values.bool(s, "continue").orElse(false));
            receiver.ifPresent(r -> routes.add(route));
        }));
        return routes;
    }

    private List<InhibitRule> inhibitRules(YamlNode node) {
        List<InhibitRule> rules = new java.util.ArrayList<>();
        values.items(node, INHIBIT_RULES, "inhibit rules", (item, path) -> Section.open(item, path, INHIBIT_KEYS,
                Set.of(), Section.expectedOneOf(INHIBIT_KEYS), values.scalars()).ifPresent(s -> rules.add(
                new InhibitRule(matchers(s, "source_matchers", path), matchers(s, "target_matchers", path),
                        values.list(s, "equal", path, "a label name", AlertConfigBinder::labelName)))));
        return rules;
    }

    List<Matcher> matchers(Section section, String key, String path) {
        return values.list(section, key, path, MATCHER, Matcher::parse);
    }

    static Function<String, String> known(Set<String> names, String what) {
        return text -> {
            if (!names.contains(text)) {
                throw new IllegalArgumentException("unknown " + what + " \"" + text + "\" (known: "
                        + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
            }
            return text;
        };
    }

    static String labelName(String text) {
        if (!text.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("expected a label name of letters, digits and '_', got \"" + text + "\"");
        }
        return text;
    }

    private static Path directory(String text) {
        Path path = Path.of(text.trim());
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("expected an absolute directory path, got \"" + text + "\"");
        }
        return path;
    }
}
