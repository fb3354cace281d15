package dev.swarmwatch.tests.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A fresh copy of what a build leaves for the launcher (./swarmwatch, scripts/jdk.sh and
 * agent/target/swarmwatch.jar) and nothing else, so its first report is the first run after a
 * build: on JDK 25 it trains the AOT cache, on older JDKs it writes the CDS archive.
 */
final class LauncherCopy {
    static final Path REPO = Path.of(System.getProperty("swarmwatch.repo", ".."));

    final Path root;

    private LauncherCopy(Path root) {
        this.root = root;
    }

    static LauncherCopy in(Path dir) throws IOException {
        Path jar = REPO.resolve("agent/target/swarmwatch.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": run mvn install -DskipTests first");
        }
        Files.createDirectories(dir.resolve("scripts"));
        Files.createDirectories(dir.resolve("agent/target"));
        Files.copy(REPO.resolve("swarmwatch"), dir.resolve("swarmwatch"));
        dir.resolve("swarmwatch").toFile().setExecutable(true, false);
        Files.copy(REPO.resolve("scripts/jdk.sh"), dir.resolve("scripts/jdk.sh"));
        Files.copy(jar, dir.resolve("agent/target/swarmwatch.jar"));
        return new LauncherCopy(dir);
    }

    Path launcher() {
        return root.resolve("swarmwatch");
    }

    /** The start-up archives the launcher has made (*.aot, *.jsa). */
    List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("agent/target"))) {
            return files.filter(p -> p.toString().endsWith(".aot") || p.toString().endsWith(".jsa")).toList();
        }
    }

    /** Runs the launcher with the test's JDK, stdout and stderr kept apart. */
    Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(launcher().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("DOCKER_HOST");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish within 2 minutes");
        }
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    record Run(int exit, String out, String err) {
    }
}
