package dev.swarmwatch.dashboards.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The state changes between two cycles, as one-line events. Pure. */
public final class Transitions {
    private static final Pattern LEADER = Pattern.compile("\\bleader (\\S+)");

    private Transitions() {
    }

    public static List<Event> between(ReportView before, ReportView after, Instant at) {
        List<Event> events = new ArrayList<>();
        Map<String, CheckView> oldCluster = byId(before.cluster());
        for (CheckView now : after.cluster()) {
            CheckView then = oldCluster.get(now.id());
            if (then == null || !now.name().isEmpty()) {
                continue;
            }
            if (now.kind().equals("quorum") && lost(now) != lost(then)) {
                events.add(new Event(at, "", now.status(), lost(now) ? "quorum lost" : "quorum regained"));
            } else if (now.status() != then.status()) {
                events.add(new Event(at, "", now.status(), now.label() + " " + then.status() + " -> " + now.status()));
            }
        }
        Map<String, ServiceView> oldServices = before.services().stream()
                .collect(Collectors.toMap(ServiceView::key, Function.identity(), (a, b) -> a));
        for (ServiceView now : after.services()) {
            ServiceView then = oldServices.remove(now.key());
            if (then == null) {
                events.add(new Event(at, now.key(), now.status(), now.name() + " appeared " + now.replicas()));
            } else if (!now.replicas().equals(then.replicas()) && !now.replicas().isEmpty()) {
                events.add(new Event(at, now.key(), now.status(), now.name() + " " + then.replicas() + " -> " + now.replicas()));
            } else if (now.status() != then.status()) {
                events.add(new Event(at, now.key(), now.status(), now.name() + " " + then.status() + " -> " + now.status()));
            }
        }
        // A swarm that could not be read lists no services: they are not gone, only unseen.
        if (!after.services().isEmpty()) {
            oldServices.values().forEach(gone -> events.add(new Event(at, gone.key(), dev.swarmwatch.checks.spi.Status.OK,
                    gone.name() + " removed")));
        }
        Map<String, CheckView> oldTargets = byId(before.targets());
        for (CheckView now : after.targets()) {
            CheckView then = oldTargets.get(now.id());
            if (then == null) {
                continue;
            }
            Optional<String> was = leader(then);
            Optional<String> is = leader(now);
            if (now.kind().equals("patroni") && was.isPresent() && is.isPresent() && !was.equals(is)) {
                events.add(new Event(at, "", now.status(), "patroni " + now.name() + " leader " + was.get() + " -> " + is.get()));
            } else if (now.status() != then.status()) {
                events.add(new Event(at, "", now.status(), now.label() + " " + then.status() + " -> " + now.status()));
            }
        }
        return events;
    }

    private static boolean lost(CheckView quorum) {
        return quorum.summary().contains("quorum lost");
    }

    private static Optional<String> leader(CheckView c) {
        Matcher m = LEADER.matcher(c.summary());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Map<String, CheckView> byId(List<CheckView> checks) {
        return checks.stream().collect(Collectors.toMap(CheckView::id, Function.identity(), (a, b) -> a));
    }
}
