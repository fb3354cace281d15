package dev.swarmwatch.agent.cli;

import sun.misc.Signal;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIGTERM and SIGINT for the daemon: the first asks for a graceful stop (which {@link #await} returns),
 * a second of either stops the process at once. JVM shutdown hooks cannot do this: while they run,
 * the JVM ignores further signals.
 */
final class StopSignals {
    /** Exit codes as a shell reports a process ended by the signal: 128 + its number. */
    static final int EXIT_TERM = 143;
    static final int EXIT_INT = 130;

    private final CountDownLatch first = new CountDownLatch(1);
    private final AtomicInteger received = new AtomicInteger();
    private final PrintStream log;

    private StopSignals(PrintStream log) {
        this.log = log;
    }

    static StopSignals install(PrintStream log) {
        StopSignals signals = new StopSignals(log);
        for (String name : new String[]{"TERM", "INT"}) {
            int exit = name.equals("TERM") ? EXIT_TERM : EXIT_INT;
            try {
                // A signal the parent ignores (SIGINT for a background job) stays ignored, as POSIX has it.
                Signal.handle(new Signal(name), s -> signals.on(name, exit));
            } catch (IllegalArgumentException reservedByTheJvm) {
                log.println("event=signal_unavailable signal=" + name);
            }
        }
        return signals;
    }

    private void on(String name, int exit) {
        if (received.compareAndSet(0, exit)) {
            log.println("event=stopping signal=" + name);
            log.flush();
            first.countDown();
        } else {
            log.println("event=stopped_at_once signal=" + name);
            log.flush();
            Runtime.getRuntime().halt(exit);
        }
    }

    /** Blocks until the first signal; its exit code. */
    int await() throws InterruptedException {
        first.await();
        return received.get();
    }
}
