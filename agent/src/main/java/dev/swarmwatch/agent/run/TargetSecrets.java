package dev.swarmwatch.agent.run;

import dev.swarmwatch.agent.config.SecretValues;
import dev.swarmwatch.checks.spi.CheckContext;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.CheckTarget;
import dev.swarmwatch.checks.spi.OptionSpec;
import dev.swarmwatch.checks.spi.Options;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A kind's options lookup that also notes the secrets of the targets it hands out each cycle:
 * those of service labels ({@code swarmwatch.redis.password=...}) are known only once the swarm is
 * read, and the redactor must hide them too. Everything else is the wrapped lookup's.
 */
final class TargetSecrets implements CheckKind.OptionsLookup {
    /** Bound of the secrets remembered, whatever labels come and go. */
    static final int MAX_REMEMBERED = 10_000;

    private final CheckKind.OptionsLookup lookup;
    private final List<OptionSpec> specs;
    private final Set<String> seen;

    /** @param seen where the secrets go; shared by the kinds of one agent, safe for concurrent use */
    TargetSecrets(CheckKind.OptionsLookup lookup, List<OptionSpec> specs, Set<String> seen) {
        this.lookup = lookup;
        this.specs = List.copyOf(specs);
        this.seen = seen;
    }

    @Override
    public Options cluster() {
        return lookup.cluster();
    }

    @Override
    public Options service(String serviceName) {
        return lookup.service(serviceName);
    }

    @Override
    public boolean ignored(String serviceName) {
        return lookup.ignored(serviceName);
    }

    @Override
    public Duration timeout() {
        return lookup.timeout();
    }

    @Override
    public Future<List<CheckTarget>> targets(CheckContext context) {
        return lookup.targets(context).map(targets -> {
            for (CheckTarget target : targets) {
                note(target.options());
            }
            return targets;
        });
    }

    private void note(Options options) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (OptionSpec spec : specs) {
            options.find(spec.name(), Object.class).ifPresent(v -> values.put(spec.name(), v));
        }
        for (String secret : SecretValues.of(specs, values)) {
            if (seen.size() >= MAX_REMEMBERED) {
                return;
            }
            seen.add(secret);
        }
    }
}
