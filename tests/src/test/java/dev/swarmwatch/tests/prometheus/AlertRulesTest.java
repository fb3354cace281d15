package dev.swarmwatch.tests.prometheus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** alert-rules/prometheus: the rules pass promtool, and so do their unit tests, which can fail. */
class AlertRulesTest {
    /** Each alert the brief asks for, with its `for` and severity. */
    private static final Map<String, List<String>> EXPECTED = expected();

    private static Map<String, List<String>> expected() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("SwarmwatchServiceReplicasBelowDesired", List.of("5m", "warning"));
        m.put("SwarmwatchServiceDown", List.of("2m", "critical"));
        m.put("SwarmwatchServiceCrashLooping", List.of("1m", "critical"));
        m.put("SwarmwatchQuorumAtRisk", List.of("5m", "warning"));
        m.put("SwarmwatchQuorumLost", List.of("1m", "critical"));
        m.put("SwarmwatchNodeDown", List.of("5m", "warning"));
        m.put("SwarmwatchPatroniNoLeader", List.of("1m", "critical"));
        m.put("SwarmwatchPatroniReplicaLagHigh", List.of("5m", "warning"));
        m.put("SwarmwatchPostgresDown", List.of("2m", "critical"));
        m.put("SwarmwatchRedisDown", List.of("2m", "critical"));
        m.put("SwarmwatchHttpEndpointDown", List.of("2m", "critical"));
        m.put("SwarmwatchClusterHealthLow", List.of("10m", "warning"));
        m.put("SwarmwatchAbsent", List.of("5m", "critical"));
        m.put("SwarmwatchStalled", List.of("2m", "warning"));
        return m;
    }

    @Test
    void promtoolCheckAcceptsTheRulesAndCountsFourteen() throws Exception {
        Promtool.Result r = Promtool.run("check", "rules", "alert-rules/prometheus/swarmwatch.rules.yml");

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS: " + EXPECTED.size() + " rules found");
    }

    @Test
    void everyAlertHasItsForSeverityAndTemplatedSummaryAndDescription() throws Exception {
        List<Map<String, Object>> rules = rules();

        assertThat(rules).extracting(r -> r.get("alert")).containsExactlyElementsOf(EXPECTED.keySet());
        for (Map<String, Object> rule : rules) {
            String name = (String) rule.get("alert");
            Map<?, ?> labels = (Map<?, ?>) rule.get("labels");
            Map<?, ?> annotations = (Map<?, ?>) rule.get("annotations");
            assertThat(List.of(rule.get("for"), labels.get("severity"))).as(name).isEqualTo(EXPECTED.get(name));
            assertThat((String) annotations.get("summary")).as(name + " summary").isNotBlank();
            assertThat((String) annotations.get("description")).as(name + " description").isNotBlank();
            if (!name.equals("SwarmwatchAbsent")) { // absent() has no series, so no labels to show
                assertThat(annotations.get("summary") + " " + annotations.get("description"))
                        .as(name + " annotations name the series").contains("{{ $labels.");
            }
        }
    }

    @Test
    void ruleExpressionsUseOnlyDocumentedMetrics() throws Exception {
        MetricsDoc doc = MetricsDoc.read(Promtool.METRICS_DOC);

        for (Map<String, Object> rule : rules()) {
            assertThat(doc.unknownNames((String) rule.get("expr"))).as(rule.get("alert") + ": " + rule.get("expr")).isEmpty();
        }
    }

    @Test
    void everyAlertIsUnitTestedBothFiringAndQuiet() throws Exception {
        Map<String, Object> file = new Yaml().load(Files.readString(Promtool.RULES_TEST));
        Map<String, int[]> seen = new LinkedHashMap<>(); // alert -> {firing cases, quiet cases}
        for (Object test : (List<?>) file.get("tests")) {
            for (Object c : (List<?>) ((Map<?, ?>) test).get("alert_rule_test")) {
                Map<?, ?> testCase = (Map<?, ?>) c;
                List<?> exp = (List<?>) testCase.get("exp_alerts");
                int[] n = seen.computeIfAbsent((String) testCase.get("alertname"), k -> new int[2]);
                n[exp == null || exp.isEmpty() ? 1 : 0]++;
            }
        }

        for (String alert : EXPECTED.keySet()) {
            int[] n = seen.getOrDefault(alert, new int[2]);
            assertThat(n[0]).as(alert + " firing cases").isPositive();
            assertThat(n[1]).as(alert + " quiet cases").isPositive();
        }
        assertThat(seen.keySet()).as("tests only name real alerts").isSubsetOf(EXPECTED.keySet());
    }

    @Test
    void promtoolUnitTestsPass() throws Exception {
        Promtool.Result r = Promtool.run("test", "rules", "alert-rules/prometheus/swarmwatch.rules.test.yml");

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    /** A wrong expectation (text, severity, or a quiet case at a time the alert fires) must fail promtool. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            changed description | only 1 running replica(s) of 3 desired | only 2 running replica(s) of 3 desired | SwarmwatchServiceReplicasBelowDesired
            changed severity    | severity: critical\\n              job: swarmwatch\\n              instance: manager-1:9469\\n              stack: shop\\n              service: worker | severity: warning\\n              job: swarmwatch\\n              instance: manager-1:9469\\n              stack: shop\\n              service: worker | SwarmwatchServiceDown
            quiet when firing   | eval_time: 6m\\n        alertname: SwarmwatchServiceReplicasBelowDesired | eval_time: 7m\\n        alertname: SwarmwatchServiceReplicasBelowDesired | SwarmwatchServiceReplicasBelowDesired
            """)
    void promtoolUnitTestsFailOnAWrongExpectation(String what, String from, String to, String alert, @TempDir Path dir)
            throws Exception {
        String original = Files.readString(Promtool.RULES_TEST);
        String target = from.replace("\\n", "\n");
        assertThat(original).as("the test file still has the text this case changes").contains(target);
        Files.writeString(dir.resolve("swarmwatch.rules.test.yml"), original.replaceFirst(
                java.util.regex.Pattern.quote(target), java.util.regex.Matcher.quoteReplacement(to.replace("\\n", "\n"))));
        Files.copy(Promtool.RULES, dir.resolve("swarmwatch.rules.yml"));

        Promtool.Result r = Promtool.run("test", "rules", dir.resolve("swarmwatch.rules.test.yml").toString());

        assertThat(r.exit()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("FAILED").contains("alertname: " + alert);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(Promtool.RULES));
        List<Map<String, Object>> groups = (List<Map<String, Object>>) file.get("groups");
        assertThat(groups).extracting(g -> g.get("name")).containsExactly("swarmwatch");
        return (List<Map<String, Object>>) groups.get(0).get("rules");
    }
}
