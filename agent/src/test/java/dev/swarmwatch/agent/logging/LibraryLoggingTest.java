package dev.swarmwatch.agent.logging;

import org.junit.jupiter.api.Test;

import java.net.SocketException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** A library's log record becomes one structured, sanitized line. */
class LibraryLoggingTest {
    private final LibraryLogging.LineFormatter format = new LibraryLogging.LineFormatter();

    @Test
    void aRecordWithAnExceptionIsOneLineWithoutItsStack() {
        LogRecord record = new LogRecord(Level.WARNING, "Failed to retrieve {0}\nsecond \"line\"");
        record.setParameters(new Object[]{"interfaces"});
        record.setLoggerName("io.netty.util.NetUtilInitializations");
        record.setThrown(new SocketException("No network interfaces configured"));
        assertThat(format.format(record)).isEqualTo("event=library_log level=warning logger=io.netty.util.NetUtilInitializations"
                + " message=\"Failed to retrieve interfaces second \\\"line\\\"\""
                + " error=\"java.net.SocketException: No network interfaces configured\"" + System.lineSeparator());
    }

    @Test
    void escapeSequencesAndUrlCredentialsInAMessageAreRemoved() {
        LogRecord record = new LogRecord(Level.SEVERE, "connect to jdbc:postgresql://u:pw123@db/x failed \u001b[2J\u0007");
        record.setLoggerName("org.postgresql.Driver");
        String line = format.format(record);
        assertThat(line).isEqualTo("event=library_log level=severe logger=org.postgresql.Driver"
                + " message=\"connect to jdbc:postgresql://u:***@db/x failed ?\"" + System.lineSeparator());
    }
}
