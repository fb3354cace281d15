package dev.swarmwatch.checks.redis;

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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Redis targets: PING latency, role, replica link, memory against maxmemory, clients. */
public final class RedisKind implements DeclaredKind {
    private final RedisProbe probe = new RedisProbe();

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public String description() {
        return "Redis: PING with latency, AUTH (ACL user), role, replica link, memory use against maxmemory, clients; TLS";
    }

    @Override
    public Map<String, MetricName> metrics() {
        return Map.of("time", MetricName.of("swarmwatch_redis_ping_seconds", "Redis PING latency"),
                "used_memory", MetricName.of("swarmwatch_redis_used_memory_bytes", "Redis used_memory"));
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.required("host", OptionType.STRING, "server host name or address"),
                new OptionSpec("port", OptionType.INTEGER, 6379, "server port"),
                OptionSpec.optional("user", OptionType.STRING, "ACL user (needs password)"),
                OptionSpec.secret("password", "the user's (or default user's) password"),
                new OptionSpec("tls", OptionType.STRING, "off", "off, on (system trust), insecure, or a CA certificate file"),
                new OptionSpec(TIMEOUT, OptionType.DURATION, Duration.ofSeconds(3), "connect and read timeout"),
                INTERVAL,
                OptionSpec.optional("role", OptionType.STRING, "expected role: master or replica"),
                new OptionSpec("latency_warning", OptionType.DURATION, Duration.ofMillis(100), "PING latency for WARNING"),
                new OptionSpec("latency_critical", OptionType.DURATION, Duration.ofMillis(500), "PING latency for CRITICAL"),
                new OptionSpec("memory_warning_percent", OptionType.INTEGER, 80, "used memory, % of maxmemory, for WARNING"),
                new OptionSpec("memory_critical_percent", OptionType.INTEGER, 90, "used memory, % of maxmemory, for CRITICAL"),
                OptionSpec.optional("clients_warning", OptionType.INTEGER, "connected clients for WARNING"),
                OptionSpec.optional("clients_critical", OptionType.INTEGER, "connected clients for CRITICAL"));
    }

    @Override
    public List<PlannedCheck> checks(CheckTarget target) {
        RedisTarget redis = target(target.options());
        return List.of(new PlannedCheck(name(), target.subject(), DeclaredKind.deadline(target),
                ctx -> probe.probe(ctx, redis), target.name(), DeclaredKind.every(target)));
    }

    @Override
    public List<OptionProblem> validate(Options o) {
        return new Validation(o)
                .option("host", String.class, ValueChecks::host)
                .option("port", Integer.class, ValueChecks::port)
                .option("tls", String.class, RedisKind::checkTls)
                .option("role", String.class, role -> RedisRole.parse(role).orElseThrow(() ->
                        new IllegalArgumentException("expected master or replica, got \"" + role + "\"")))
                .range("memory_warning_percent", 1, 100)
                .range("memory_critical_percent", 1, 100)
                .range("clients_warning", 1, Integer.MAX_VALUE)
                .range("clients_critical", 1, Integer.MAX_VALUE)
                .ordered("latency_warning", "latency_critical", Duration.class)
                .ordered("memory_warning_percent", "memory_critical_percent", Integer.class)
                .ordered("clients_warning", "clients_critical", Integer.class)
                .whole(() -> target(o))
                .problems();
    }

    @Override
    public List<String> hosts(CheckTarget target) {
        return List.of(target.options().string("host").trim());
    }

    private static void checkTls(String choice) {
        if (!List.of("off", "on", "insecure").contains(choice)) {
            if (choice.isBlank()) {
                throw new IllegalArgumentException("expected off, on, insecure or a CA certificate file");
            }
            ValueChecks.certificates(Path.of(choice));
        }
    }

    static RedisTarget target(Options o) {
        Optional<String> user = o.find("user", String.class);
        Optional<String> password = o.find("password", String.class);
        Duration timeout = o.duration(TIMEOUT);
        RedisTarget redis = RedisTarget.of(o.string("host"), o.integer("port"))
                .withTls(tls(o.string("tls")))
                .withTimeouts(timeout, timeout)
                .withThresholds(new RedisThresholds(o.duration("latency_warning"), o.duration("latency_critical"),
                        OptionalDouble.of(o.integer("memory_warning_percent")),
                        OptionalDouble.of(o.integer("memory_critical_percent")),
                        o.find("clients_warning", Integer.class).map(OptionalLong::of).orElse(OptionalLong.empty()),
                        o.find("clients_critical", Integer.class).map(OptionalLong::of).orElse(OptionalLong.empty())));
        if (user.isPresent()) {
            redis = redis.withUser(user.get(), password.orElseThrow(() ->
                    new IllegalArgumentException("user " + user.get() + " needs a password")));
        } else if (password.isPresent()) {
            redis = redis.withPassword(password.get());
        }
        Optional<String> role = o.find("role", String.class);
        if (role.isPresent()) {
            redis = redis.withExpectedRole(RedisRole.parse(role.get()).orElseThrow(() ->
                    new IllegalArgumentException("role: expected master or replica, got \"" + role.get() + "\"")));
        }
        return redis;
    }

    private static RedisTls tls(String choice) {
        return switch (choice) {
            case "off" -> RedisTls.off();
            case "on" -> RedisTls.systemTrust();
            case "insecure" -> RedisTls.insecure();
            default -> RedisTls.trusting(Path.of(choice));
        };
    }
}
