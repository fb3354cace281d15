package dev.swarmwatch.agent.config;

import dev.swarmwatch.agent.run.Agent;
import dev.swarmwatch.checks.swarm.SwarmSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Files the agent is pointed at that are no small regular files, each made for real: each is
 * refused with a clear message within a second, as the config, as a {@code _file} secret and
 * through the helper the bearer token uses (before, /dev/zero grew the process to gigabytes and a
 * FIFO without a writer hung it forever).
 */
class BadFilesTest {
    private static final Duration WITHIN = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Agent.kinds(new SwarmSource(null)), Map.of());

    enum Bad {
        FIFO("is not a regular file (a device, pipe or socket)"),
        DEV_ZERO("is not a regular file (a device, pipe or socket)"),
        DIRECTORY("is a directory"),
        SPARSE_1G("is too large (1073741824 bytes; at most %s)"),
        MISSING("no such file");

        final String reason;

        Bad(String reason) {
            this.reason = reason;
        }
    }

    private Path make(Bad bad) throws Exception {
        Path file = dir.resolve("bad-" + bad.name().toLowerCase());
        switch (bad) {
            case FIFO -> run("mkfifo", file.toString());
            case DEV_ZERO -> Files.createSymbolicLink(file, Path.of("/dev/zero"));
            case DIRECTORY -> Files.createDirectory(file);
            case SPARSE_1G -> run("truncate", "-s", "1G", file.toString());
            case MISSING -> {
            }
        }
        return file;
    }

    @ParameterizedTest
    @EnumSource(Bad.class)
    void theConfigFileIsRefusedWithinASecond(Bad bad) throws Exception {
        Path file = make(bad);

        ConfigException e = assertTimeoutPreemptively(WITHIN, () -> catchConfig(file));

        assertThat(e.getMessage()).isEqualTo(file + ":1:1 (document): cannot read " + file + ": "
                + bad.reason.formatted("1 MB"));
    }

    @ParameterizedTest
    @EnumSource(Bad.class)
    void aSecretFileIsRefusedWithinASecond(Bad bad) throws Exception {
        Path secret = make(bad);
        Path config = dir.resolve("swarmwatch.yml");
        Files.writeString(config, """
                targets:
                  postgres:
                    - name: db
                      host: 127.0.0.1
                      password_file: %s
                """.formatted(secret));

        ConfigException e = assertTimeoutPreemptively(WITHIN, () -> catchConfig(config));

        assertThat(e.getMessage()).isEqualTo(config + ":5:22 targets.postgres[0].password_file: cannot read "
                + secret + ": " + bad.reason.formatted("64 KB"));
    }

    @ParameterizedTest
    @EnumSource(Bad.class)
    void theBoundedReaderRefusesWithinASecond(Bad bad) throws Exception {
        Path file = make(bad);

        IOException e = assertTimeoutPreemptively(WITHIN, () -> {
            try {
                BoundedFile.read(file, BoundedFile.SECRET_LIMIT);
                return null;
            } catch (IOException x) {
                return x;
            }
        });

        assertThat(e).isNotNull();
        assertThat(BoundedFile.reason(e)).isEqualTo(bad.reason.formatted("64 KB"));
    }

    @Test
    void aFileJustOverTheCapIsRefusedAndOneAtTheCapIsRead() throws Exception {
        Path atCap = Files.writeString(dir.resolve("at-cap"), "a".repeat(BoundedFile.SECRET_LIMIT));
        Path over = Files.writeString(dir.resolve("over"), "a".repeat(BoundedFile.SECRET_LIMIT + 1));

        assertThat(BoundedFile.read(atCap, BoundedFile.SECRET_LIMIT)).hasSize(BoundedFile.SECRET_LIMIT);
        assertThatThrownBy(() -> BoundedFile.read(over, BoundedFile.SECRET_LIMIT))
                .hasMessage("is too large (65537 bytes; at most 64 KB)");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedInWords() throws Exception {
        Path latin1 = Files.write(dir.resolve("latin1"), "pässword".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> BoundedFile.read(latin1, BoundedFile.SECRET_LIMIT)).hasMessage("is not UTF-8 text");
    }

    @Test
    void aConfigLargerThanAMegabyteIsRefusedBeforeItIsParsed() throws Exception {
        Path big = dir.resolve("big.yml");
        Files.writeString(big, "# " + "x".repeat(BoundedFile.CONFIG_LIMIT) + "\n");

        assertThat(catchConfig(big).getMessage()).isEqualTo(big + ":1:1 (document): cannot read " + big
                + ": is too large (" + Files.size(big) + " bytes; at most 1 MB)");
    }

    private ConfigException catchConfig(Path file) {
        try {
            loader.load(file);
            throw new AssertionError(file + " was accepted");
        } catch (ConfigException e) {
            return e;
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
    }
}
