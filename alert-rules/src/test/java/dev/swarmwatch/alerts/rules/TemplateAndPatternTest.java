package dev.swarmwatch.alerts.rules;

import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.checks.spi.Subject;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TemplateAndPatternTest {

    @Test
    void templatesFillInFieldsAndLeaveTheRestAsWritten() {
        Template t = new Template("{{ .service }} on {{.node}}: {{ .summary }} ({{ .status }})");

        assertThat(t.render(Map.of("service", "web", "summary", "0/2 running", "status", "critical")))
                .isEqualTo("web on : 0/2 running (critical)");
        assertThat(new Template("no fields, { single braces }").render(Map.of())).isEqualTo("no fields, { single braces }");
    }

    @Test
    void templatesWithLogicUnknownFieldsOrBrokenBracesAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Template("{{ .hostname }}"))
                .withMessageStartingWith("unknown template field {{ .hostname }}");
        assertThatIllegalArgumentException().isThrownBy(() -> new Template("{{ if .summary }}x{{ end }}"))
                .withMessageStartingWith("unknown template field");
        assertThatIllegalArgumentException().isThrownBy(() -> new Template("{{ .summary"))
                .withMessage("\"{{\" at character 1 is never closed with \"}}\"");
        assertThatIllegalArgumentException().isThrownBy(() -> new Template("x }}"))
                .withMessage("\"}}\" without \"{{\" at character 3");
    }

    @Test
    void patternsAreGlobsOrSlashedRegexesOverTheWholeName() {
        assertThat(new TextPattern("web-*").matches("web-eu")).isTrue();
        assertThat(new TextPattern("web-*").matches("my-web-eu")).isFalse();
        assertThat(new TextPattern("api-?").matches("api-1")).isTrue();
        assertThat(new TextPattern("a.b").matches("axb")).isFalse();
        assertThat(new TextPattern("/api-(eu|us)/").matches("api-us")).isTrue();
        assertThat(new TextPattern("/api-(eu|us)/").matches("api-usa")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new TextPattern("/(/"))
                .withMessageStartingWith("bad regular expression");
    }

    @Test
    void selectorsMatchKindServiceStackNodeAndServiceLabels() {
        CheckReport web = new CheckReport("replicas", Subject.service("web-eu", "shop"), CheckResult.critical("0/2")
                .withLabels(Map.of("nodes", "n1,n2", "label.team", "payments")));
        CheckSelector byLabel = new CheckSelector(List.of(new TextPattern("replicas")), List.of(),
                List.of(new TextPattern("web-*")), List.of(new TextPattern("shop")), List.of(new TextPattern("n2")),
                Map.of("team", new TextPattern("pay*")), EnumSet.of(Status.CRITICAL));
        CheckSelector otherTeam = new CheckSelector(List.of(), List.of(), List.of(), List.of(), List.of(),
                Map.of("team", new TextPattern("search")), EnumSet.of(Status.CRITICAL));
        CheckSelector otherNode = new CheckSelector(List.of(), List.of(new TextPattern("replicas:*")), List.of(),
                List.of(), List.of(new TextPattern("n3")), Map.of(), EnumSet.of(Status.CRITICAL));

        assertThat(byLabel.holds(web)).isTrue();
        assertThat(otherTeam.holds(web)).isFalse();
        assertThat(otherNode.holds(web)).isFalse();
        assertThat(CheckSelector.of(List.of("replicas"), Status.WARNING).holds(web)).isFalse();
    }
}
