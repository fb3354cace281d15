package dev.swarmwatch.agent.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EngineHostTest {

    @ParameterizedTest
    @ValueSource(strings = {"unix:///var/run/docker.sock", "unix:///run/user/1000/docker.sock",
            "tcp://10.0.0.5:2375", "tcp://manager-1.example.com:2376", "tcp://[::1]:2375", "tcp://manager-1:2375/"})
    void acceptsWhatTheDockerClientCanDial(String text) {
        assertThat(ConfigBinder.engineHost(text)).isEqualTo(URI.create(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unix://var/run/docker.sock", "unix:///", "unix:relative.sock", "/var/run/docker.sock",
            "tcp://manager-1", "tcp://manager-1:0", "tcp://manager-1:70000", "tcp://manager_1:2375",
            "tcp://user@manager-1:2375", "tcp://manager-1:2375/v1.43", "tcp://manager-1:2375?tls=1",
            "http://manager-1:2375", "npipe:////./pipe/docker_engine", "ssh://admin@manager-1", "", "tcp://a b:1"})
    void refusesAnythingElseQuotingTheText(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> ConfigBinder.engineHost(text))
                .withMessage("expected unix:///absolute/path or tcp://host:port, got \"" + text + "\"");
    }
}
