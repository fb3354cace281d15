package dev.swarmwatch.alerts.store;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Path;
import java.sql.SQLException;

/** The store could not do what was asked; {@link #problem()} says which loud state it is in. */
public final class StoreException extends RuntimeException {

    /** What is wrong, as {@code /healthz} and the {@code swarmwatch_alert_store_ok} metric name it. */
    public enum Problem {
        /** No space left on the state directory's file system. */
        DISK_FULL("disk full"),
        /** The state directory or the database file cannot be written. */
        READ_ONLY("read-only"),
        /** The database file is damaged or not a database. */
        CORRUPT("corrupt"),
        /** The state directory or database cannot be created or opened. */
        UNAVAILABLE("cannot open"),
        /** Any other I/O or database error. */
        IO("I/O error");

        private final String words;

        Problem(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private final Problem problem;

    public StoreException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** Maps a driver error to the operator's words; the message names the file, never the data. */
    static StoreException of(SQLException e, Path db) {
        Problem p = Problem.IO;
        if (e instanceof SQLiteException se) {
            p = switch (primary(se.getResultCode())) {
                case 13 -> Problem.DISK_FULL;            // SQLITE_FULL
                case 8 -> Problem.READ_ONLY;             // SQLITE_READONLY
                case 11, 26 -> Problem.CORRUPT;          // SQLITE_CORRUPT, SQLITE_NOTADB
                case 14 -> Problem.UNAVAILABLE;          // SQLITE_CANTOPEN
                case 10 -> ioKind(e);                    // SQLITE_IOERR: ENOSPC shows here on some writes
                default -> Problem.IO;
            };
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new StoreException(p, p.words() + ": " + db + " (" + firstLine(detail) + ")", e);
    }

    private static int primary(SQLiteErrorCode code) {
        return code == null ? -1 : code.code & 0xff;
    }

    private static Problem ioKind(SQLException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return m.contains("full") || m.contains("space") ? Problem.DISK_FULL : Problem.IO;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
