package dev.swarmwatch.agent.cli;

import dev.swarmwatch.agent.daemon.LogValues;
import picocli.CommandLine;

import java.util.function.BooleanSupplier;

/**
 * What a command that fails unexpectedly prints: one structured {@code event=error} line with the
 * exception's class and sanitized message, its stack only with {@code --debug}; exit 3 (UNKNOWN).
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    private final BooleanSupplier debug;

    ErrorHandler(BooleanSupplier debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        LogValues.error(cmd.getErr(), cmd.getCommandName(), e, debug.getAsBoolean());
        return Main.EXIT_UNKNOWN;
    }
}
