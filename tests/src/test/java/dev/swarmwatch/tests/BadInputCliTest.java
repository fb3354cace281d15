package dev.swarmwatch.tests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real launcher pointed at files that are no config or token (a FIFO no one writes to,
 * /dev/zero) and at a config whose values cannot work: each is refused with exit 3 and a message,
 * promptly, instead of hanging, eating memory, or failing later as a CRITICAL check.
 */
class BadInputCliTest {
    /** JVM start included; the FIFO used to hang for ever, /dev/zero to grow the process by gigabytes. */
    private static final Duration PROMPTLY = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** The launcher builds the jar when it is missing; that is not what is timed here. */
    @BeforeAll
    static void jarIsBuilt() throws Exception {
        Bed.swarmwatch("--version").orFail();
    }

    @Test
    void validateRefusesAFifoAsTheConfig() throws Exception {
        Path fifo = fifo("config.yml");

        Bed.Result r = Bed.swarmwatch("validate", fifo.toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains(fifo + ":1:1 (document): cannot read " + fifo
                + ": is not a regular file (a device, pipe or socket)");
        assertThat(r.took()).isLessThan(PROMPTLY);
    }

    @Test
    void runRefusesABearerTokenFileThatIsAFifoOrDevZero() throws Exception {
        for (Path token : List.of(fifo("token"), Path.of("/dev/zero"))) {
            Bed.Result r = Bed.swarmwatch("run", "-H", Bed.sandbox().toString(), "--listen", "127.0.0.1:19469",
                    "--bearer-token-file", token.toString());

            assertThat(r.exit()).as(token.toString()).isEqualTo(3);
            assertThat(r.err()).contains("--bearer-token-file: cannot read " + token
                    + ": is not a regular file (a device, pipe or socket)");
            assertThat(r.took()).isLessThan(PROMPTLY);
        }
    }

    @Test
    void validateReportsTargetValuesThatCannotWorkAtTheirOwnLines() throws Exception {
        Path config = dir.resolve("swarmwatch.yml");
        Files.writeString(config, """
                targets:
                  http:
                    - name: local
                      url: file:///etc/passwd
                    - name: port
                      url: http://127.0.0.1:70000/
                      body_regex: "(unclosed"
                  redis:
                    - name: cache
                      host: 127.0.0.1
                      tls: /nonexistent/ca.pem
                """);

        Bed.Result r = Bed.swarmwatch("validate", config.toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains(
                config + ":4:12 targets.http[0].url: scheme file is not supported (expected http or https)",
                config + ":6:12 targets.http[1].url: port 70000 is out of range 1-65535",
                config + ":7:19 targets.http[1].body_regex: not a valid regular expression: unclosed group at character 10",
                config + ":11:12 targets.redis[0].tls: certificate file /nonexistent/ca.pem does not exist");
    }

    private Path fifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Bed.run(List.of("mkfifo", fifo.toString()), List.of(), Duration.ofSeconds(10)).orFail();
        return fifo;
    }
}
