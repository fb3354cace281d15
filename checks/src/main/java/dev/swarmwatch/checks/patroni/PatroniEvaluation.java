package dev.swarmwatch.checks.patroni;

import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The Patroni verdict from one {@code /cluster} answer, the change the memory saw and the role
 * answers: pure, so every rule of dalibo check_patroni it covers is tested on hand-built values.
 * Problems come first in the summary, worst first, then the state line
 * {@code leader node1 (timeline 3), 2/2 replicas streaming, max lag 0 B}.
 */
final class PatroniEvaluation {

    private PatroniEvaluation() {
    }

    private record Problem(Status status, String text) {
    }

    static CheckResult evaluate(PatroniCluster cluster, PatroniTarget target, Optional<PatroniMemory.Change> change,
                                long leaderChanges, List<RoleAnswer> roles) {
        List<Problem> problems = new ArrayList<>();
        List<PatroniMember> members = cluster.members();
        List<PatroniMember> leaders = members.stream().filter(PatroniMember::leader).toList();
        Optional<PatroniMember> leader = leaders.size() == 1 ? Optional.of(leaders.getFirst()) : Optional.empty();

        // cluster_has_leader
        if (leaders.isEmpty()) {
            problems.add(new Problem(Status.CRITICAL, "no leader"));
        } else if (leaders.size() > 1) {
            problems.add(new Problem(Status.CRITICAL, leaders.size() + " leaders: " + names(leaders)));
        }

        // node_tl_has_changed, first among the warnings: it explains the others (a stopped old leader).
        // The memory decides for how many cycles it is reported.
        change.ifPresent(c -> problems.add(new Problem(Status.WARNING, c.describe())));

        // cluster_has_replica: members that left the DCS still count as missing when the size is known
        List<PatroniMember> replicas = members.stream().filter(m -> !m.leader()).toList();
        long streaming = replicas.stream().filter(PatroniMember::streamingReplica).count();
        int expectedReplicas = Math.max(replicas.size(),
                target.expectedMembers().isPresent() ? target.expectedMembers().getAsInt() - 1 : 0);
        String replicaLine = streaming + "/" + expectedReplicas + " replicas streaming";
        if (streaming < target.minReplicasCritical()) {
            problems.add(new Problem(Status.CRITICAL, replicaLine + " (critical below " + target.minReplicasCritical() + ")"));
        } else if (streaming < target.minReplicasWarning()) {
            problems.add(new Problem(Status.WARNING, replicaLine + " (warning below " + target.minReplicasWarning() + ")"));
        }
        List<String> notStreaming = replicas.stream().filter(m -> !m.streamingReplica())
                .map(m -> m.name() + " " + (m.state().isEmpty() ? "in no state" : m.state())).toList();
        if (!notStreaming.isEmpty()) {
            problems.add(new Problem(Status.WARNING, "not streaming: " + String.join(", ", notStreaming)));
        }

        // lag, only of replicas that stream: a stopped one is reported above and its "unknown" lag adds nothing
        OptionalLong maxLag = OptionalLong.empty();
        for (PatroniMember r : replicas.stream().filter(PatroniMember::streamingReplica).toList()) {
            if (r.lagBytes().isEmpty()) {
                // without one leader there is nothing to lag behind: the missing leader is the news
                if (leader.isPresent()) {
                    problems.add(new Problem(Status.WARNING, r.name() + " lag " + (r.lagText().isEmpty() ? "not reported" : r.lagText())));
                }
                continue;
            }
            long lag = r.lagBytes().getAsLong();
            maxLag = OptionalLong.of(Math.max(lag, maxLag.orElse(0)));
            if (lag >= target.lagCriticalBytes()) {
                problems.add(new Problem(Status.CRITICAL, r.name() + " lag " + bytes(lag) + " >= " + bytes(target.lagCriticalBytes())));
            } else if (lag >= target.lagWarningBytes()) {
                problems.add(new Problem(Status.WARNING, r.name() + " lag " + bytes(lag) + " >= " + bytes(target.lagWarningBytes())));
            }
        }

        // timelines agree with the leader's (members without a known timeline are stopped: reported above)
        OptionalLong timeline = leader.isPresent() ? leader.get().timeline() : OptionalLong.empty();
        if (timeline.isPresent()) {
            List<String> off = members.stream().filter(m -> m.timeline().isPresent()
                            && m.timeline().getAsLong() != timeline.getAsLong())
                    .map(m -> m.name() + " on timeline " + m.timeline().getAsLong()).toList();
            if (!off.isEmpty()) {
                problems.add(new Problem(Status.WARNING, String.join(", ", off) + ", leader on " + timeline.getAsLong()));
            }
        }

        // cluster_node_count
        if (target.expectedMembers().isPresent() && members.size() != target.expectedMembers().getAsInt()) {
            problems.add(new Problem(Status.WARNING, members.size() + " members listed, " + target.expectedMembers().getAsInt() + " expected"));
        }

        // node_is_pending_restart
        List<PatroniMember> pending = members.stream().filter(PatroniMember::pendingRestart).toList();
        if (!pending.isEmpty()) {
            problems.add(new Problem(Status.WARNING, "pending restart: " + names(pending)));
        }

        // cluster_is_in_maintenance
        if (cluster.paused()) {
            problems.add(new Problem(Status.WARNING, "maintenance mode (paused)"));
        }

        // node_is_primary / node_is_replica / health
        for (RoleAnswer answer : roles) {
            if (!answer.met()) {
                problems.add(new Problem(Status.CRITICAL, roleProblem(answer, members)));
            }
        }

        String state = leader.map(l -> "leader " + l.name() + (timeline.isPresent() ? " (timeline " + timeline.getAsLong() + ")" : ""))
                .orElse(leaders.isEmpty() ? "no leader" : leaders.size() + " leaders")
                + ", " + replicaLine + ", max lag " + (maxLag.isPresent() ? bytes(maxLag.getAsLong()) : "unknown");
        problems.sort(Comparator.comparingInt((Problem p) -> p.status().severity()).reversed());
        Status status = problems.stream().map(Problem::status).reduce(Status.OK, Status::worse);
        String summary = problems.isEmpty() ? state
                : problems.stream().map(Problem::text).collect(Collectors.joining("; ")) + "; " + state;

        List<String> details = new ArrayList<>(members.stream().map(PatroniEvaluation::memberLine).toList());
        roles.stream().filter(RoleAnswer::met)
                .map(a -> memberLabel(a.expectation(), members) + " is " + a.expectation().role().words())
                .forEach(details::add);

        List<PerfDatum> perf = new ArrayList<>();
        perf.add(PerfDatum.of("members", members.size(), ""));
        perf.add(PerfDatum.of("leaders", leaders.size(), ""));
        perf.add(PerfDatum.of("replicas_streaming", streaming, ""));
        maxLag.ifPresent(l -> perf.add(PerfDatum.of("max_lag", l, "B")
                .withThresholds(target.lagWarningBytes(), target.lagCriticalBytes())));
        timeline.ifPresent(t -> perf.add(PerfDatum.of("timeline", t, "")));
        perf.add(PerfDatum.of("leader_changes", leaderChanges, "c"));
        return CheckResult.of(status, summary).withDetails(details).withPerfdata(perf);
    }

    private static String roleProblem(RoleAnswer answer, List<PatroniMember> members) {
        RoleExpectation e = answer.expectation();
        String who = memberLabel(e, members);
        return answer.failure().isEmpty()
                ? who + " is not " + e.role().words() + " (" + e.role().path() + " answered " + answer.httpStatus() + ")"
                : who + " did not answer " + e.role().path() + ": " + answer.failure();
    }

    // The member's name when /cluster lists a member advertising this REST URL, else the URL.
    static String memberLabel(RoleExpectation e, List<PatroniMember> members) {
        String base = PatroniProbe.endpoint(e.member(), "");
        return members.stream().filter(m -> m.apiUrl().startsWith(base + "/") || m.apiUrl().equals(base))
                .map(PatroniMember::name).findFirst().orElse(base);
    }

    private static String memberLine(PatroniMember m) {
        return m.name() + ": " + (m.role().isEmpty() ? "no role" : m.role()) + ", " + (m.state().isEmpty() ? "no state" : m.state())
                + (m.timeline().isPresent() ? ", timeline " + m.timeline().getAsLong() : "")
                + (m.lagBytes().isPresent() ? ", lag " + bytes(m.lagBytes().getAsLong()) : m.lagText().isEmpty() ? "" : ", lag " + m.lagText())
                + (m.pendingRestart() ? ", pending restart" : "");
    }

    private static String names(List<PatroniMember> members) {
        return members.stream().map(PatroniMember::name).collect(Collectors.joining(", "));
    }

    /** Bytes for humans, binary units: {@code 0 B}, {@code 512 B}, {@code 1.5 MiB}. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        String s = String.format(java.util.Locale.ROOT, "%.1f", v);
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + " " + units[u];
    }
}
