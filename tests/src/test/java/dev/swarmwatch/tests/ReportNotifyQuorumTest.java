package dev.swarmwatch.tests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cron {@code report --notify} on the three-manager swarm with two managers stopped: one quorum
 * alert goes out, and the alerts lost quorum causes are muted (listed under it, not sent).
 */
class ReportNotifyQuorumTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void threeHealthyManagers() throws Exception {
        Bed.quorum("reset").orFail();
    }

    @AfterAll
    static void restore() throws Exception {
        Bed.quorum("reset").orFail();
    }

    @Test
    void lostQuorumIsOneAlertAndTheNodesAlertItCausesIsMutedNotSent() throws Exception {
        try (RecordingHook hook = new RecordingHook()) {
            // Alerting on every non-OK state, so that the nodes check (managers unreachable, or no
            // node list without a leader) would alert were it not for the quorum it depends on.
            Path cfg = Files.writeString(dir.resolve("swarmwatch.yml"), String.join("\n", List.of(
                    "state_dir: " + dir.resolve("state"),
                    "receivers:",
                    "  ops:",
                    "    webhook:",
                    "      url: " + hook.url(),
                    "rules:",
                    "  - name: SwarmCritical",
                    "    kind: [quorum, nodes, replicas, failed_tasks]",
                    "    status: [critical, warning, unknown]",
                    "engine:",
                    "  timeout: 3s",
                    "")));
            Bed.Result r;
            try {
                Bed.quorum("stop", "3").orFail();
                Bed.quorum("stop", "2").orFail();
                r = Bed.swarmwatch("report", "--notify", "--notify-timeout", "20s", "-c", cfg.toString(),
                        "-H", Bed.manager(1).toString());
            } finally {
                Bed.quorum("reset").orFail();
            }
            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
            assertThat(r.out()).contains("quorum lost");
            List<JsonNode> bodies = hook.bodies();
            assertThat(bodies).as(r.out() + r.err()).singleElement();
            JsonNode alert = bodies.getFirst().path("alerts");
            assertThat(alert).as(bodies.toString()).singleElement()
                    .satisfies(a -> assertThat(a.path("labels").path("check").asText()).isEqualTo("quorum:swarm"));
            String fingerprint = alert.get(0).path("fingerprint").asText();
            List<String> mutes = new ArrayList<>();
            bodies.getFirst().path("swarmwatch").path("mutes").path(fingerprint).forEach(m -> mutes.add(m.asText()));
            assertThat(mutes).as(r.out() + "\n" + bodies).anySatisfy(m -> assertThat(m).startsWith("nodes:swarm"));
        }
    }
}
