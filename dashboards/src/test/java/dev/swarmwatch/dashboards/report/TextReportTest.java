package dev.swarmwatch.dashboards.report;

import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.checks.spi.Subject;
import dev.swarmwatch.dashboards.fixtures.Scenes;
import dev.swarmwatch.dashboards.fixtures.Swarms;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextReportTest {
    private static final ReportMeta META = new ReportMeta(Swarms.ENGINE, 4);

    @Test
    void problemsComeFirstWorstFirstThenOneLinePerHealthyService() {
        String text = TextReport.render(Scenes.degradedSwarm(Swarms.NOW).report(), META, false, false);
        assertThat(text).isEqualTo("""
                swarmwatch report  engine unix:///var/run/docker.sock  at 2026-11-23T19:20:00Z

                CRITICAL shop / api  score 50
                  CRITICAL failed_tasks  crash loop: slot 1 failed 4 times in the last 10m, last: exit 1: task: non-zero exit (1)
                                         - slot 1 on node1 20s ago: failed, exit 1: task: non-zero exit (1)
                                         - slot 1 on node1 40s ago: failed, exit 1: task: non-zero exit (1)
                                         - slot 1 on node1 60s ago: failed, exit 1: task: non-zero exit (1)
                                         - slot 1 on node1 80s ago: failed, exit 1: task: non-zero exit (1)
                  OK       replicas      2/2 running
                WARNING  swarm (cluster)
                  WARNING  patroni pg-cluster replica node3 lag 32 MB (warning at 16 MB); leader node2 (timeline 4), 2 of 2 replicas streaming, max lag 32 MB
                                         - node1 replica streaming timeline 4 lag 0 B
                                         - node2 leader running timeline 4
                                         - node3 replica streaming timeline 4 lag 32 MB
                  OK       nodes         3 nodes: 3 ready
                  OK       postgres main-db accepting connections, role primary
                  OK       quorum        3/3 managers reachable, quorum 2, 1 failures tolerated, leader node3
                  OK       redis cache   PONG in 1 ms, role master, memory 12% of maxmemory
                WARNING  jobs / worker-2  score 75
                  WARNING  failed_tasks  1 failed tasks in the last 10m, last: exit 1: task: non-zero exit (1)
                                         - slot 1 on node1 20s ago: failed, exit 1: task: non-zero exit (1)
                  OK       replicas      1/1 running
                WARNING  shop / web  score 83
                  WARNING  replicas      1/3 running
                                         - slot 2: pending (no suitable node (scheduling constraints not satisfied on 3 nodes))
                                         - slot 3: pending (no suitable node (scheduling constraints not satisfied on 3 nodes))
                  OK       failed_tasks  no failed tasks in the last 10m
                  OK       http web-health 200 OK in 12 ms

                OK       proxy            1/1 running  (2 checks)
                OK       jobs / worker-10 1/1 running  (2 checks)

                score 84/100  CRITICAL  16 checks: 12 ok, 3 warning, 1 critical, 0 unknown  (42 ms, 4 Docker API calls)
                """);
    }

    @Test
    void verboseShowsEveryCheckOfEveryServiceWithDetails() {
        String text = TextReport.render(Scenes.healthySwarm(Swarms.NOW).report(), META, false, true);
        assertThat(text).contains("OK       shop / web  score 100\n  OK       failed_tasks  no failed tasks in the last 10m\n")
                .contains("                         - node2 leader running timeline 4\n");
    }

    @Test
    void aHealthySwarmOfAHundredServicesFitsAScreenByNameAndVerboseListsEach() {
        Swarms s = Swarms.at(Swarms.NOW).managers(3, 0);
        for (int i = 1; i <= 100; i++) {
            s.service("stack-" + i % 5, "svc-" + i, 2, 2, 0);
        }
        List<String> lines = TextReport.render(s.report(), META, false, false).lines().toList();
        assertThat(lines.size()).isLessThanOrEqualTo(24);
        assertThat(lines).contains("OK       100 services healthy (-v shows each):");
        assertThat(lines).anyMatch(l -> l.startsWith("         stack-0: svc-5, svc-10, svc-15,"));
        assertThat(lines).allMatch(l -> l.length() <= 100);
        assertThat(String.join("\n", lines)).contains("svc-100").contains("svc-99");

        List<String> verbose = TextReport.render(s.report(), META, false, true).lines().toList();
        assertThat(verbose.size()).isGreaterThan(300);
    }

    @Test
    void textFromTheEngineIsSanitizedBeforeItIsPrinted() {
        String hostile = "web\u001b]0;owned\u0007\u001b[2J\rX";
        Swarms s = Swarms.at(Swarms.NOW).managers(1, 0).service("st\u001b[31m", hostile, 0, 1, 0)
                .target("http", "h\u001b[1m", Subject.wholeSwarm(), Status.CRITICAL, "body \u001b[5mblink\u009b2J", List.of("x\u0007y"), List.of());
        String text = TextReport.render(s.report(), new ReportMeta("unix:///x\u001b[2J", 1), false, false);
        assertThat(text).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\r").doesNotContain("\u009b")
                .contains("web X").contains("body blink");
    }

    @Test
    void colourIsOnlyAddedWhenAsked() {
        String coloured = TextReport.render(Scenes.degradedSwarm(Swarms.NOW).report(), META, true, false);
        assertThat(coloured).contains("\u001B[1;31mCRITICAL");
        assertThat(TextReport.render(Scenes.degradedSwarm(Swarms.NOW).report(), META, false, false)).doesNotContain("\u001B");
    }
}
