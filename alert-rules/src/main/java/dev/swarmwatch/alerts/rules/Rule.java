package dev.swarmwatch.alerts.rules;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One alert rule.
 *
 * @param name           the alert's {@code alertname}; unique among the rules
 * @param selector       which checks, in which states (ignored for its states when {@code score} is set)
 * @param score          a condition on the health score instead of on check states
 * @param severity       the alert's {@code severity}
 * @param forDuration    the condition must hold this long before the alert fires (zero: the first cycle)
 * @param keepFiringFor  the condition must be gone this long before the alert resolves
 * @param repeatInterval reminders while firing, this often
 * @param sendResolved   send a resolved notice when it ends
 * @param labels         extra labels (they take part in the fingerprint)
 * @param annotations    templates; {@code summary} and {@code description} default to the check's summary and details
 * @param receivers      the receivers it goes to; empty: as the routes say (or every receiver)
 */
public record Rule(String name, CheckSelector selector, Optional<ScoreCondition> score, Severity severity,
                   Duration forDuration, Duration keepFiringFor, Duration repeatInterval, boolean sendResolved,
                   Map<String, String> labels, Map<String, Template> annotations, List<String> receivers) {

    public static final Duration DEFAULT_REPEAT = Duration.ofHours(4);
    public static final Template DEFAULT_SUMMARY = new Template("{{ .summary }}");
    public static final Template DEFAULT_DESCRIPTION = new Template("{{ .details }}");
    /** Labels the evaluator sets; a rule cannot override them. */
    public static final List<String> OWN_LABELS = List.of("alertname", "severity", "service", "stack", "node",
            "kind", "check");

    public Rule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(severity, "severity");
        requireNotNegative(forDuration, "for");
        requireNotNegative(keepFiringFor, "keep_firing_for");
        requireNotNegative(repeatInterval, "repeat_interval");
        if (repeatInterval.isZero()) {
            throw new IllegalArgumentException("repeat_interval must be positive");
        }
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("a rule name is a label value of letters, digits and '_', got \"" + name + "\"");
        }
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        for (String own : OWN_LABELS) {
            if (labels.containsKey(own)) {
                throw new IllegalArgumentException("label " + own + " is set by swarmwatch and cannot be given");
            }
        }
        TreeMap<String, Template> all = new TreeMap<>(annotations);
        all.putIfAbsent("summary", DEFAULT_SUMMARY);
        all.putIfAbsent("description", DEFAULT_DESCRIPTION);
        annotations = java.util.Collections.unmodifiableSortedMap(all);
        receivers = List.copyOf(receivers);
    }

    /** A rule with the usual defaults: no extra labels or annotations, resolved notices on, every receiver. */
    public static Rule of(String name, CheckSelector selector, Severity severity, Duration forDuration) {
        return new Rule(name, selector, Optional.empty(), severity, forDuration, Duration.ZERO, DEFAULT_REPEAT, true,
                Map.of(), Map.of(), List.of());
    }

    private static void requireNotNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative");
        }
    }
}
