package dev.swarmwatch.agent.cli;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.config.EngineAddress;
import dev.swarmwatch.agent.config.ConfigException;
import dev.swarmwatch.agent.config.ConfigLoader;
import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.agent.run.EngineHost;
import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.swarm.SwarmSource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds and loads the config: --config, else ./swarmwatch.yml, else /etc/swarmwatch/swarmwatch.yml, else none. */
final class ConfigSource {
    static final List<Path> DEFAULT_LOCATIONS = List.of(Path.of("swarmwatch.yml"), Path.of("/etc/swarmwatch/swarmwatch.yml"));

    private ConfigSource() {
    }

    static Optional<Path> locate(Path explicit) {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        return DEFAULT_LOCATIONS.stream().filter(Files::isRegularFile).findFirst();
    }

    /** The config and the engine every command that checks works with. */
    record Resolved(AgentConfig config, URI engine) {
    }

    /**
     * The config (from --config or the default locations), with a --host override, and the engine it
     * names, with its TLS. {@link IllegalArgumentException} for a bad -H or DOCKER_HOST (by the rule
     * engine.host follows) or a bad TLS file.
     */
    static Resolved resolve(Path explicit, URI hostOverride, Map<String, String> environment) throws ConfigException {
        URI host = null;
        if (hostOverride != null) {
            try {
                host = EngineAddress.parse(hostOverride.toString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("-H/--host: " + e.getMessage());
            }
        }
        AgentConfig config = load(locate(explicit), environment);
        if (host != null) {
            config = config.withEngineHost(host);
        }
        URI engine = EngineHost.resolve(config, environment);
        return new Resolved(config.withEngineTls(EngineHost.tls(config, engine, environment)), engine);
    }

    static AgentConfig load(Optional<Path> file, Map<String, String> environment) throws ConfigException {
        if (file.isEmpty()) {
            return AgentConfig.defaults();
        }
        return new ConfigLoader(kindsForConfig(), dev.swarmwatch.alerts.Notifiers.all(), environment).load(file.get());
    }

    /** The registered kinds, for reading their option specs; they read no swarm here. */
    static List<CheckKind> kindsForConfig() {
        return Agent.kinds(new SwarmSource(null));
    }
}
