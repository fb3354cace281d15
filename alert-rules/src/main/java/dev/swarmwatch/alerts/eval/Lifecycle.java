package dev.swarmwatch.alerts.eval;

import dev.swarmwatch.alerts.rules.Rule;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Moves each alert one step: inactive -> pending -> firing (after {@code for}) -> resolved (after
 * {@code keep_firing_for} without the condition). A pending alert whose condition goes away is
 * forgotten without a word: a blip shorter than {@code for} sends nothing.
 */
final class Lifecycle {
    private Lifecycle() {
    }

    /**
     * @param rules      the rules in force, by name; an alert whose rule is gone resolves
     * @param candidates the alerts whose condition holds now
     */
    static Map<String, AlertEntry> advance(Map<String, AlertEntry> previous, Map<String, Candidate> candidates,
                                           Map<String, Rule> rules, Dependencies dependencies, boolean builtIn,
                                           Instant now) {
        Map<String, AlertEntry> next = new TreeMap<>();
        TreeSet<String> all = new TreeSet<>(previous.keySet());
        all.addAll(candidates.keySet());
        for (String fp : all) {
            AlertEntry entry = previous.get(fp);
            Candidate held = candidates.get(fp);
            Rule rule = rules.get(held != null ? held.rule().name() : entry.rule());
            boolean rooted = builtIn && !dependencies.rootsOf(held != null ? held.labels() : entry.labels()).isEmpty();
            step(entry, held, rule, rooted, dependencies, now).ifPresent(e -> next.put(fp, e));
        }
        return next;
    }

    private static Optional<AlertEntry> step(AlertEntry entry, Candidate held, Rule rule, boolean rooted,
                                             Dependencies dependencies, Instant now) {
        if (rule == null) {
            return entry == null || entry.phase() == AlertEntry.Phase.PENDING ? Optional.empty()
                    : Optional.of(entry.phase() == AlertEntry.Phase.FIRING ? entry.resolved(now) : entry);
        }
        if (held != null) {
            if (entry == null || entry.phase() == AlertEntry.Phase.RESOLVED) {
                AlertEntry fresh = new AlertEntry(held.fingerprint(), rule.name(), held.labels(), held.annotations(),
                        AlertEntry.Phase.PENDING, now, null, now, null, held.subject(),
                        entry == null ? Map.of() : entry.sent());
                return Optional.of(ripe(fresh, rule, rooted, now));
            }
            AlertEntry updated = entry.held(now, held.annotations(), held.subject());
            return Optional.of(updated.phase() == AlertEntry.Phase.PENDING ? ripe(updated, rule, rooted, now) : updated);
        }
        // A Swarm check that did not run because the control plane is gone says nothing either way.
        boolean unobservable = rooted && dependencies.controlPlaneDown()
                && dependencies.check(entry.labels().getOrDefault("check", "")).isEmpty();
        if (unobservable) {
            return Optional.of(entry.phase() == AlertEntry.Phase.PENDING ? entry.restarted(now) : entry);
        }
        return switch (entry.phase()) {
            case PENDING -> Optional.empty();
            case FIRING -> Optional.of(gone(entry, now).compareTo(rule.keepFiringFor()) >= 0 ? entry.resolved(now) : entry);
            case RESOLVED -> Optional.of(entry);
        };
    }

    /** Pending long enough fires; while a root cause mutes it, its wait starts over each step. */
    private static AlertEntry ripe(AlertEntry pending, Rule rule, boolean rooted, Instant now) {
        if (rooted) {
            return pending.restarted(now);
        }
        return Duration.between(pending.activeSince(), now).compareTo(rule.forDuration()) >= 0
                ? pending.firing(now) : pending;
    }

    private static Duration gone(AlertEntry entry, Instant now) {
        return Duration.between(entry.lastHeld(), now);
    }
}
