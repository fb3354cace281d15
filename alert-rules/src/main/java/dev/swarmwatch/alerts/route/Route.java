package dev.swarmwatch.alerts.route;

import dev.swarmwatch.alerts.rules.Matcher;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sends the alerts its matchers select to one receiver. Routes are tried in order; the first that
 * matches takes the alert unless it says {@code continue}, which lets the next ones match too.
 *
 * @param muteTimeIntervals   names of time intervals during which this route sends nothing
 * @param activeTimeIntervals names of time intervals outside which this route sends nothing (none: always)
 */
public record Route(String receiver, List<Matcher> matchers, GroupSettings group, List<String> muteTimeIntervals,
                    List<String> activeTimeIntervals, boolean continueMatching) {

    public Route {
        Objects.requireNonNull(receiver, "receiver");
        matchers = List.copyOf(matchers);
        Objects.requireNonNull(group, "group");
        muteTimeIntervals = List.copyOf(muteTimeIntervals);
        activeTimeIntervals = List.copyOf(activeTimeIntervals);
    }

    /** The implicit route of a receiver when no route names it: everything, default grouping, always. */
    public static Route everything(String receiver) {
        return new Route(receiver, List.of(), GroupSettings.DEFAULTS, List.of(), List.of(), true);
    }

    public boolean matches(Map<String, String> labels) {
        return Matcher.all(matchers, labels);
    }
}
