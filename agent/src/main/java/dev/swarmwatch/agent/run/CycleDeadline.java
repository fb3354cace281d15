package dev.swarmwatch.agent.run;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.checks.spi.DeclaredKind;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How long one cycle may take as a whole: {@code cycle_timeout} when the config sets it, else the engine timeout (the Swarm snapshot comes first) plus
 * the largest check timeout the config sets (the default, kind-wide and per-target ones). A target
 * declared by a service label with a longer timeout is cut at this deadline.
 */
public final class CycleDeadline {
    private CycleDeadline() {
    }

    public static Duration of(AgentConfig config) {
        if (config.cycleTimeout().isPresent()) {
            return config.cycleTimeout().get();
        }
        Stream<Map<String, Object>> options = Stream.concat(
                Stream.concat(config.checks().values().stream().map(AgentConfig.KindSettings::options),
                        config.services().values().stream().flatMap(s -> s.checks().values().stream())
                                .map(AgentConfig.KindSettings::options)),
                config.targets().values().stream().flatMap(t -> t.stream()).map(AgentConfig.TargetSettings::options));
        Duration largest = options.map(o -> o.get(DeclaredKind.TIMEOUT))
                .filter(Duration.class::isInstance).map(Duration.class::cast)
                .reduce(config.checkTimeout(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        return largest.plus(config.engineTimeout());
    }
}
