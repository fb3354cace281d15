package dev.swarmwatch.tests.fake;

import dev.swarmwatch.agent.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the real {@code swarmwatch report} command in this JVM (the CLI's own {@link Main#run}),
 * capturing what it prints and how long it took. Test classes run one after another, so swapping
 * System.out for the call is safe.
 */
public final class Report {
    private Report() {
    }

    public record Result(int exit, String out, String err, Duration took) {
        public String firstLine() {
            return out.lines().findFirst().orElse("");
        }
    }

    public static synchronized Result run(URI engine, Duration engineTimeout, String... more) {
        List<String> args = new ArrayList<>(List.of("report", "-H", engine.toString(),
                "--engine-timeout", engineTimeout.toMillis() + "ms"));
        args.addAll(List.of(more));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int exit;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            exit = Main.run(args.toArray(String[]::new));
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(out);
            System.setErr(err);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Result(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8), took);
    }
}
