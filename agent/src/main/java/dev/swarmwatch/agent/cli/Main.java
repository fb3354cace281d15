package dev.swarmwatch.agent.cli;

import dev.swarmwatch.agent.logging.LibraryLogging;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code swarmwatch} command. Exit codes follow Nagios: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN or error. */
@Command(name = "swarmwatch", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Health monitoring and alerting for Docker Swarm.",
        subcommands = {ReportCommand.class, RunCommand.class, HealthCommand.class, ValidateCommand.class, ChecksCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code for config errors, bad usage and internal failures: Nagios UNKNOWN. */
    public static final int EXIT_UNKNOWN = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Before any library logs: Vert.x and Netty pick their logger when first used.
        LibraryLogging.install(System.err);
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("swarmwatch: internal error: " + e);
                    return EXIT_UNKNOWN;
                });
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
