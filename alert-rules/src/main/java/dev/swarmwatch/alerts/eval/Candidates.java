package dev.swarmwatch.alerts.eval;

import dev.swarmwatch.alerts.rules.Rule;
import dev.swarmwatch.alerts.rules.ScoreCondition;
import dev.swarmwatch.alerts.rules.Template;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.engine.Score;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.SafeText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Rules against one report: every alert whose condition holds now, by fingerprint. */
final class Candidates {
    private Candidates() {
    }

    static Map<String, Candidate> of(List<Rule> rules, HealthReport report) {
        Map<String, Candidate> found = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (rule.score().isPresent()) {
                scores(rule, rule.score().get(), report).forEach(c -> found.putIfAbsent(c.fingerprint(), c));
                continue;
            }
            for (CheckReport check : report.checks()) {
                if (rule.selector().holds(check)) {
                    Candidate c = forCheck(rule, check);
                    found.putIfAbsent(c.fingerprint(), c);
                }
            }
        }
        return found;
    }

    static Candidate forCheck(Rule rule, CheckReport check) {
        String service = check.subject().cluster() ? "" : check.subject().name();
        Map<String, String> values = new TreeMap<>();
        // Names come from the engine: untrusted text, like the summary.
        values.put("service", SafeText.line(service));
        values.put("stack", SafeText.line(check.subject().stack()));
        values.put("node", SafeText.line(check.result().labels().getOrDefault("node", "")));
        values.put("kind", check.kind());
        values.put("check", SafeText.line(check.id()));
        String summary = SafeText.line(check.result().summary());
        return build(rule, values, summary, SafeText.lines(String.join("\n", check.result().details())),
                check.status().name().toLowerCase(Locale.ROOT), Optional.of(check));
    }

    private static List<Candidate> scores(Rule rule, ScoreCondition condition, HealthReport report) {
        Score.Scores scores = report.scores();
        Map<String, Integer> scope = switch (condition.scope()) {
            case CLUSTER -> Map.of("", scores.cluster());
            case STACK -> scores.stacks();
            case SERVICE -> scores.services();
        };
        Map<String, String> stacks = new java.util.HashMap<>();
        report.checks().stream().filter(c -> !c.subject().cluster())
                .forEach(c -> stacks.putIfAbsent(c.subject().name(), c.subject().stack()));
        return new TreeMap<>(scope).entrySet().stream().filter(e -> e.getValue() < condition.below()).map(e -> {
            Map<String, String> values = new TreeMap<>();
            String name = e.getKey();
            values.put("kind", "score");
            switch (condition.scope()) {
                case CLUSTER -> values.put("check", "score:cluster");
                case STACK -> {
                    values.put("stack", name);
                    values.put("check", "score:stack:" + name);
                }
                case SERVICE -> {
                    values.put("service", name);
                    values.put("stack", stacks.getOrDefault(name, ""));
                    values.put("check", "score:service:" + name);
                }
            }
            String summary = "health score " + e.getValue() + ", below " + condition.below();
            return build(rule, values, SafeText.line(summary), "", "critical", Optional.<CheckReport>empty());
        }).toList();
    }

    private static Candidate build(Rule rule, Map<String, String> values, String summary, String details,
                                   String status, Optional<CheckReport> check) {
        Map<String, String> labels = new TreeMap<>(rule.labels());
        labels.putAll(values);
        labels.put("alertname", rule.name());
        labels.put("severity", rule.severity().wire());
        // Alertmanager drops empty labels; so does the fingerprint, so "" and absent are one alert.
        labels.values().removeIf(String::isEmpty);
        Map<String, String> fields = new TreeMap<>(values);
        fields.put("summary", summary);
        fields.put("details", details);
        fields.put("status", status);
        fields.put("alertname", rule.name());
        fields.put("severity", rule.severity().wire());
        Map<String, String> annotations = new TreeMap<>();
        for (Map.Entry<String, Template> a : rule.annotations().entrySet()) {
            String text = a.getValue().render(fields);
            if (!text.isEmpty()) {
                annotations.put(a.getKey(), text);
            }
        }
        String subject = values.getOrDefault("check", "") + " " + summary;
        return new Candidate(rule, Fingerprint.of(labels), labels, annotations, subject.strip(), check);
    }
}
