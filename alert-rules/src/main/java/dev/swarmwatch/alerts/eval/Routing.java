package dev.swarmwatch.alerts.eval;

import dev.swarmwatch.alerts.config.AlertsConfig;
import dev.swarmwatch.alerts.route.Route;
import dev.swarmwatch.alerts.route.TimeInterval;
import dev.swarmwatch.alerts.rules.Rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which receivers an alert goes to, with which grouping, and whether a route's time windows mute it
 * now. Routes are tried in order, the first match wins unless it says {@code continue}; a rule that
 * names receivers only takes routes to them. An alert no route takes goes to its rule's receivers
 * (or every receiver) with the default grouping: nothing is dropped for want of a route.
 */
final class Routing {
    private final AlertsConfig config;

    Routing(AlertsConfig config) {
        this.config = config;
    }

    /** By receiver: the route the alert takes there. */
    Map<String, Route> routes(Map<String, String> labels, Optional<Rule> rule) {
        List<String> allowed = rule.map(Rule::receivers).filter(r -> !r.isEmpty())
                .orElse(new ArrayList<>(config.receivers().keySet()));
        Map<String, Route> taken = new LinkedHashMap<>();
        for (Route route : config.routes()) {
            if (allowed.contains(route.receiver()) && route.matches(labels)) {
                taken.putIfAbsent(route.receiver(), route);
                if (!route.continueMatching()) {
                    break;
                }
            }
        }
        if (taken.isEmpty()) {
            allowed.stream().filter(config.receivers()::containsKey)
                    .forEach(r -> taken.put(r, Route.everything(r)));
        }
        return taken;
    }

    /** The route's own time windows mute it now: one line why, or empty. */
    Optional<String> windowMute(Route route, Instant now) {
        for (String name : route.muteTimeIntervals()) {
            TimeInterval interval = config.timeIntervals().get(name);
            if (interval != null && interval.contains(now)) {
                return Optional.of("receiver " + route.receiver() + ": mute time interval " + name);
            }
        }
        if (!route.activeTimeIntervals().isEmpty() && route.activeTimeIntervals().stream()
                .map(config.timeIntervals()::get).noneMatch(i -> i != null && i.contains(now))) {
            return Optional.of("receiver " + route.receiver() + ": outside active time intervals "
                    + String.join(", ", route.activeTimeIntervals()));
        }
        return Optional.empty();
    }
}
