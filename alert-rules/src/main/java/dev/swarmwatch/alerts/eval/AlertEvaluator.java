package dev.swarmwatch.alerts.eval;

import dev.swarmwatch.alerts.config.AlertsConfig;
import dev.swarmwatch.alerts.route.Route;
import dev.swarmwatch.alerts.rules.Rule;
import dev.swarmwatch.alerts.silence.Silence;
import dev.swarmwatch.checks.engine.HealthReport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The alert pipeline as one pure function: (state, report, silences, now) -> (state, notifications,
 * view). No clock, disk or network: the caller passes the instant and persists the result. Stages,
 * in order: rules -> candidates; built-in dependencies; lifecycle (for, keep_firing_for);
 * suppression (dependencies, quiet times, inhibit rules, silences); grouping per receiver (time
 * windows, group_wait, group_interval, repeat_interval).
 */
public final class AlertEvaluator {
    private final AlertsConfig config;
    private final List<Rule> rules;
    private final Map<String, Rule> byName;
    private final Routing routing;

    public AlertEvaluator(AlertsConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.rules = config.effectiveRules();
        this.byName = rules.stream().collect(Collectors.toMap(Rule::name, Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
        this.routing = new Routing(config);
    }

    /**
     * One step.
     *
     * @param state    what the previous step returned (or {@link AlertState#empty()}, or what the store kept)
     * @param report   the latest cycle's report
     * @param silences the silences known (expired ones are ignored)
     * @param now      the instant of this step; never before the previous step's
     */
    public Step step(AlertState state, HealthReport report, List<Silence> silences, Instant now) {
        Dependencies dependencies = new Dependencies(report);
        Map<String, Candidate> candidates = Candidates.of(rules, report);
        Map<String, AlertEntry> advanced = Lifecycle.advance(state.alerts(), candidates, byName, dependencies,
                config.dependencies(), now);
        List<AlertEntry> active = advanced.values().stream().filter(e -> e.phase() != AlertEntry.Phase.RESOLVED).toList();
        Mutes mutes = Mutes.of(active, dependencies, config.inhibitRules(), silences, config.dependencies(), now);
        Grouper.Result grouped = Grouper.group(advanced, state.groups(), mutes, routing, byName, now);
        AlertState next = new AlertState(grouped.alerts(), grouped.groups());
        return new Step(next, grouped.notifications(), view(active, mutes, silences, now), grouped.nextStepAt());
    }

    private AlertView view(List<AlertEntry> active, Mutes mutes, List<Silence> silences, Instant now) {
        List<AlertView.Entry> entries = new ArrayList<>();
        for (AlertEntry a : active) {
            List<String> mutedBy = new ArrayList<>(mutes.of(a.fingerprint()));
            for (Route route : routing.routes(a.labels(), Optional.ofNullable(byName.get(a.rule()))).values()) {
                routing.windowMute(route, now).ifPresent(mutedBy::add);
            }
            entries.add(new AlertView.Entry(a.fingerprint(), a.labels(), a.annotations(),
                    a.phase() == AlertEntry.Phase.FIRING ? AlertView.State.FIRING : AlertView.State.PENDING,
                    a.activeSince(), Optional.ofNullable(a.startsAt()),
                    mutes.mutes().getOrDefault(a.fingerprint(), List.of()), mutedBy));
        }
        return new AlertView(entries, silences.stream().filter(s -> s.activeAt(now)).toList());
    }
}
