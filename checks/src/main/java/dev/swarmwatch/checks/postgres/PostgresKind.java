package dev.swarmwatch.checks.postgres;

import dev.swarmwatch.checks.spi.CheckTarget;
import dev.swarmwatch.checks.spi.DeclaredKind;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.MetricName;
import dev.swarmwatch.checks.spi.OptionType;
import dev.swarmwatch.checks.spi.Options;
import dev.swarmwatch.checks.spi.PlannedCheck;
import dev.swarmwatch.checks.spi.OptionProblem;
import dev.swarmwatch.checks.spi.Validation;
import dev.swarmwatch.checks.spi.ValueChecks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PostgreSQL targets, pg_isready-style, with optional query, role and replication lag. */
public final class PostgresKind implements DeclaredKind {
    private final PostgresProbe probe = new PostgresProbe();

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String description() {
        return "PostgreSQL, pg_isready-style: accepting / rejecting / no response / no attempt; optional query, role, replication lag";
    }

    @Override
    public Map<String, MetricName> metrics() {
        return Map.of("time", MetricName.of("swarmwatch_postgres_response_seconds", "PostgreSQL connect (and query) time"));
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.required("host", OptionType.STRING, "server host name or address"),
                new OptionSpec("port", OptionType.INTEGER, PostgresTarget.DEFAULT_PORT, "server port"),
                new OptionSpec("database", OptionType.STRING, "postgres", "database to connect to"),
                new OptionSpec("user", OptionType.STRING, "postgres", "user to connect as"),
                OptionSpec.secret("password", "the user's password"),
                new OptionSpec("connect_timeout", OptionType.DURATION, PostgresTarget.DEFAULT_CONNECT_TIMEOUT,
                        "connection and login timeout (whole seconds)"),
                new OptionSpec("statement_timeout", OptionType.DURATION, PostgresTarget.DEFAULT_STATEMENT_TIMEOUT,
                        "server-side statement_timeout of the check's queries"),
                new OptionSpec(TIMEOUT, OptionType.DURATION, Duration.ofSeconds(15), "deadline of the whole check"),
                INTERVAL,
                OptionSpec.optional("query", OptionType.STRING, "a query to run, e.g. SELECT 1 (needs a login)"),
                OptionSpec.optional("role", OptionType.STRING, "expected role: primary or standby"),
                OptionSpec.optional("lag_warning_bytes", OptionType.INTEGER, "replication lag in bytes for WARNING"),
                OptionSpec.optional("lag_critical_bytes", OptionType.INTEGER, "replication lag in bytes for CRITICAL"),
                OptionSpec.optional("lag_warning_seconds", OptionType.INTEGER, "replication lag in seconds for WARNING"),
                OptionSpec.optional("lag_critical_seconds", OptionType.INTEGER, "replication lag in seconds for CRITICAL"));
    }

    @Override
    public List<PlannedCheck> checks(CheckTarget target) {
        PostgresTarget pg = target(target.options());
        return List.of(new PlannedCheck(name(), target.subject(), DeclaredKind.deadline(target),
                ctx -> probe.probe(ctx, pg), target.name(), DeclaredKind.every(target)));
    }

    @Override
    public List<OptionProblem> validate(Options o) {
        return new Validation(o)
                .option("host", String.class, ValueChecks::host)
                .option("port", Integer.class, ValueChecks::port)
                .option("role", String.class, PostgresKind::checkRole)
                .option("connect_timeout", Duration.class, d -> {
                    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
                        throw new IllegalArgumentException("expected at least 1s (the driver counts whole seconds)");
                    }
                })
                .ordered("lag_warning_bytes", "lag_critical_bytes", Integer.class)
                .ordered("lag_warning_seconds", "lag_critical_seconds", Integer.class)
                .whole(() -> target(o))
                .problems();
    }

    private static void checkRole(String role) {
        try {
            PostgresRole.parse(role);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected primary or standby, got \"" + role + "\"");
        }
    }

    @Override
    public List<String> hosts(CheckTarget target) {
        return List.of(target.options().string("host").trim());
    }

    static PostgresTarget target(Options o) {
        PostgresTarget pg = new PostgresTarget(o.string("host"), o.integer("port"), o.string("database"),
                o.string("user"), o.find("password", String.class).orElse(""),
                o.duration("connect_timeout"), o.duration("statement_timeout"),
                o.find("query", String.class).orElse(null),
                o.find("role", String.class).map(PostgresRole::parse).orElse(null),
                thresholds(o, "lag_warning_bytes", "lag_critical_bytes").orElse(null),
                thresholds(o, "lag_warning_seconds", "lag_critical_seconds").orElse(null));
        return pg;
    }

    /** One given limit stands for both: only a warning never turns critical, only a critical never warns. */
    private static Optional<Thresholds> thresholds(Options o, String warning, String critical) {
        Optional<Integer> w = o.find(warning, Integer.class);
        Optional<Integer> c = o.find(critical, Integer.class);
        if (w.isEmpty() && c.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Thresholds(w.map(Integer::doubleValue).orElse(c.get().doubleValue()),
                c.map(Integer::doubleValue).orElse(Double.MAX_VALUE)));
    }
}
