package dev.swarmwatch.tests.prometheus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's promtool (package {@code prometheus}, installed by tests/bed/prometheus.sh), run as a
 * process. Missing promtool fails the test with the command that installs it; it never skips.
 */
final class Promtool {
    static final Path REPO = Path.of(System.getProperty("swarmwatch.repo", "..")).toAbsolutePath().normalize();
    static final Path RULES = REPO.resolve("alert-rules/prometheus/swarmwatch.rules.yml");
    static final Path RULES_TEST = REPO.resolve("alert-rules/prometheus/swarmwatch.rules.test.yml");
    static final Path DASHBOARD = REPO.resolve("dashboards/grafana/swarmwatch.json");
    static final Path METRICS_DOC = REPO.resolve("docs/metrics.md");

    private Promtool() {
    }

    /** promtool's exit code and its stdout and stderr together (it reports failures on stderr). */
    record Result(int exit, String output) {
    }

    static Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary().toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("promtool", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).directory(REPO.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(cmd + " did not finish within 60 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Path binary() {
        Path debian = Path.of("/usr/bin/promtool");
        if (Files.isExecutable(debian)) {
            return debian;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, "promtool");
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException("promtool not found (neither /usr/bin/promtool nor on PATH): run "
                + "`bash tests/bed/prometheus.sh install` as root (Debian package prometheus)");
    }
}
