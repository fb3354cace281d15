package dev.swarmwatch.agent.logging;

import dev.swarmwatch.checks.spi.SafeText;
import dev.swarmwatch.checks.spi.UrlCredentials;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Where the libraries' own log output goes. Vert.x and Netty (which find SLF4J bound to its no-op
 * backend and fall back to java.util.logging) and the PostgreSQL driver log through JUL; left
 * alone, JUL prints two-line records with stack traces to stderr. Installed first thing in
 * {@code main}, this replaces JUL's handlers with one that writes each record of level WARNING
 * or above to stderr as one structured line,
 * {@code event=library_log level=WARNING logger=io.netty... message="..." error="Class: message"},
 * sanitized and bounded; lower levels go nowhere. Jedis, docker-java and Apache HttpClient log
 * through SLF4J, whose no-op backend drops them.
 */
public final class LibraryLogging {
    static final int MESSAGE_SHOWN = 500;

    private LibraryLogging() {
    }

    /** Routes JUL to {@code err}, replacing whatever configuration JUL read at start-up. */
    public static void install(PrintStream err) {
        Objects.requireNonNull(err, "err");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        root.addHandler(new LineHandler(err));
    }

    /** One structured line per record, written at once so lines of two threads never mix. */
    static final class LineHandler extends Handler {
        private final PrintStream out;

        LineHandler(PrintStream out) {
            this.out = out;
            setLevel(Level.WARNING);
            setFormatter(new LineFormatter());
        }

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                out.print(getFormatter().format(record));
                out.flush();
            }
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }

    static final class LineFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder("event=library_log level=")
                    .append(record.getLevel().getName().toLowerCase(Locale.ROOT))
                    .append(" logger=").append(bare(record.getLoggerName() == null ? "" : record.getLoggerName()))
                    .append(" message=").append(quoted(formatMessage(record)));
            Throwable error = record.getThrown();
            if (error != null) {
                String message = error.getMessage();
                line.append(" error=").append(quoted(error.getClass().getName()
                        + (message == null ? "" : ": " + message)));
            }
            return line.append(System.lineSeparator()).toString();
        }

        private static String bare(String name) {
            return SafeText.line(name, 200).replaceAll("[\\s\"=]", "_");
        }

        private static String quoted(String text) {
            String safe = SafeText.line(UrlCredentials.mask(text == null ? "" : text), MESSAGE_SHOWN);
            return "\"" + safe.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
