package dev.swarmwatch.agent.run;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.config.EngineAddress;

import java.net.URI;
import java.util.Map;

/** Which Docker engine to ask: the config's engine.host, else DOCKER_HOST, else the local socket. */
public final class EngineHost {
    public static final URI LOCAL_SOCKET = URI.create("unix:///var/run/docker.sock");

    private EngineHost() {
    }

    public static URI resolve(AgentConfig config, Map<String, String> environment) {
        if (config.engineHost().isPresent()) {
            return config.engineHost().get();
        }
        String fromEnv = environment.getOrDefault("DOCKER_HOST", "");
        if (fromEnv.isBlank()) {
            return LOCAL_SOCKET;
        }
        URI uri;
        try {
            uri = EngineAddress.parse(fromEnv);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DOCKER_HOST: " + e.getMessage());
        }
        if ("tcp".equals(uri.getScheme()) && !environment.getOrDefault("DOCKER_TLS_VERIFY", "").isEmpty()) {
            throw new IllegalArgumentException("DOCKER_TLS_VERIFY is set, but TLS to the Docker engine is not supported"
                    + " yet: run swarmwatch on a manager with the local socket, or use a plain tcp:// engine address");
        }
        return uri;
    }
}
