package dev.swarmwatch.alerts.eval;

import dev.swarmwatch.alerts.notify.AlertStatus;
import dev.swarmwatch.alerts.notify.Notification;
import dev.swarmwatch.alerts.route.GroupSettings;
import dev.swarmwatch.alerts.route.Route;
import dev.swarmwatch.alerts.route.TimeInterval;
import dev.swarmwatch.alerts.route.TimeWindow;
import dev.swarmwatch.alerts.rules.Matcher;
import dev.swarmwatch.alerts.silence.Silence;
import dev.swarmwatch.checks.engine.HealthReport;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.swarmwatch.alerts.eval.Reports.T0;
import static dev.swarmwatch.alerts.eval.Reports.config;
import static dev.swarmwatch.alerts.eval.Reports.http;
import static dev.swarmwatch.alerts.eval.Reports.replicas;
import static dev.swarmwatch.alerts.eval.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;

class SilenceAndWindowTest {
    private static final HealthReport DOWN = report(replicas("web", Status.CRITICAL, "0/2 running"));
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Silence silence(Duration length) {
        return new Silence("s-1", List.of(Matcher.parse("service=web")), T0, T0.plus(length), "ops", "deploying");
    }

    @Test
    void aSilencedAlertSendsNothingAndIsNotifiedWhenTheSilenceExpires() {
        Driver d = new Driver(config("ops"));
        d.silences = List.of(silence(Duration.ofHours(2)));

        d.run(0, 7199, 60, DOWN);
        assertThat(d.sent).isEmpty();
        assertThat(d.last.view().firing().getFirst().mutedBy()).containsExactly("silenced by s-1 (deploying)");
        assertThat(d.last.view().silences()).hasSize(1);
        d.run(7200, 7260, 60, DOWN);

        assertThat(d.sent).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(AlertStatus.FIRING);
            assertThat(n.alerts().getFirst().startsAt()).isEqualTo(T0);
        });
        assertThat(d.last.view().silences()).isEmpty();
    }

    @Test
    void anAlertThatClearsWhileSilencedSendsNothingAtAll() {
        Driver d = new Driver(config("ops"));
        d.silences = List.of(silence(Duration.ofHours(1)));

        d.run(0, 600, 60, DOWN);
        d.run(660, 7200, 60, report(replicas("web", Status.OK, "2/2 running")));

        assertThat(d.sent).isEmpty();
        assertThat(d.state.alerts()).isEmpty();
    }

    @Test
    void silencingAfterTheAlertWentOutSendsNoReminders() {
        Driver d = new Driver(config("ops"));
        d.run(0, 60, 60, DOWN);
        d.silences = List.of(new Silence("s-2", List.of(Matcher.parse("alertname=~Swarm.*")), T0, T0.plus(Duration.ofDays(1)),
                "ops", ""));

        d.run(120, 6 * 3600, 300, DOWN);

        assertThat(d.sent).hasSize(1);
    }

    private static TimeInterval eveningsInBerlin() {
        return new TimeInterval("evenings", List.of(new TimeWindow(List.of(TimeWindow.times("17:00", "24:00")),
                List.of(TimeWindow.weekdays("monday:friday")), List.of(), List.of(), List.of(), BERLIN)));
    }

    @Test
    void alertsMutedByATimeWindowGoOutAsOneMessageWhenItEndsAndPendingOnesAreEvaluatedNormally() {
        Route route = new Route("ops", List.of(), GroupSettings.DEFAULTS, List.of("evenings"), List.of(), false);
        Driver d = new Driver(config(Optional.empty(), List.of(route), List.of(), Map.of("evenings", eveningsInBerlin()), "ops"));
        // Monday 2026-03-30, the first day of summer time: 17:05 CEST is 15:05Z
        Instant start = Instant.parse("2026-03-30T15:05:00Z");
        HealthReport evening = report(replicas("web", Status.CRITICAL, "0/2 running"), replicas("api", Status.CRITICAL, "0/1 running"));
        HealthReport late = report(replicas("web", Status.CRITICAL, "0/2 running"), replicas("api", Status.CRITICAL, "0/1 running"),
                http("shop", Status.CRITICAL, "HTTP 503"));

        for (Instant t = start; t.isBefore(Instant.parse("2026-03-30T21:59:30Z")); t = t.plusSeconds(30)) {
            d.at(t, evening);
        }
        assertThat(d.sent).isEmpty();
        assertThat(d.last.view().firing()).allSatisfy(e -> assertThat(e.mutedBy())
                .containsExactly("receiver ops: mute time interval evenings"));
        // midnight in Berlin: the window ends, and a target starts failing
        List<Notification> out = new java.util.ArrayList<>(d.at(Instant.parse("2026-03-30T22:00:00Z"), late));
        out.addAll(d.at(Instant.parse("2026-03-30T22:00:10Z"), late));

        assertThat(out).singleElement().satisfies(n -> assertThat(n.alerts()).hasSize(2));
        assertThat(d.last.view().pending()).as("the http target still waits its minute").hasSize(1);
    }

    @Test
    void activeTimeIntervalsSendOnlyInsideThem() {
        TimeInterval office = new TimeInterval("office", List.of(new TimeWindow(List.of(TimeWindow.times("08:00", "17:00")),
                List.of(), List.of(), List.of(), List.of(), BERLIN)));
        Route route = new Route("ops", List.of(), GroupSettings.DEFAULTS, List.of(), List.of("office"), false);
        Driver d = new Driver(config(Optional.empty(), List.of(route), List.of(), Map.of("office", office), "ops"));

        // 07:00 CEST is 05:00Z
        d.at(Instant.parse("2026-03-30T05:00:00Z"), DOWN);
        d.at(Instant.parse("2026-03-30T05:59:50Z"), DOWN);
        assertThat(d.sent).isEmpty();
        d.at(Instant.parse("2026-03-30T06:00:00Z"), DOWN);
        d.at(Instant.parse("2026-03-30T06:00:10Z"), DOWN);

        assertThat(d.sent).hasSize(1);
    }

    @Test
    void windowsFollowLocalTimeAcrossBothDstChanges() {
        TimeInterval office = new TimeInterval("office", List.of(new TimeWindow(List.of(TimeWindow.times("08:00", "17:00")),
                List.of(TimeWindow.weekdays("monday:friday")), List.of(), List.of(), List.of(), BERLIN)));

        // Friday before summer time (CET, UTC+1) and Monday after (CEST, UTC+2): 08:30 local both times
        assertThat(office.contains(Instant.parse("2026-03-27T07:30:00Z"))).isTrue();
        assertThat(office.contains(Instant.parse("2026-03-27T06:30:00Z"))).isFalse();
        assertThat(office.contains(Instant.parse("2026-03-30T06:30:00Z"))).isTrue();
        assertThat(office.contains(Instant.parse("2026-03-30T05:30:00Z"))).isFalse();
        // back to CET on Sunday 2026-10-25: Friday 23rd 16:30 CEST is 14:30Z, Monday 26th 16:30 CET is 15:30Z
        assertThat(office.contains(Instant.parse("2026-10-23T14:30:00Z"))).isTrue();
        assertThat(office.contains(Instant.parse("2026-10-23T15:30:00Z"))).isFalse();
        assertThat(office.contains(Instant.parse("2026-10-26T15:30:00Z"))).isTrue();
        assertThat(office.contains(Instant.parse("2026-10-26T16:30:00Z"))).isFalse();
        // the Sunday of the change is no weekday
        assertThat(office.contains(Instant.parse("2026-10-25T09:00:00Z"))).isFalse();
    }

    @Test
    void theHourThatRepeatsInOctoberIsInsideANightWindowBothTimes() {
        TimeInterval night = new TimeInterval("night", List.of(new TimeWindow(List.of(TimeWindow.times("02:00", "03:00")),
                List.of(), List.of(), List.of(), List.of(), BERLIN)));

        // 02:30 happens twice on 2026-10-25: 00:30Z (CEST) and 01:30Z (CET)
        assertThat(night.contains(Instant.parse("2026-10-25T00:30:00Z"))).isTrue();
        assertThat(night.contains(Instant.parse("2026-10-25T01:30:00Z"))).isTrue();
        // and never in March: 02:00-03:00 is skipped on 2026-03-29
        assertThat(night.contains(Instant.parse("2026-03-29T00:59:00Z"))).isFalse();
        assertThat(night.contains(Instant.parse("2026-03-29T01:00:00Z"))).isFalse();
    }
}
