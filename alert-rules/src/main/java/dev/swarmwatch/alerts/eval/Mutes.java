package dev.swarmwatch.alerts.eval;

import dev.swarmwatch.alerts.route.InhibitRule;
import dev.swarmwatch.alerts.silence.Silence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why each alert sends nothing this step, for every receiver alike: its root cause (dependency),
 * an automatic quiet time, an inhibit rule, a silence. Time windows are per route: see {@link Grouper}.
 *
 * @param reasons per fingerprint, one line per reason; absent: not muted
 * @param mutes   per root fingerprint, the alerts it mutes, one line each
 */
record Mutes(Map<String, List<String>> reasons, Map<String, List<String>> mutes) {

    List<String> of(String fingerprint) {
        return reasons.getOrDefault(fingerprint, List.of());
    }

    static Mutes of(Collection<AlertEntry> active, Dependencies dependencies, List<InhibitRule> inhibitRules,
                    List<Silence> silences, boolean builtIn, Instant now) {
        Map<String, List<String>> reasons = new TreeMap<>();
        Map<String, List<String>> mutes = new TreeMap<>();
        List<AlertEntry> firing = active.stream().filter(e -> e.phase() == AlertEntry.Phase.FIRING).toList();
        for (AlertEntry alert : active) {
            List<String> why = new ArrayList<>();
            if (builtIn) {
                for (Dependencies.Root root : dependencies.rootsOf(alert.labels())) {
                    why.add("caused by " + root.reason());
                    firing.stream().filter(f -> f.labels().getOrDefault("check", "").equals(root.check()))
                            .forEach(f -> mutes.computeIfAbsent(f.fingerprint(), k -> new ArrayList<>()).add(alert.subject()));
                }
                why.addAll(dependencies.quietOf(alert.labels()));
            }
            for (InhibitRule rule : inhibitRules) {
                firing.stream().filter(s -> !s.fingerprint().equals(alert.fingerprint()))
                        .filter(s -> rule.inhibits(s.labels(), alert.labels())).findFirst().ifPresent(s -> {
                            why.add("inhibited by " + s.subject());
                            mutes.computeIfAbsent(s.fingerprint(), k -> new ArrayList<>()).add(alert.subject());
                        });
            }
            silences.stream().filter(s -> s.silences(alert.labels(), now))
                    .forEach(s -> why.add("silenced by " + s.id() + (s.comment().isEmpty() ? "" : " (" + s.comment() + ")")));
            if (!why.isEmpty()) {
                reasons.put(alert.fingerprint(), List.copyOf(why));
            }
        }
        mutes.replaceAll((k, v) -> v.stream().distinct().toList());
        return new Mutes(reasons, mutes);
    }
}
