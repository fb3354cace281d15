package dev.swarmwatch.alerts.eval;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the evaluator remembers of one alert between steps (and across restarts).
 *
 * @param rule        the rule's name (its alertname)
 * @param phase       pending, firing, or resolved while its resolved notices are still to go out
 * @param activeSince since when the condition holds (without a break longer than keep_firing_for)
 * @param startsAt    when it started firing; null while pending
 * @param lastHeld    the last step at which the condition held
 * @param endsAt      when it resolved; null until then
 * @param subject     one line for the root's {@code mutes}: {@code replicas:web 0/2 running}
 * @param sent        per receiver, what it was last told: "firing" or "resolved"
 */
public record AlertEntry(String fingerprint, String rule, Map<String, String> labels, Map<String, String> annotations,
                         Phase phase, Instant activeSince, Instant startsAt, Instant lastHeld, Instant endsAt,
                         String subject, Map<String, String> sent) {

    public enum Phase { PENDING, FIRING, RESOLVED }

    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";

    public AlertEntry {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(rule, "rule");
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        annotations = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(annotations));
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(activeSince, "activeSince");
        Objects.requireNonNull(lastHeld, "lastHeld");
        Objects.requireNonNull(subject, "subject");
        sent = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(sent));
        if (phase != Phase.PENDING && startsAt == null) {
            throw new IllegalArgumentException("a firing or resolved alert needs startsAt");
        }
        if (phase == Phase.RESOLVED && endsAt == null) {
            throw new IllegalArgumentException("a resolved alert needs endsAt");
        }
    }

    AlertEntry held(Instant now, Map<String, String> newAnnotations, String newSubject) {
        return new AlertEntry(fingerprint, rule, labels, newAnnotations, phase, activeSince, startsAt, now, endsAt,
                newSubject, sent);
    }

    AlertEntry firing(Instant now) {
        return new AlertEntry(fingerprint, rule, labels, annotations, Phase.FIRING, activeSince, now, lastHeld, null,
                subject, sent);
    }

    AlertEntry resolved(Instant now) {
        return new AlertEntry(fingerprint, rule, labels, annotations, Phase.RESOLVED, activeSince, startsAt, lastHeld,
                now, subject, sent);
    }

    /** Still pending, its wait for {@code for} started again (while a root cause mutes it). */
    AlertEntry restarted(Instant now) {
        return new AlertEntry(fingerprint, rule, labels, annotations, phase, now, startsAt, lastHeld, endsAt, subject,
                sent);
    }

    AlertEntry told(String receiver, String what) {
        Map<String, String> s = new TreeMap<>(sent);
        if (what == null) {
            s.remove(receiver);
        } else {
            s.put(receiver, what);
        }
        return new AlertEntry(fingerprint, rule, labels, annotations, phase, activeSince, startsAt, lastHeld, endsAt,
                subject, s);
    }

    boolean toldFiring(String receiver) {
        return FIRING.equals(sent.get(receiver));
    }
}
