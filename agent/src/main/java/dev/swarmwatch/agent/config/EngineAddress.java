package dev.swarmwatch.agent.config;

import java.net.URI;

/** The one rule for a Docker engine address, as engine.host follows it, for -H and DOCKER_HOST too. */
public final class EngineAddress {
    private EngineAddress() {
    }

    /** unix:///absolute/path or tcp://host:port; {@link IllegalArgumentException} with the expected form otherwise. */
    public static URI parse(String text) {
        return ConfigBinder.engineHost(text);
    }
}
