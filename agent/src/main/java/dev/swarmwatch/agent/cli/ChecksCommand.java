package dev.swarmwatch.agent.cli;

import dev.swarmwatch.checks.spi.CheckKind;
import dev.swarmwatch.checks.spi.OptionSpec;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** Lists the check kinds and their options, as the config file names them. */
@Command(name = "checks", mixinStandardHelpOptions = true, description = "List check kinds and their options.")
final class ChecksCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (CheckKind kind : ConfigSource.kindsForConfig()) {
            out.println(kind.name() + "  (" + (kind.perService() ? "per service" : "cluster-wide") + ")");
            out.println("    " + kind.description());
            out.printf("    %-22s %-10s %-9s %s%n", "enabled", "boolean", "true", "run this kind"
                    + (kind.perService() ? " (per service too)" : ""));
            for (OptionSpec o : kind.options()) {
                out.printf("    %-22s %-10s %-9s %s%n", o.name(), o.type().name().toLowerCase(), o.defaultText(), o.description());
            }
            out.println();
        }
        out.flush();
    }
}
