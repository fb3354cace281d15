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
            String scope = kind.declared() ? "declared: targets." + kind.name() + " or swarmwatch." + kind.name() + ".* labels"
                    : kind.perService() ? "per service" : "cluster-wide";
            out.println(kind.name() + "  (" + scope + ")");
            out.println("    " + kind.description());
            out.printf("    %-22s %-10s %-9s %s%n", "enabled", "boolean", "true", "run this kind"
                    + (kind.perService() ? " (per service too)" : ""));
            if (kind.declared()) {
                out.printf("    %-22s %-10s %-9s %s%n", "name", "string", "(required)", "the target's name, unique within the kind");
                out.printf("    %-22s %-10s %-9s %s%n", "service", "string", "-", "the service it belongs to (its report group and replicas)");
            }
            for (OptionSpec o : kind.options()) {
                out.printf("    %-22s %-10s %-9s %s%n", o.name(), o.secret() ? "secret" : o.type().name().toLowerCase(),
                        o.defaultText(), o.description() + (o.secret() ? " (or " + o.name() + "_file)" : ""));
            }
            out.println();
        }
        out.flush();
    }
}
