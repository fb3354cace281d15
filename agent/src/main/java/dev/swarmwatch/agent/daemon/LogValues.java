package dev.swarmwatch.agent.daemon;

import dev.swarmwatch.checks.spi.SafeText;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * Values of structured log lines ({@code key=value}): quoted and sanitized, since they may come
 * from the engine or a probed server, and the one form of an unexpected exception: a single
 * {@code event=error} line with its class and message, its stack only when debugging.
 */
public final class LogValues {
    /** Longest value a log line carries: a 1 MB service name must not become a 1 MB log line. */
    static final int MAX = 300;

    private LogValues() {
    }

    /** {@code "text"}: one line, without control characters or escape sequences, quotes escaped, bounded. */
    public static String quoted(String text) {
        String safe = SafeText.line(text == null ? "" : text, MAX);
        return '"' + safe.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** {@code event=error where=... class=... message="..."}, and with {@code debug} the stack below it. */
    public static void error(PrintStream log, String where, Throwable error, boolean debug) {
        log.println(errorLine(where, error));
        if (debug) {
            error.printStackTrace(log);
        }
        log.flush();
    }

    /** {@link #error(PrintStream, String, Throwable, boolean)} on a writer. */
    public static void error(PrintWriter log, String where, Throwable error, boolean debug) {
        log.println(errorLine(where, error));
        if (debug) {
            error.printStackTrace(log);
        }
        log.flush();
    }

    static String errorLine(String where, Throwable error) {
        return "event=error where=" + where + " class=" + error.getClass().getName() + " message=" + quoted(error.getMessage());
    }
}
