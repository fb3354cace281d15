package dev.swarmwatch.dashboards.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Subject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON escapes controls as JSON does, and the characters a terminal acts on that JSON leaves raw. */
class JsonReportTest {
    private static final String NAME = "web\u001b[31m\u0007\nx\u009b\u202e";

    private static String render() {
        CheckReport check = new CheckReport("replicas", Subject.service(NAME, "shop"),
                CheckResult.critical("0/1 running: " + NAME).withDetails(List.of("err\r\n\u001b]0;t\u0007")));
        HealthReport report = new HealthReport(Instant.parse("2026-12-01T10:00:00Z"), Duration.ofMillis(5), List.of(check));
        return JsonReport.render(report, new ReportMeta("tcp://ops:pa55@10.0.0.1:2375", 4));
    }

    @Test
    void controlsInAServiceNameAreEscapedAndTheValueSurvivesARoundTrip() throws Exception {
        String json = render();
        assertThat(json).contains("\"subject\" : \"web\\u001B[31m\\u0007\\nx\\u009B\\u202E\"")
                .contains("\"err\\r\\n\\u001B]0;t\\u0007\"");
        assertThat(json.chars().filter(c -> c < 0x20 && c != '\n' && c != ' ')).isEmpty();
        assertThat(json).doesNotContain("\u001b", "\u0007", "\u009b", "\u202e");
        assertThat(new ObjectMapper().readTree(json).get("checks").get(0).get("subject").asText()).isEqualTo(NAME);
    }

    @Test
    void theEngineUrlCarriesNoCredentials() {
        assertThat(render()).contains("\"host\" : \"tcp://ops:***@10.0.0.1:2375\"").doesNotContain("pa55");
    }
}
