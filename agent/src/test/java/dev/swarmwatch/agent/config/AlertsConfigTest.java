package dev.swarmwatch.agent.config;

import dev.swarmwatch.alerts.config.AlertsConfig;
import dev.swarmwatch.alerts.eval.AlertEvaluator;
import dev.swarmwatch.alerts.eval.AlertState;
import dev.swarmwatch.alerts.eval.Step;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.CheckReport;
import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.Subject;
import dev.swarmwatch.alerts.route.Route;
import dev.swarmwatch.alerts.rules.Matcher;
import dev.swarmwatch.alerts.rules.Rule;
import dev.swarmwatch.alerts.rules.ScoreCondition;
import dev.swarmwatch.alerts.rules.Severity;
import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.checks.swarm.SwarmKinds;
import dev.swarmwatch.checks.swarm.SwarmSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The alerting keys: the shape the issue fixes, rules, routes, inhibit rules and time intervals. */
class AlertsConfigTest {
    @TempDir
    Path dir;

    private AgentConfig load(String yaml) throws Exception {
        Path file = dir.resolve("a.yml");
        Files.writeString(file, yaml);
        return new ConfigLoader(SwarmKinds.all(new SwarmSource(null)), TestNotifierKinds.all(), Map.of()).load(file);
    }

    private String problems(String yaml) {
        return assertThatThrownBy(() -> load(yaml)).isInstanceOf(ConfigException.class)
                .actual().getMessage().replace(dir.resolve("a.yml").toString(), "a.yml");
    }

    @Test
    void theShapeOfTheIssueBindsWithSecretsFromFilesAndTheDefaultRules() throws Exception {
        Files.writeString(dir.resolve("hook_hmac"), "hmac-key\n");
        Files.writeString(dir.resolve("slack_webhook"), "https://hooks.slack.com/services/T/B/X\n");
        AlertsConfig alerts = load("""
                state_dir: /var/lib/swarmwatch
                receivers:
                  ops:
                    webhook:
                      url: https://hooks.example.com/swarm
                      secret_file: hook_hmac
                  chat:
                    slack:
                      url_file: slack_webhook
                  am:
                    alertmanager:
                      urls: [http://alertmanager:9093]
                """).alerts();

        assertThat(alerts.stateDir()).isEqualTo(Path.of("/var/lib/swarmwatch"));
        assertThat(alerts.receivers()).containsOnlyKeys("ops", "chat", "am");
        assertThat(alerts.receivers().get("ops").kind()).isEqualTo("webhook");
        assertThat(alerts.receivers().get("ops").options().find("secret", String.class)).contains("hmac-key");
        assertThat(alerts.receivers().get("ops").options().duration("timeout")).isEqualTo(Duration.ofSeconds(10));
        assertThat(alerts.receivers().get("chat").options().find("url", String.class))
                .contains("https://hooks.slack.com/services/T/B/X");
        assertThat(alerts.receivers().get("am").options().string("urls")).isEqualTo("http://alertmanager:9093");
        assertThat(alerts.rules()).isEmpty();
        assertThat(alerts.effectiveRules()).extracting(Rule::name)
                .containsExactly("SwarmCritical", "SwarmWarning", "TargetCritical");
        assertThat(alerts.effectiveRoutes()).extracting(Route::receiver).containsExactly("ops", "chat", "am");
    }

    @Test
    void noAlertingKeysMeansNoReceiversAndTheDefaultStateDir() throws Exception {
        AlertsConfig alerts = load("interval: 15s\n").alerts();

        assertThat(alerts.enabled()).isFalse();
        assertThat(alerts.stateDir()).isEqualTo(AlertsConfig.DEFAULT_STATE_DIR);
    }

    @Test
    void rulesRoutesInhibitRulesAndTimeIntervalsBindAsWritten() throws Exception {
        AlertsConfig alerts = load("""
                receivers:
                  ops: {webhook: {url: "https://h.example/x"}}
                  chat: {slack: {url: "https://hooks.slack.com/x"}}
                time_intervals:
                  - name: offhours
                    time_intervals:
                      - times: [{start_time: "18:00", end_time: "24:00"}]
                        weekdays: ["monday:friday"]
                        days_of_month: ["-3:-1"]
                        months: [january:march]
                        years: ["2026"]
                        location: Europe/Berlin
                rules:
                  - name: WebDown
                    kind: replicas
                    service: [web-*, /api-(eu|us)/]
                    service_labels: {team: payments}
                    status: [critical, warning]
                    severity: warning
                    for: 2m
                    keep_firing_for: 5m
                    repeat_interval: 1h
                    send_resolved: false
                    labels: {team: payments}
                    annotations:
                      summary: "{{ .service }}: {{ .summary }}"
                    receivers: [chat]
                  - name: StackScore
                    score_below: 60
                    scope: stack
                    for: 0s
                routes:
                  - receiver: chat
                    matchers: ['severity="critical"', 'service=~"web-.*"']
                    group_by: [alertname]
                    group_wait: 5s
                    group_interval: 1m
                    mute_time_intervals: [offhours]
                    continue: true
                  - receiver: ops
                inhibit_rules:
                  - source_matchers: [alertname=SwarmCritical, check=quorum:swarm]
                    target_matchers: [severity=warning]
                    equal: [stack]
                """).alerts();

        Rule web = alerts.rules().orElseThrow().getFirst();
        assertThat(web.severity()).isEqualTo(Severity.WARNING);
        assertThat(web.forDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(web.keepFiringFor()).isEqualTo(Duration.ofMinutes(5));
        assertThat(web.repeatInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(web.sendResolved()).isFalse();
        assertThat(web.selector().statuses()).containsExactlyInAnyOrder(Status.CRITICAL, Status.WARNING);
        assertThat(web.selector().services()).extracting(Object::toString).containsExactly("web-*", "/api-(eu|us)/");
        assertThat(web.annotations().get("summary").render(Map.of("service", "web-1", "summary", "0/2 running")))
                .isEqualTo("web-1: 0/2 running");
        assertThat(web.receivers()).containsExactly("chat");
        Rule score = alerts.rules().orElseThrow().get(1);
        assertThat(score.score()).contains(new ScoreCondition(ScoreCondition.Scope.STACK, 60));
        Route chat = alerts.routes().getFirst();
        assertThat(chat.matchers()).containsExactly(Matcher.parse("severity=critical"), Matcher.parse("service=~web-.*"));
        assertThat(chat.group().groupBy()).containsExactly("alertname");
        assertThat(chat.group().groupWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(chat.continueMatching()).isTrue();
        assertThat(alerts.inhibitRules().getFirst().equal()).containsExactly("stack");
        // Tuesday 2026-03-31 19:00 in Berlin (CEST, UTC+2): the last day of March, after 18:00
        assertThat(alerts.timeIntervals().get("offhours").contains(Instant.parse("2026-03-31T17:00:00Z"))).isTrue();
        assertThat(alerts.timeIntervals().get("offhours").contains(Instant.parse("2026-03-31T15:00:00Z"))).isFalse();
    }

    @Test
    void theBoundConfigDrivesTheEvaluator() throws Exception {
        AlertsConfig alerts = load("""
                receivers:
                  chat: {slack: {url: "https://hooks.slack.com/x"}}
                  ops: {webhook: {url: "https://h.example/x"}}
                rules:
                  - name: ShopDown
                    stack: shop
                    annotations: {summary: "{{ .service }}: {{ .summary }}"}
                routes:
                  - receiver: chat
                    matchers: [stack=shop]
                    group_wait: 0s
                """).alerts();
        HealthReport report = new HealthReport(Instant.parse("2026-03-02T10:00:00Z"), Duration.ZERO, List.of(
                new CheckReport("replicas", Subject.service("web", "shop"), CheckResult.critical("0/2 running")),
                new CheckReport("replicas", Subject.service("db", "data"), CheckResult.critical("0/1 running"))));

        Step step = new AlertEvaluator(alerts).step(AlertState.empty(), report, List.of(), report.time());

        assertThat(step.notifications()).singleElement().satisfies(n -> {
            assertThat(n.receiver()).isEqualTo("chat");
            assertThat(n.alerts()).singleElement().satisfies(a -> assertThat(a.annotation("summary"))
                    .isEqualTo("web: 0/2 running"));
        });
    }

    @Test
    void aSecretNeverAppearsInAReceiverProblem() {
        String message = problems("""
                receivers:
                  ops:
                    webhook:
                      url: ftp://user:s3cret@example.com/
                """);

        assertThat(message).isEqualTo("a.yml:4:12 receivers.ops.webhook.url: expected an http:// or https:// URL");
        assertThat(message).doesNotContain("s3cret");
    }
}
