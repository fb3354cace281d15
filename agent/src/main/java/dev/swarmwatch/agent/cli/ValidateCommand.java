package dev.swarmwatch.agent.cli;

import dev.swarmwatch.agent.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Checks a config file and reports every problem in it; runs nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate a config file. Exit 0 when valid, 3 with every problem listed as file:line:col key: message.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "config file (default: ./swarmwatch.yml, /etc/swarmwatch/swarmwatch.yml)")
    Path file;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Path> located = ConfigSource.locate(file);
        if (located.isEmpty()) {
            err.println("swarmwatch: no config file given and none at " + ConfigSource.DEFAULT_LOCATIONS);
            return Main.EXIT_UNKNOWN;
        }
        try {
            ConfigSource.load(located, System.getenv());
            out.println(located.get() + ": valid");
            return 0;
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return Main.EXIT_UNKNOWN;
        }
    }
}
