package dev.swarmwatch.alerts.eval;

import dev.swarmwatch.alerts.rules.Severity;
import dev.swarmwatch.alerts.silence.Silence;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The alerts as {@code swarmwatch alerts}, the daemon's API and the dashboard show them, worst
 * first: critical before warning before info, firing before pending, root causes before the rest,
 * oldest first.
 *
 * @param alerts   pending and firing alerts
 * @param silences the silences in force
 */
public record AlertView(List<Entry> alerts, List<Silence> silences) {

    public enum State { FIRING, PENDING }

    /**
     * One alert.
     *
     * @param since   when its condition started to hold
     * @param startsAt when it started firing; empty while pending
     * @param mutes   the alerts it suppresses, one line each ("replicas:web 0/2 running")
     * @param mutedBy why it sends nothing, one line per reason ("quorum:swarm quorum lost ...",
     *                "silence 7f3a...", "rolling update", "inhibited by ..."); empty when it sends
     */
    public record Entry(String fingerprint, Map<String, String> labels, Map<String, String> annotations, State state,
                        Instant since, Optional<Instant> startsAt, List<String> mutes, List<String> mutedBy) {
        public Entry {
            Objects.requireNonNull(fingerprint, "fingerprint");
            labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
            annotations = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(annotations));
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(startsAt, "startsAt");
            mutes = List.copyOf(mutes);
            mutedBy = List.copyOf(mutedBy);
        }

        public String label(String name) {
            return labels.getOrDefault(name, "");
        }
    }

    static final Comparator<Entry> WORST_FIRST = Comparator
            .comparingInt((Entry e) -> Severity.rank(e.label("severity")))
            .thenComparing(Entry::state)
            .thenComparing(e -> e.mutes().isEmpty())
            .thenComparing(Entry::since)
            .thenComparing(Entry::fingerprint);

    public AlertView {
        alerts = alerts.stream().sorted(WORST_FIRST).toList();
        silences = List.copyOf(silences);
    }

    public List<Entry> firing() {
        return alerts.stream().filter(e -> e.state() == State.FIRING).toList();
    }

    public List<Entry> pending() {
        return alerts.stream().filter(e -> e.state() == State.PENDING).toList();
    }
}
