package dev.swarmwatch.tests.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Library log output (Netty, Vert.x, the JDBC driver) reaches stderr as structured lines or not
 * at all. Provoked for real: in a network namespace of its own with no interface up, Netty warns
 * that it finds no network interface, no loopback and no hardware address, with a stack trace.
 */
class LibraryLogTest {
    private static final String SANDBOX = "unix://" + Path.of(System.getProperty("swarmwatch.bed", "/tmp/swarmwatch-bed"))
            .resolve("docker.sock");

    @Test
    void nettyWarningsInANamespaceWithoutInterfacesAreOneStructuredLineEach(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("swarmwatch.yml");
        Files.writeString(config, """
                targets:
                  http:
                    - name: nowhere
                      url: http://127.0.0.1:1/
                """);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Path jar = LauncherCopy.REPO.resolve("agent/target/swarmwatch.jar");
        Process p = new ProcessBuilder("unshare", "--net", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "report", "-c", config.toString(), "-H", SANDBOX)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("report finished").isTrue();

        List<String> lines = Files.readAllLines(err).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as("stderr").isNotEmpty()
                .allSatisfy(l -> assertThat(l).matches("event=library_log level=(warning|severe) logger=\\S+ message=\"[^\"]*\"( error=\"[^\"]*\")?"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("event=library_log level=warning logger=io.netty.util.")
                .contains("error=\"java.net.SocketException: "));
        assertThat(Files.readString(err)).doesNotContain("\tat ", "\nWARNING: ", "SEVERE: ");
        assertThat(Files.readString(out)).contains("nowhere").doesNotContain("event=library_log", "io.netty");
        assertThat(p.exitValue()).isEqualTo(2);
    }
}
