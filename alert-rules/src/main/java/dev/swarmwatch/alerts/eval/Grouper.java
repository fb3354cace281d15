package dev.swarmwatch.alerts.eval;

import dev.swarmwatch.alerts.notify.Alert;
import dev.swarmwatch.alerts.notify.AlertStatus;
import dev.swarmwatch.alerts.notify.Notification;
import dev.swarmwatch.alerts.route.GroupSettings;
import dev.swarmwatch.alerts.route.Route;
import dev.swarmwatch.alerts.rules.Rule;
import dev.swarmwatch.alerts.rules.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns alert changes into notifications, per receiver and group: a new group waits
 * {@code group_wait} for company, later changes are batched for {@code group_interval}, a group
 * still firing is re-sent every {@code repeat_interval}. Muted alerts are left out; one that is
 * still firing when its mute ends is a change like a new one.
 */
final class Grouper {
    record Result(Map<String, AlertEntry> alerts, Map<String, GroupEntry> groups, List<Notification> notifications,
                  Optional<Instant> nextStepAt) {
    }

    private record Member(AlertEntry alert, Rule rule, boolean muted) {
    }

    private Grouper() {
    }

    static Result group(Map<String, AlertEntry> alerts, Map<String, GroupEntry> groups, Mutes mutes, Routing routing,
                        Map<String, Rule> rules, Instant now) {
        Map<String, AlertEntry> next = new TreeMap<>(alerts);
        // Receivers an alert was told about but no longer goes to cannot be told the rest: forget them.
        Map<String, Map<String, Member>> byGroup = new TreeMap<>();
        Map<String, GroupSettings> settings = new TreeMap<>();
        Map<String, Map<String, String>> groupLabels = new TreeMap<>();
        for (AlertEntry alert : alerts.values()) {
            if (alert.phase() == AlertEntry.Phase.PENDING) {
                continue;
            }
            Optional<Rule> rule = Optional.ofNullable(rules.get(alert.rule()));
            Map<String, Route> routes = routing.routes(alert.labels(), rule);
            AlertEntry cleaned = alert;
            for (String told : alert.sent().keySet()) {
                if (!routes.containsKey(told)) {
                    cleaned = cleaned.told(told, null);
                }
            }
            next.put(alert.fingerprint(), cleaned);
            for (Route route : routes.values()) {
                Map<String, String> labels = new TreeMap<>();
                route.group().groupBy().forEach(l -> labels.put(l, alert.labels().getOrDefault(l, "")));
                String key = route.receiver() + "\n" + labels;
                boolean muted = !mutes.of(alert.fingerprint()).isEmpty() || routing.windowMute(route, now).isPresent();
                byGroup.computeIfAbsent(key, k -> new TreeMap<>()).put(alert.fingerprint(),
                        new Member(cleaned, rule.orElse(null), muted));
                settings.putIfAbsent(key, route.group());
                groupLabels.putIfAbsent(key, labels);
            }
        }
        Map<String, GroupEntry> nextGroups = new TreeMap<>();
        List<Notification> out = new ArrayList<>();
        Instant wake = null;
        for (Map.Entry<String, Map<String, Member>> g : byGroup.entrySet()) {
            String receiver = g.getKey().substring(0, g.getKey().indexOf('\n'));
            GroupSettings gs = settings.get(g.getKey());
            Map<String, String> labels = groupLabels.get(g.getKey());
            String groupKey = groupKey(labels);
            GroupEntry group = groups.getOrDefault(g.getKey(), new GroupEntry(receiver, groupKey, labels, null, null, 0));
            List<AlertEntry> firing = new ArrayList<>();
            List<AlertEntry> resolved = new ArrayList<>();
            boolean change = false;
            Duration repeat = Rule.DEFAULT_REPEAT;
            for (Member m : g.getValue().values()) {
                AlertEntry a = next.get(m.alert().fingerprint());
                boolean told = a.toldFiring(receiver);
                if (a.phase() == AlertEntry.Phase.FIRING && !m.muted()) {
                    firing.add(a);
                    change |= !told;
                    if (m.rule() != null && m.rule().repeatInterval().compareTo(repeat) < 0) {
                        repeat = m.rule().repeatInterval();
                    }
                } else if (a.phase() == AlertEntry.Phase.RESOLVED && told) {
                    if (m.rule() == null || m.rule().sendResolved()) {
                        resolved.add(a);
                        change = true;
                    } else {
                        next.put(a.fingerprint(), a.told(receiver, null));
                    }
                }
            }
            if (change) {
                group = group.changed(now);
            }
            Instant due = null;
            if (change) {
                due = group.lastFlush() == null ? group.changedSince().plus(gs.groupWait())
                        : max(group.changedSince(), group.lastFlush().plus(gs.groupInterval()));
            } else if (!firing.isEmpty() && group.lastFlush() != null) {
                due = group.lastFlush().plus(repeat);
            }
            if (due != null && !now.isBefore(due)) {
                out.add(notification(group, firing, resolved, mutes, now));
                for (AlertEntry a : firing) {
                    next.put(a.fingerprint(), next.get(a.fingerprint()).told(receiver, AlertEntry.FIRING));
                }
                for (AlertEntry a : resolved) {
                    next.put(a.fingerprint(), next.get(a.fingerprint()).told(receiver, null));
                }
                group = group.flushed(now);
            } else if (due != null && change) {
                wake = wake == null || due.isBefore(wake) ? due : wake;
            }
            boolean open = g.getValue().keySet().stream().anyMatch(fp -> next.get(fp).toldFiring(receiver));
            if (open || group.changedSince() != null) {
                nextGroups.put(g.getKey(), group);
            }
        }
        next.values().removeIf(a -> a.phase() == AlertEntry.Phase.RESOLVED && a.sent().isEmpty());
        return new Result(next, nextGroups, out, Optional.ofNullable(wake));
    }

    private static Notification notification(GroupEntry group, List<AlertEntry> firing, List<AlertEntry> resolved,
                                             Mutes mutes, Instant now) {
        List<Alert> alerts = new ArrayList<>();
        firing.forEach(a -> alerts.add(alert(a, AlertStatus.FIRING, mutes)));
        resolved.forEach(a -> alerts.add(alert(a, AlertStatus.RESOLVED, mutes)));
        alerts.sort(WORST_FIRST);
        String transitions = alerts.stream().map(a -> a.fingerprint() + ":" + a.status().wire() + ":" + a.startsAt())
                .collect(Collectors.joining(","));
        String id = Fingerprint.sha256(group.receiver() + "\n" + group.groupKey() + "\n" + group.sequence() + "\n"
                + transitions).substring(0, 32);
        return new Notification(id, group.receiver(), group.groupKey(),
                firing.isEmpty() ? AlertStatus.RESOLVED : AlertStatus.FIRING, group.groupLabels(), alerts, now);
    }

    static Alert alert(AlertEntry a, AlertStatus status, Mutes mutes) {
        return new Alert(a.fingerprint(), a.labels(), a.annotations(), status, a.startsAt(),
                status == AlertStatus.RESOLVED ? Optional.of(a.endsAt()) : Optional.empty(),
                mutes.mutes().getOrDefault(a.fingerprint(), List.of()));
    }

    static final Comparator<Alert> WORST_FIRST = Comparator
            .comparingInt((Alert a) -> Severity.rank(a.label("severity")))
            .thenComparing(Alert::status)
            // a root cause before the alerts it explains
            .thenComparing(a -> a.mutes().isEmpty())
            .thenComparing(Alert::startsAt)
            .thenComparing(Alert::fingerprint);

    /** Alertmanager's shape, {@code {}:{alertname="SwarmCritical", severity="critical"}}, which tools parse. */
    static String groupKey(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue().replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(", ", "{}:{", "}"));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

}
