package dev.swarmwatch.agent.cli;

import dev.swarmwatch.agent.config.AgentConfig;
import dev.swarmwatch.agent.run.EngineHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** What `run` and `report` refuse before anything starts, and how an unexpected error is printed. */
class StartChecksTest {
    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome swarmwatch(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // A check that let a bad value through would start a daemon: that fails here as a timeout.
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args));
        return new Outcome(exit, out.toString(), err.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nowhere         | --listen: expected host:port with a port from 1 to 65535, got \"nowhere\"",
            "127.0.0.1:-1    | --listen: expected host:port with a port from 1 to 65535, got \"127.0.0.1:-1\"",
            "127.0.0.1:+80   | --listen: expected host:port with a port from 1 to 65535, got \"127.0.0.1:+80\"",
            "127.0.0.1:http  | --listen: expected host:port with a port from 1 to 65535, got \"127.0.0.1:http\"",
            "127.0.0.1:70000 | --listen: port 70000 in \"127.0.0.1:70000\" is out of range 1-65535",
            "127.0.0.1:0     | --listen: port 0 in \"127.0.0.1:0\" is out of range 1-65535",
            "127.0.0.1:      | --listen: expected host:port with a port from 1 to 65535, got \"127.0.0.1:\"",
            "127.0.0.1       | --listen: expected host:port with a port from 1 to 65535, got \"127.0.0.1\"",
            ":9469           | --listen: expected host:port with a port from 1 to 65535, got \":9469\"",
            "::1:9469        | --listen: expected host:port with a port from 1 to 65535, got \"::1:9469\""})
    void aBadListenAddressIsRefusedAtStartNamingTheOption(String listen, String message) {
        Outcome r = swarmwatch("run", "-H", "unix:///nonexistent/docker.sock", "--listen", listen);
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("swarmwatch: bad option: " + message + "\n");
    }

    @Test
    void listenTakesIpv6InBrackets() {
        assertThat(ListenAddress.parse("[::1]:9469")).isEqualTo(new ListenAddress("::1", 9469));
        assertThat(ListenAddress.parse("0.0.0.0:1")).isEqualTo(new ListenAddress("0.0.0.0", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://manager-1:2375", "unix://relative/docker.sock", "unix:relative.sock", "tcp://manager-1"})
    void anEngineAddressWithABadSchemeOrARelativeSocketIsRefusedAtStart(String host) {
        for (String command : new String[]{"run", "report"}) {
            Outcome r = swarmwatch(command, "-H", host);
            assertThat(r.exit()).as(command).isEqualTo(3);
            assertThat(r.err()).as(command).startsWith("swarmwatch: bad option:").contains("-H/--host: expected"
                    + " unix:///absolute/path or tcp://host:port, got \"" + host + "\"\n");
        }
    }

    @Test
    void dockerHostFollowsTheSameRuleAsEngineHost() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EngineHost.resolve(AgentConfig.defaults(), Map.of("DOCKER_HOST", "ftp://manager-1:2375")))
                .withMessage("DOCKER_HOST: expected unix:///absolute/path or tcp://host:port, got \"ftp://manager-1:2375\"");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EngineHost.resolve(AgentConfig.defaults(), Map.of("DOCKER_HOST", "unix://run/docker.sock")))
                .withMessageStartingWith("DOCKER_HOST: expected");
        assertThat(EngineHost.resolve(AgentConfig.defaults(), Map.of("DOCKER_HOST", "tcp://10.0.0.5:2375")))
                .hasToString("tcp://10.0.0.5:2375");
    }

    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("engine said \u001b]0;pwned\u0007\"hi\"\nnext line");
        }
    }

    @Test
    void anUnexpectedExceptionIsOneStructuredLineWithClassAndSanitizedMessage() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Boom()).setExecutionExceptionHandler(new ErrorHandler(() -> false))
                .setErr(new PrintWriter(err, true)).execute();
        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).isEqualTo(
                "event=error where=boom class=java.lang.IllegalStateException message=\"engine said \\\"hi\\\" next line\"\n");
    }

    @Test
    void theStackComesOnlyWithDebug() {
        StringWriter err = new StringWriter();
        new CommandLine(new Boom()).setExecutionExceptionHandler(new ErrorHandler(() -> true))
                .setErr(new PrintWriter(err, true)).execute();
        assertThat(err.toString()).startsWith("event=error where=boom class=java.lang.IllegalStateException")
                .contains("\tat dev.swarmwatch.agent.cli.StartChecksTest$Boom.call");
    }

    @Test
    void debugIsAcceptedBeforeOrAfterTheCommand() {
        assertThat(swarmwatch("--debug", "run", "--listen", "x").err()).contains("--listen: expected");
        assertThat(swarmwatch("run", "--debug", "--listen", "x").err()).contains("--listen: expected");
    }
}
