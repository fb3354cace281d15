package dev.swarmwatch.agent.run;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.config.EngineAddress;
import dev.swarmwatch.agent.config.EngineTlsFiles;
import dev.swarmwatch.checks.swarm.EngineTls;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Which Docker engine to ask: the config's engine.host, else DOCKER_HOST, else the local socket; and how. */
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
        return uri;
    }

    /**
     * TLS to the engine: the config's engine.tls, else, as the docker CLI does, DOCKER_TLS_VERIFY
     * (any non-empty value) with the ca.pem, cert.pem and key.pem of DOCKER_CERT_PATH (default
     * ~/.docker) for a tcp:// engine. {@link IllegalArgumentException} for a file that is missing
     * or does not parse, or engine.tls with a unix socket.
     */
    public static Optional<EngineTls> tls(AgentConfig config, URI engine, Map<String, String> environment) {
        boolean tcp = "tcp".equals(engine.getScheme());
        if (config.engineTls().isPresent()) {
            if (!tcp) {
                throw new IllegalArgumentException("engine.tls is set, but the engine is " + engine
                        + ": TLS is for a tcp://host:port engine");
            }
            return config.engineTls();
        }
        if (!tcp || environment.getOrDefault("DOCKER_TLS_VERIFY", "").isEmpty()) {
            return Optional.empty();
        }
        String certPath = environment.getOrDefault("DOCKER_CERT_PATH", "");
        Path dir = certPath.isBlank()
                ? Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".docker")
                : Path.of(certPath.trim());
        try {
            return Optional.of(EngineTlsFiles.fromCertPath(dir));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DOCKER_TLS_VERIFY is set: " + e.getMessage(), e);
        }
    }
}
