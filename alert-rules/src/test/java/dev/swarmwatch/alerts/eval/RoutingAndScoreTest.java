package dev.swarmwatch.alerts.eval;

import dev.swarmwatch.alerts.notify.AlertStatus;
import dev.swarmwatch.alerts.notify.Notification;
import dev.swarmwatch.alerts.route.GroupSettings;
import dev.swarmwatch.alerts.route.Route;
import dev.swarmwatch.alerts.rules.CheckSelector;
import dev.swarmwatch.alerts.rules.Matcher;
import dev.swarmwatch.alerts.rules.Rule;
import dev.swarmwatch.alerts.rules.ScoreCondition;
import dev.swarmwatch.alerts.rules.Severity;
import dev.swarmwatch.alerts.rules.Template;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.swarmwatch.alerts.eval.Reports.config;
import static dev.swarmwatch.alerts.eval.Reports.http;
import static dev.swarmwatch.alerts.eval.Reports.quorum;
import static dev.swarmwatch.alerts.eval.Reports.replicas;
import static dev.swarmwatch.alerts.eval.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;

class RoutingAndScoreTest {
    private static final HealthReport BOTH = report(replicas("web", Status.CRITICAL, "0/2 running"),
            http("api", Status.CRITICAL, "HTTP 503"));

    private static Route route(String receiver, String matcher, boolean continueMatching) {
        return new Route(receiver, List.of(Matcher.parse(matcher)), GroupSettings.DEFAULTS, List.of(), List.of(),
                continueMatching);
    }

    @Test
    void theFirstMatchingRouteTakesTheAlertUnlessItContinues() {
        List<Route> routes = List.of(route("chat", "kind=replicas", false), route("ops", "kind=~.+", false));
        Driver d = new Driver(config(Optional.empty(), routes, List.of(), Map.of(), "chat", "ops"));

        d.run(0, 120, 15, BOTH);

        assertThat(d.sent).extracting(n -> n.receiver() + " " + n.alerts().getFirst().label("check"))
                .containsExactlyInAnyOrder("chat replicas:web", "ops http:api");
    }

    @Test
    void continueLetsLaterRoutesTakeItToo() {
        List<Route> routes = List.of(route("chat", "kind=replicas", true), route("ops", "kind=~.+", false));
        Driver d = new Driver(config(Optional.empty(), routes, List.of(), Map.of(), "chat", "ops"));

        d.run(0, 120, 15, BOTH);

        assertThat(d.sent).extracting(n -> n.receiver() + " " + n.alerts().getFirst().label("check"))
                .containsExactlyInAnyOrder("chat replicas:web", "ops replicas:web", "ops http:api");
    }

    @Test
    void anAlertNoRouteTakesStillReachesEveryReceiver() {
        Driver d = new Driver(config(Optional.empty(), List.of(route("chat", "kind=http", false)), List.of(), Map.of(),
                "chat", "ops"));

        d.run(0, 15, 15, report(replicas("web", Status.CRITICAL, "0/2 running")));

        assertThat(d.sent).extracting(Notification::receiver).containsExactlyInAnyOrder("chat", "ops");
    }

    @Test
    void aRuleThatNamesReceiversGoesOnlyToThem() {
        Rule pager = new Rule("WebDown", CheckSelector.of(List.of("replicas"), Status.CRITICAL), Optional.empty(),
                Severity.CRITICAL, Duration.ZERO, Duration.ZERO, Duration.ofHours(4), true, Map.of("team", "web"),
                Map.of("summary", new Template("{{ .service }} down: {{ .summary }}")), List.of("pager"));
        Driver d = new Driver(config(List.of(pager), "ops", "pager"));

        d.run(0, 15, 15, BOTH);

        assertThat(d.sent).singleElement().satisfies(n -> {
            assertThat(n.receiver()).isEqualTo("pager");
            assertThat(n.alerts().getFirst().labels()).containsEntry("team", "web");
            assertThat(n.alerts().getFirst().annotation("summary")).isEqualTo("web down: 0/2 running");
        });
    }

    @Test
    void aScoreRuleFiresPerServiceBelowItsThresholdAndResolvesAboveIt() {
        Rule score = new Rule("ServiceUnhealthy", CheckSelector.of(List.of(), Status.CRITICAL),
                Optional.of(new ScoreCondition(ScoreCondition.Scope.SERVICE, 60)), Severity.WARNING, Duration.ZERO,
                Duration.ZERO, Duration.ofHours(4), true, Map.of(), Map.of(), List.of());
        Driver d = new Driver(config(List.of(score), "ops"));

        d.run(0, 15, 15, BOTH);
        d.run(30, 90, 15, report(replicas("web", Status.OK, "2/2 running"), http("api", Status.OK, "HTTP 200")));

        assertThat(d.sent).extracting(Notification::status).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
        assertThat(d.sent.getFirst().alerts()).singleElement().satisfies(a -> {
            assertThat(a.labels()).containsEntry("kind", "score").containsEntry("check", "score:service:web")
                    .containsEntry("service", "web").containsEntry("stack", "shop");
            assertThat(a.annotation("summary")).isEqualTo("health score 0, below 60");
        });
    }

    @Test
    void aServiceAlertSeenBeforeQuorumWasLostResolvesWhenItsCheckComesBackHealthy() {
        Driver d = new Driver(config("ops"));
        d.run(0, 15, 15, report(quorum(Status.OK, "3/3"), replicas("web", Status.CRITICAL, "0/2 running")));

        d.run(30, 600, 15, report(quorum(Status.CRITICAL, "quorum lost")));
        assertThat(d.last.view().firing()).extracting(e -> e.label("check")).contains("replicas:web");
        d.run(615, 700, 15, report(quorum(Status.OK, "3/3"), replicas("web", Status.OK, "2/2 running")));

        assertThat(d.sent).filteredOn(n -> n.alerts().stream().anyMatch(a -> a.label("check").equals("replicas:web")
                        && a.status() == AlertStatus.RESOLVED)).hasSize(1);
        assertThat(d.state.alerts()).isEmpty();
    }
}
