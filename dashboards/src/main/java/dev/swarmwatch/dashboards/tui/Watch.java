package dev.swarmwatch.dashboards.tui;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import dev.swarmwatch.alerts.eval.AlertView;
import dev.swarmwatch.dashboards.view.DashModel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code swarmwatch watch}: takes over the terminal (alternate screen, raw keys, Ctrl-C as a key),
 * runs the dashboard until q or Ctrl-C, and always gives the terminal back: on return, on an
 * exception and, through a shutdown hook, on SIGTERM, SIGINT and SIGHUP.
 */
public final class Watch {
    private Watch() {
    }

    /** True when stdin and stdout are a terminal. */
    public static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // JDK 22+ has a console even when redirected; isTerminal tells.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /**
     * Runs the dashboard on this terminal; returns when the operator quits.
     *
     * @param alerts the alert engine's latest view (never blocks), or empty when alerts are off
     */
    public static void run(Vertx vertx, String engine, Duration interval, Supplier<Future<CycleResult>> cycle,
                           Optional<Supplier<AlertView>> alerts, Map<String, String> env, Clock clock)
            throws IOException, InterruptedException {
        UnixTerminal terminal = new UnixTerminal(System.in, System.out, StandardCharsets.UTF_8,
                UnixLikeTerminal.CtrlCBehaviour.TRAP);
        TerminalScreen screen = new TerminalScreen(terminal);
        Thread restore = new Thread(() -> stop(screen), "swarmwatch-restore-terminal");
        Runtime.getRuntime().addShutdownHook(restore);
        Dashboard[] dashboard = new Dashboard[1];
        CycleLoop loop = new CycleLoop(vertx, interval, cycle, c -> dashboard[0].offer(c));
        try {
            screen.startScreen();
            dashboard[0] = new Dashboard(screen, Palette.forEnvironment(env), clock, loop,
                    DashModel.starting(engine, interval), alerts);
            loop.start();
            dashboard[0].run();
        } finally {
            // The terminal first: the operator should not wait for a cycle in flight to get the shell back.
            stop(screen);
            try {
                loop.stop().toCompletionStage().toCompletableFuture().get(interval.toMillis() + 10_000, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // The cycle is bounded by its checks' timeouts; quitting need not wait longer.
            }
            try {
                Runtime.getRuntime().removeShutdownHook(restore);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs anyway
            }
        }
    }

    private static void stop(TerminalScreen screen) {
        synchronized (screen) {
            try {
                screen.stopScreen();
            } catch (IOException | RuntimeException e) {
                // Nothing more can be done for a terminal that is gone.
            }
        }
    }
}
