package dev.swarmwatch.tests.prometheus;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** dashboards/grafana/swarmwatch.json: importable, datasource by variable, documented metrics only. */
class GrafanaDashboardTest {
    private static final Map<String, String> DATASOURCE = Map.of("type", "prometheus", "uid", "${datasource}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode dashboard;

    @BeforeAll
    static void read() throws Exception {
        dashboard = JSON.readTree(Files.readString(Promtool.DASHBOARD));
    }

    @Test
    void isADashboardGrafanaCanImport() {
        assertThat(dashboard.path("schemaVersion").asInt()).isBetween(36, 41);
        assertThat(dashboard.path("uid").asText()).isEqualTo("swarmwatch");
        assertThat(dashboard.path("title").asText()).isNotBlank();
        assertThat(dashboard.path("id").isNull()).as("id must be null so import creates a new dashboard").isTrue();
        assertThat(dashboard.path("panels").size()).isPositive();
    }

    @Test
    void datasourceIsAPrometheusVariable() {
        JsonNode ds = variable("datasource");

        assertThat(ds.path("type").asText()).isEqualTo("datasource");
        assertThat(ds.path("query").asText()).isEqualTo("prometheus");
    }

    @Test
    void stackAndServiceVariablesComeFromTheServiceScore() {
        JsonNode stack = variable("stack");
        JsonNode service = variable("service");

        assertThat(stack.path("type").asText()).isEqualTo("query");
        assertThat(stack.path("definition").asText()).isEqualTo("label_values(swarmwatch_service_health_score, stack)");
        assertThat(service.path("definition").asText())
                .isEqualTo("label_values(swarmwatch_service_health_score{stack=~\"$stack\"}, service)");
        for (JsonNode v : List.of(stack, service)) {
            assertThat(datasource(v)).isEqualTo(DATASOURCE);
        }
        assertThat(targets()).extracting(t -> t.path("expr").asText())
                .anyMatch(e -> e.contains("stack=~\"$stack\"") && e.contains("service=~\"$service\""));
    }

    @Test
    void everyPanelAndTargetUsesTheDatasourceVariable() {
        for (JsonNode panel : panels()) {
            assertThat(datasource(panel)).as("panel " + panel.path("title"))
                    .isEqualTo(DATASOURCE);
            assertThat(panel.path("targets").size()).as("panel " + panel.path("title") + " targets").isPositive();
            for (JsonNode t : panel.path("targets")) {
                assertThat(datasource(t))
                        .as("panel " + panel.path("title") + " target " + t.path("refId")).isEqualTo(DATASOURCE);
            }
        }
    }

    @Test
    void targetsUseOnlyMetricsFromTheMetricsDoc() throws Exception {
        MetricsDoc doc = MetricsDoc.read(Promtool.METRICS_DOC);
        assertThat(doc.metrics()).as("metrics parsed from docs/metrics.md").contains(
                "swarmwatch_cluster_health_score", "swarmwatch_last_cycle_timestamp_seconds", "swarmwatch_cycles_total");

        Set<String> used = new TreeSet<>();
        for (JsonNode t : targets()) {
            String expr = t.path("expr").asText();
            assertThat(doc.unknownNames(expr)).as(expr).isEmpty();
            doc.metrics().stream().filter(m -> expr.matches("(?s).*\\b" + m + "\\b.*")).forEach(used::add);
        }
        assertThat(used).as("every documented swarmwatch metric has a panel").containsExactlyInAnyOrderElementsOf(doc.metrics());
    }

    /** promtool parses each target (Grafana's variables replaced by what they stand for). */
    @Test
    void everyTargetIsValidPromQL(@TempDir Path dir) throws Exception {
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        int n = 0;
        for (JsonNode t : targets()) {
            String expr = t.path("expr").asText().replace("$__rate_interval", "5m")
                    .replace("$stack", ".*").replace("$service", ".*");
            rules.append("      - record: dashboard_target_").append(n++).append('\n')
                    .append("        expr: ").append(JSON.writeValueAsString(expr)).append('\n');
        }
        Path file = dir.resolve("dashboard.rules.yml");
        Files.writeString(file, rules);

        Promtool.Result r = Promtool.run("check", "rules", file.toString());

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS: " + n + " rules found");
    }

    @Test
    void panelsFitTheGridWithoutOverlapping() {
        List<int[]> boxes = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            JsonNode g = p.path("gridPos");
            int[] b = {g.path("x").asInt(), g.path("y").asInt(), g.path("w").asInt(), g.path("h").asInt()};
            assertThat(b[0] + b[2]).as(p.path("title") + " within 24 columns").isLessThanOrEqualTo(24);
            for (int[] o : boxes) {
                boolean overlap = b[0] < o[0] + o[2] && o[0] < b[0] + b[2] && b[1] < o[1] + o[3] && o[1] < b[1] + b[3];
                assertThat(overlap).as(p.path("title") + " overlaps another panel").isFalse();
            }
            boxes.add(b);
        }
    }

    private static Map<String, String> datasource(JsonNode node) {
        return JSON.convertValue(node.path("datasource"), new TypeReference<Map<String, String>>() { });
    }

    private static JsonNode variable(String name) {
        for (JsonNode v : dashboard.path("templating").path("list")) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no templating variable " + name);
    }

    /** Every panel that shows data: rows (and panels nested in collapsed rows) included. */
    private static List<JsonNode> panels() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            if (p.path("type").asText().equals("row")) {
                p.path("panels").forEach(out::add);
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static List<JsonNode> targets() {
        List<JsonNode> out = new ArrayList<>();
        panels().forEach(p -> p.path("targets").forEach(out::add));
        return out;
    }
}
