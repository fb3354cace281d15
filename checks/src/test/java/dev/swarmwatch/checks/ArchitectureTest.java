package dev.swarmwatch.checks;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The dependency rules the module graph alone cannot state, checked on the sources. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/swarmwatch/checks");

    @Test
    void coreImportsNoTechnology() throws IOException {
        for (String core : List.of("spi", "engine")) {
            assertThat(imports(MAIN.resolve(core)))
                    .as("imports of checks/" + core)
                    .noneMatch(i -> i.startsWith("dev.swarmwatch.checks.swarm")
                            || i.startsWith("com.github.dockerjava")
                            || i.startsWith("com.fasterxml.jackson"));
        }
    }

    @Test
    void checksModuleImportsNoFrontEndLibrary() throws IOException {
        assertThat(imports(MAIN)).noneMatch(i -> i.startsWith("io.micrometer")
                || i.startsWith("com.googlecode.lanterna")
                || i.startsWith("dev.swarmwatch.agent")
                || i.startsWith("dev.swarmwatch.dashboards")
                || i.startsWith("dev.swarmwatch.alerts"));
    }

    @Test
    void sourcesAreFound() throws IOException {
        // Guards the two tests above against passing on an empty tree.
        assertThat(imports(MAIN)).contains("io.vertx.core.Future");
    }

    private static List<String> imports(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(ArchitectureTest::lines)
                    .filter(l -> l.startsWith("import "))
                    .map(l -> l.substring("import ".length()).replace("static ", "").replace(";", "").trim())
                    .toList();
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
