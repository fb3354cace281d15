package dev.swarmwatch.checks.patroni;

import dev.swarmwatch.checks.spi.CheckContext;
import dev.swarmwatch.checks.spi.CheckTarget;
import dev.swarmwatch.checks.spi.DeclaredKind;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.MetricName;
import dev.swarmwatch.checks.spi.OptionType;
import dev.swarmwatch.checks.spi.Options;
import dev.swarmwatch.checks.spi.PlannedCheck;
import dev.swarmwatch.checks.spi.Remembering;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmwatch.checks.spi.OptionProblem;
import dev.swarmwatch.checks.spi.Validation;
import dev.swarmwatch.checks.spi.ValueChecks;
import io.vertx.core.Future;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;

/**
 * Patroni clusters through their REST API: check_patroni's checks in one result per cluster. A
 * probe remembers its cluster's leader and timeline between cycles to report failovers, so this
 * kind keeps one probe per target name, and forgets those whose target is gone. What the probes
 * remember can be saved and restored across processes ({@link Remembering}).
 */
public final class PatroniKind implements DeclaredKind, Remembering {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SCHEMES = Set.of("http", "https");

    private Map<String, PatroniProbe> probes = new HashMap<>();

    @Override
    public String name() {
        return "patroni";
    }

    @Override
    public String description() {
        return "Patroni REST: one leader, replicas streaming, lag, timelines, member count, maintenance, pending restart, failovers";
    }

    @Override
    public Map<String, MetricName> metrics() {
        return Map.of("members", MetricName.of("swarmwatch_patroni_members", "members listed by Patroni's /cluster"),
                "leaders", MetricName.of("swarmwatch_patroni_leaders", "Patroni members with role leader or standby_leader"),
                "replicas_streaming", MetricName.of("swarmwatch_patroni_replicas_streaming", "Patroni replicas streaming"),
                "max_lag", MetricName.of("swarmwatch_patroni_max_lag_bytes", "largest Patroni member lag"),
                "timeline", MetricName.of("swarmwatch_patroni_timeline", "timeline of the Patroni leader"));
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.required("members", OptionType.STRING, "member REST URLs, comma-separated, e.g. http://db1:8008,http://db2:8008"),
                new OptionSpec(TIMEOUT, OptionType.DURATION, Duration.ofSeconds(5), "per-member request timeout"),
                INTERVAL,
                new OptionSpec("min_replicas_warning", OptionType.INTEGER, 2, "WARNING below this many streaming replicas"),
                new OptionSpec("min_replicas_critical", OptionType.INTEGER, 1, "CRITICAL below this many streaming replicas"),
                new OptionSpec("lag_warning_bytes", OptionType.INTEGER, 1 << 20, "member lag in bytes for WARNING"),
                new OptionSpec("lag_critical_bytes", OptionType.INTEGER, 16 << 20, "member lag in bytes for CRITICAL"),
                OptionSpec.optional("expected_members", OptionType.INTEGER, "WARNING when /cluster lists another number"),
                OptionSpec.optional("primary", OptionType.STRING, "member URL that must answer /primary with 200"),
                OptionSpec.optional("replicas", OptionType.STRING, "member URLs, comma-separated, that must answer /replica with 200"),
                new OptionSpec("failover_hold_cycles", OptionType.INTEGER, 1, "cycles a seen failover stays reported"));
    }

    @Override
    public Future<List<PlannedCheck>> plan(CheckContext context, OptionsLookup options) {
        return options.targets(context).compose(targets -> {
            Map<String, PatroniProbe> kept = new HashMap<>();
            targets.forEach(t -> kept.put(t.name(), probes.getOrDefault(t.name(), new PatroniProbe(new PatroniMemory()))));
            probes = kept;
            return DeclaredKind.super.plan(context, options);
        });
    }

    @Override
    public List<PlannedCheck> checks(CheckTarget target) {
        PatroniTarget cluster = target(target.options());
        PatroniProbe probe = probes.computeIfAbsent(target.name(), n -> new PatroniProbe(new PatroniMemory()));
        // Members are tried one after another, each within the timeout.
        Duration deadline = cluster.timeout().multipliedBy(cluster.members().size() + cluster.roles().size()).plusSeconds(1);
        return List.of(new PlannedCheck(name(), target.subject(), deadline, ctx -> probe.probe(ctx, cluster), target.name(), DeclaredKind.every(target)));
    }

    @Override
    public String exportMemory() {
        Map<String, PatroniMemory.Saved> saved = new TreeMap<>();
        probes.forEach((name, probe) -> saved.put(name, probe.memory().save()));
        try {
            return JSON.writeValueAsString(saved);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Patroni memory does not serialize", e);
        }
    }

    @Override
    public boolean restoreMemory(String json) {
        Map<String, PatroniMemory.Saved> saved;
        try {
            saved = JSON.readValue(json, new TypeReference<Map<String, PatroniMemory.Saved>>() { });
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return false;
        }
        if (saved == null) {
            return false;
        }
        Map<String, PatroniProbe> restored = new HashMap<>();
        saved.forEach((name, memory) -> {
            if (memory != null) {
                restored.put(name, new PatroniProbe(PatroniMemory.restore(memory)));
            }
        });
        probes = restored;
        return true;
    }

    @Override
    public List<OptionProblem> validate(Options o) {
        return new Validation(o)
                .option("members", String.class, PatroniKind::checkMembers)
                .option("primary", String.class, url -> ValueChecks.url(url.trim(), SCHEMES, false))
                .option("replicas", String.class, PatroniKind::checkMembers)
                .range("expected_members", 1, Integer.MAX_VALUE)
                .range("failover_hold_cycles", 1, Integer.MAX_VALUE)
                .ordered("min_replicas_critical", "min_replicas_warning", Integer.class)
                .ordered("lag_warning_bytes", "lag_critical_bytes", Integer.class)
                .whole(() -> target(o))
                .problems();
    }

    @Override
    public List<String> hosts(CheckTarget target) {
        Options o = target.options();
        List<String> urls = new ArrayList<>(split(o.string("members")));
        o.find("primary", String.class).map(String::trim).ifPresent(urls::add);
        o.find("replicas", String.class).ifPresent(r -> urls.addAll(split(r)));
        return ValueChecks.hosts(urls, SCHEMES);
    }

    private static void checkMembers(String text) {
        List<String> urls = split(text);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("expected member URLs, comma-separated, e.g. http://db1:8008,http://db2:8008");
        }
        for (int i = 0; i < urls.size(); i++) {
            try {
                URI url = ValueChecks.url(urls.get(i), SCHEMES, false);
                if (url.getRawUserInfo() != null) {
                    throw new IllegalArgumentException("credentials in a member URL are not supported");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("member " + (i + 1) + " of " + urls.size() + ": " + e.getMessage());
            }
        }
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static PatroniTarget target(Options o) {
        List<RoleExpectation> roles = new ArrayList<>();
        o.find("primary", String.class).ifPresent(url -> roles.add(new RoleExpectation(URI.create(url.trim()), RoleExpectation.Role.PRIMARY)));
        o.find("replicas", String.class).ifPresent(urls -> urls(urls).forEach(url ->
                roles.add(new RoleExpectation(url, RoleExpectation.Role.REPLICA))));
        PatroniTarget target = new PatroniTarget(urls(o.string("members")), o.duration(TIMEOUT),
                o.integer("min_replicas_warning"), o.integer("min_replicas_critical"),
                o.integer("lag_warning_bytes"), o.integer("lag_critical_bytes"),
                o.find("expected_members", Integer.class).map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty()),
                roles, o.integer("failover_hold_cycles"));
        return target;
    }

    private static List<URI> urls(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(URI::create).toList();
    }
}
