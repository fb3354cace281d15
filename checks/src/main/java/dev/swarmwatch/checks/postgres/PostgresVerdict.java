package dev.swarmwatch.checks.postgres;

import dev.swarmwatch.checks.spi.CheckResult;
import dev.swarmwatch.checks.spi.PerfDatum;
import dev.swarmwatch.checks.spi.Status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges what a probe saw. Pure functions over plain values.
 *
 * <p>pg_isready's four outcomes map to: accepting -> OK; rejecting -> WARNING while the server
 * is on its way up (starting up, recovery not yet consistent, a standby with hot_standby=off),
 * CRITICAL when it is going down, in crash recovery or full; no response -> CRITICAL; no attempt
 * -> UNKNOWN. A refused login (password, pg_hba, missing database) proves the server accepts
 * connections, as pg_isready says: OK when only reachability was asked, CRITICAL when a query,
 * role or lag was asked, since the probe then could not do its job.
 *
 * <p>Where we part from pg_isready: libpq's ping calls every SQLState but 57P03 "up", so
 * pg_isready says "accepting" for 53300 too_many_connections and for any other FATAL at start-up.
 * We report those CRITICAL "rejecting connections" with the server's words: a server that turns
 * every new client away is down for them.
 *
 * <p>Replication lag on a standby is measured from the standby alone: bytes received but not yet
 * replayed, and the age of the last replayed transaction, counted as 0 while all received WAL is
 * replayed, because on an idle primary that age grows without any lag. A standby cut off from its
 * primary therefore looks caught up here; the primary's view ({@code pg_stat_replication}, the
 * worst standby) or the standby's role check is what catches that.
 */
public final class PostgresVerdict {
    private PostgresVerdict() {
    }

    public static CheckResult connectFailed(PostgresTarget target, ConnectFailure failure, Duration took) {
        List<String> details = failure.detail().isEmpty() ? List.of() : List.of(failure.detail());
        List<PerfDatum> perf = List.of(PerfDatum.of("time", seconds(took), "s"));
        CheckResult result = switch (failure.kind()) {
            case ACCEPTING_LOGIN_REFUSED -> {
                String why = loginRefusal(target, failure);
                yield target.needsSession()
                        ? CheckResult.critical("accepting connections, but " + why)
                        : CheckResult.ok("accepting connections (" + why + ")");
            }
            case REJECTING_STARTING_UP -> CheckResult.warning("rejecting connections: " + failure.reason());
            case REJECTING_SHUTTING_DOWN, REJECTING_CRASH_RECOVERY, REJECTING_TOO_MANY_CONNECTIONS, REJECTING_OTHER ->
                    CheckResult.critical("rejecting connections: " + failure.reason());
            case NO_RESPONSE -> CheckResult.critical("no response from " + target.address() + ": " + failure.reason());
            case NO_ATTEMPT -> CheckResult.unknown("no attempt to connect to " + target.address() + ": " + failure.reason());
        };
        return result.withDetails(details)
                .withPerfdata(failure.kind() == ConnectFailure.Kind.NO_ATTEMPT ? List.of() : perf);
    }

    // The server names the user in its message; we say it the same way whatever the SQLState.
    private static String loginRefusal(PostgresTarget target, ConnectFailure failure) {
        String reason = failure.reason();
        if (reason.contains("does not exist")) {
            return reason;   // 3D000: database "x" does not exist
        }
        return "authentication failed for user " + target.user();
    }

    public static CheckResult accepted(PostgresTarget target, Session s) {
        Status status = Status.OK;
        List<String> problems = new ArrayList<>();
        List<String> info = new ArrayList<>();
        List<String> details = new ArrayList<>();
        List<PerfDatum> perf = new ArrayList<>();
        perf.add(PerfDatum.of("time", seconds(s.connectTime()), "s"));

        if (s.monitorError() != null) {
            status = Status.CRITICAL;
            problems.add("role/lag query failed: " + s.monitorError());
        }
        if (s.role() != null) {
            if (target.expectedRole() != null && s.role() != target.expectedRole()) {
                status = Status.CRITICAL;
                problems.add("role is " + s.role() + ", expected " + target.expectedRole());
            } else {
                info.add("role " + s.role());
            }
        }
        if (s.query() != null) {
            Session.QueryOutcome q = s.query();
            perf.add(PerfDatum.of("query_time", seconds(q.took()), "s"));
            if (q.error() != null) {
                status = Status.CRITICAL;
                problems.add("query failed: " + q.error());
            } else {
                details.add("query returned " + q.rows() + (q.rows() == 1 ? " row" : " rows")
                        + (q.firstValue() == null ? "" : ", first value " + q.firstValue()));
            }
        }
        if (s.lag() != null) {
            status = status.worse(judgeLag(target, s.role(), s.lag(), problems, info, details, perf));
        }

        String summary = "accepting connections" + (info.isEmpty() ? "" : ", " + String.join(", ", info));
        if (!problems.isEmpty()) {
            summary = "accepting connections, but " + String.join("; ", problems)
                    + (info.isEmpty() ? "" : " (" + String.join(", ", info) + ")");
        }
        return CheckResult.of(status, summary).withDetails(details).withPerfdata(perf);
    }

    private static Status judgeLag(PostgresTarget target, PostgresRole role, Session.Lag lag, List<String> problems,
                                   List<String> info, List<String> details, List<PerfDatum> perf) {
        Status status = Status.OK;
        for (Session.Standby sb : lag.standbys()) {
            details.add("standby " + sb.name() + " " + sb.state() + ": lag "
                    + (sb.bytes() == null ? "unknown" : bytes(sb.bytes())) + ", "
                    + (sb.seconds() == null ? "0s" : secondsText(sb.seconds())));
        }
        if (role == PostgresRole.PRIMARY && lag.standbys().isEmpty()) {
            problems.add("no standby is replicating from this primary");
            return Status.WARNING;
        }
        status = status.worse(one(target.lagBytes(), lag.bytes(), "lag_bytes", "B", "replication lag ",
                PostgresVerdict::bytes, problems, info, perf));
        status = status.worse(one(target.lagSeconds(), lag.seconds(), "lag_seconds", "s", "replication lag ",
                PostgresVerdict::secondsText, problems, info, perf));
        return status;
    }

    private static Status one(Thresholds limits, Double value, String label, String unit, String what,
                              java.util.function.DoubleFunction<String> text, List<String> problems,
                              List<String> info, List<PerfDatum> perf) {
        if (value == null) {
            if (limits != null) {
                problems.add(what + "in " + (unit.equals("B") ? "bytes" : "seconds") + " unknown");
                return Status.UNKNOWN;
            }
            return Status.OK;
        }
        PerfDatum datum = PerfDatum.of(label, value, unit);
        if (limits == null) {
            perf.add(datum);
            info.add(what + text.apply(value));
            return Status.OK;
        }
        perf.add(datum.withThresholds(limits.warning(), limits.critical()));
        Status st = limits.judge(value);
        switch (st) {
            case CRITICAL -> problems.add(what + text.apply(value) + " >= critical " + text.apply(limits.critical()));
            case WARNING -> problems.add(what + text.apply(value) + " >= warning " + text.apply(limits.warning()));
            default -> info.add(what + text.apply(value));
        }
        return st;
    }

    static String bytes(double b) {
        return String.format(Locale.ROOT, "%.0f B", b);
    }

    static String secondsText(double s) {
        return String.format(Locale.ROOT, "%.1fs", s);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
