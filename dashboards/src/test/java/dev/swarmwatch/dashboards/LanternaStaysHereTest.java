package dev.swarmwatch.dashboards;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Lanterna is this module's business: no other module's sources import it, and this one's view model does not either. */
class LanternaStaysHereTest {
    @Test
    void onlyTheTerminalPackageOfDashboardsImportsLanterna() throws IOException {
        List<Path> elsewhere = List.of(Path.of("../checks/src"), Path.of("../alert-rules/src"), Path.of("../agent/src"),
                Path.of("src/main/java/dev/swarmwatch/dashboards/view"), Path.of("src/main/java/dev/swarmwatch/dashboards/report"));
        for (Path dir : elsewhere) {
            assertThat(dir).isDirectory();
            assertThat(importers(dir)).as("sources under " + dir + " importing Lanterna").isEmpty();
        }
        assertThat(importers(Path.of("src/main/java/dev/swarmwatch/dashboards/tui"))).isNotEmpty();
    }

    private static List<Path> importers(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains("import com.googlecode.lanterna");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
