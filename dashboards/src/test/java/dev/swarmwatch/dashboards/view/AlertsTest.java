package dev.swarmwatch.dashboards.view;

import dev.swarmwatch.alerts.eval.AlertView.Entry;
import dev.swarmwatch.alerts.eval.AlertView.State;
import dev.swarmwatch.checks.spi.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert engine's view as the panel's lines: order, names, severities, and nothing unsafe left in the text. */
class AlertsTest {
    private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");
    private static final String HOSTILE = "x\u001b]0;owned\u0007\u001b[2Jy\r\nz\u009b1m";

    private static Entry entry(String fp, String severity, State state, String check, List<String> mutes, List<String> mutedBy) {
        return new Entry(fp, Map.of("alertname", "Rule", "severity", severity, "check", check), Map.of("summary", "s " + fp),
                state, T, state == State.FIRING ? Optional.of(T) : Optional.empty(), mutes, mutedBy);
    }

    @Test
    void everythingFiringComesBeforeAnythingPendingEachWorstFirst() {
        List<AlertView> shown = Alerts.of(new dev.swarmwatch.alerts.eval.AlertView(List.of(
                entry("p", "critical", State.PENDING, "replicas:a", List.of(), List.of()),
                entry("w", "warning", State.FIRING, "replicas:b", List.of(), List.of()),
                entry("i", "info", State.FIRING, "score:cluster", List.of(), List.of()),
                entry("c", "critical", State.FIRING, "quorum:swarm", List.of("replicas:b 0/1 running"), List.of())), List.of()));

        assertThat(shown).extracting(AlertView::name)
                .containsExactly("Rule quorum:swarm", "Rule replicas:b", "Rule score:cluster", "Rule replicas:a");
        assertThat(shown).extracting(AlertView::word).containsExactly("CRIT", "WARN", "INFO", "CRIT");
        assertThat(shown).extracting(AlertView::pending).containsExactly(false, false, false, true);
        assertThat(shown.getFirst().severity()).isEqualTo(Status.CRITICAL);
        assertThat(shown.getFirst().mutes()).containsExactly("replicas:b 0/1 running");
    }

    @Test
    void labelsSummariesAndMuteLinesFromTheEngineAreSanitized() {
        Entry hostile = new Entry("f", Map.of("alertname", "R" + HOSTILE, "severity", "critical", "check", "c" + HOSTILE),
                Map.of("summary", HOSTILE), State.FIRING, T, Optional.of(T), List.of(HOSTILE), List.of(HOSTILE));

        AlertView shown = Alerts.of(new dev.swarmwatch.alerts.eval.AlertView(List.of(hostile), List.of())).getFirst();

        for (String text : List.of(shown.name(), shown.summary(), shown.mutes().getFirst(), shown.mutedBy().getFirst())) {
            assertThat(text).doesNotContain("owned").doesNotContain("[2J");
            assertThat(text.chars()).allMatch(c -> c >= 0x20 && (c < 0x7f || c >= 0xa0));
        }
    }
}
