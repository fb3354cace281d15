package dev.swarmwatch.alerts.route;

import dev.swarmwatch.alerts.rules.Matcher;

import java.util.List;
import java.util.Map;

/**
 * Alertmanager's inhibition: while an alert matching {@code source} fires, alerts matching
 * {@code target} that have the same values of the {@code equal} labels are muted. An alert never
 * inhibits itself.
 */
public record InhibitRule(List<Matcher> source, List<Matcher> target, List<String> equal) {

    public InhibitRule {
        source = List.copyOf(source);
        target = List.copyOf(target);
        equal = List.copyOf(equal);
    }

    public boolean inhibits(Map<String, String> sourceLabels, Map<String, String> targetLabels) {
        return Matcher.all(source, sourceLabels) && Matcher.all(target, targetLabels)
                && equal.stream().allMatch(l -> sourceLabels.getOrDefault(l, "").equals(targetLabels.getOrDefault(l, "")));
    }
}
