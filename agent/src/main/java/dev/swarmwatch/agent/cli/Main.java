package dev.swarmwatch.agent.cli;

import dev.swarmwatch.agent.logging.LibraryLogging;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code swarmwatch} command. Exit codes follow Nagios: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN or error. */
@Command(name = "swarmwatch", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Health monitoring and alerting for Docker Swarm.",
        subcommands = {ReportCommand.class, WatchCommand.class, RunCommand.class, AlertsCommand.class, SilenceCommand.class, HealthCommand.class, ValidateCommand.class, ChecksCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code for config errors, bad usage and internal failures: Nagios UNKNOWN. */
    public static final int EXIT_UNKNOWN = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "log an unexpected error with its stack trace, not only its class and message")
    boolean debug;

    public static void main(String[] args) {
        // Before any library logs: Vert.x and Netty pick their logger when first used.
        LibraryLogging.install(System.err);
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        // A thread of ours or a library's that dies must not print a bare stack trace into the log.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) ->
                dev.swarmwatch.agent.daemon.LogValues.error(System.err, "thread", e, debug));
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(null, null, args);
    }

    /** With the given streams instead of stdout and stderr (null: those). */
    static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        Main main = new Main();
        CommandLine cli = new CommandLine(main).setExecutionExceptionHandler(new ErrorHandler(() -> main.debug));
        if (out != null) {
            cli.setOut(out);
        }
        if (err != null) {
            cli.setErr(err);
        }
        unknownOnBadUsage(cli);
        return cli.execute(args);
    }

    // picocli's default 2 would read as CRITICAL to Nagios.
    private static void unknownOnBadUsage(CommandLine cli) {
        cli.getCommandSpec().exitCodeOnInvalidInput(EXIT_UNKNOWN).exitCodeOnExecutionException(EXIT_UNKNOWN);
        cli.getSubcommands().values().forEach(Main::unknownOnBadUsage);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"swarmwatch " + (v == null ? "dev" : v)};
        }
    }
}
