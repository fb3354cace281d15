package dev.swarmwatch.alerts.config;

import dev.swarmwatch.alerts.route.GroupSettings;
import dev.swarmwatch.alerts.route.InhibitRule;
import dev.swarmwatch.alerts.route.Route;
import dev.swarmwatch.alerts.route.TimeInterval;
import dev.swarmwatch.alerts.rules.DefaultRules;
import dev.swarmwatch.alerts.rules.Rule;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The alerting half of the config: {@code state_dir}, {@code receivers}, {@code rules}, {@code routes},
 * {@code inhibit_rules}, {@code time_intervals}.
 *
 * @param stateDir      alert state, notification log, outbox and silences
 * @param receivers     by name, in file order
 * @param rules         the rules as written; empty when the config has none ({@link #effectiveRules()})
 * @param routes        in file order; empty: every alert to every receiver (or to its rule's receivers)
 * @param inhibitRules  Alertmanager-style inhibitions, on top of the built-in dependency suppression
 * @param timeIntervals by name, for routes' mute/active time intervals
 * @param dependencies  the built-in dependency suppression (lost quorum, down node, no Patroni leader)
 */
public record AlertsConfig(Path stateDir, Map<String, ReceiverConfig> receivers, Optional<List<Rule>> rules,
                           List<Route> routes, List<InhibitRule> inhibitRules, Map<String, TimeInterval> timeIntervals,
                           boolean dependencies) {
    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/swarmwatch");

    public AlertsConfig {
        Objects.requireNonNull(stateDir, "stateDir");
        receivers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(receivers));
        Objects.requireNonNull(rules, "rules");
        rules = rules.map(List::copyOf);
        routes = List.copyOf(routes);
        inhibitRules = List.copyOf(inhibitRules);
        timeIntervals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timeIntervals));
        for (Rule rule : rules.orElse(List.of())) {
            for (String receiver : rule.receivers()) {
                if (!receivers.containsKey(receiver)) {
                    throw new IllegalArgumentException("rule " + rule.name() + " names unknown receiver " + receiver);
                }
            }
        }
        for (Route route : routes) {
            if (!receivers.containsKey(route.receiver())) {
                throw new IllegalArgumentException("route to unknown receiver " + route.receiver());
            }
            for (String name : concat(route.muteTimeIntervals(), route.activeTimeIntervals())) {
                if (!timeIntervals.containsKey(name)) {
                    throw new IllegalArgumentException("route names unknown time interval " + name);
                }
            }
        }
    }

    /** No receivers: nothing to evaluate, nothing to send. */
    public static AlertsConfig none() {
        return new AlertsConfig(DEFAULT_STATE_DIR, Map.of(), Optional.empty(), List.of(), List.of(), Map.of(), true);
    }

    /** The configured rules, or the shipped defaults when the config has no {@code rules}. */
    public List<Rule> effectiveRules() {
        return rules.orElseGet(DefaultRules::all);
    }

    /** Routes, with every receiver no route names added as a catch-all route of default grouping. */
    public List<Route> effectiveRoutes() {
        List<Route> all = new java.util.ArrayList<>(routes);
        if (routes.isEmpty()) {
            receivers.keySet().forEach(r -> all.add(Route.everything(r)));
        }
        return List.copyOf(all);
    }

    public GroupSettings defaultGroup() {
        return GroupSettings.DEFAULTS;
    }

    public boolean enabled() {
        return !receivers.isEmpty();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
