package dev.swarmwatch.agent.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/** Silences, kept by the daemon: add, list, expire. */
@Command(name = "silence", mixinStandardHelpOptions = true,
        description = "Add, list or expire silences in a running daemon (swarmwatch run).",
        subcommands = {SilenceCommand.Add.class, SilenceCommand.ListSilences.class, SilenceCommand.Expire.class})
final class SilenceCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give a subcommand: add, list or expire");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Silence the alerts every --match selects, for a while.")
    static final class Add implements java.util.concurrent.Callable<Integer> {
        @Mixin
        DaemonOptions daemon;

        @Option(names = "--match", required = true, description = "a label matcher: service=web, service!=web, service=~\"web-.*\", service!~...; repeat for more (all must match)")
        List<String> matchers;

        @Option(names = "--for", required = true, description = "how long, e.g. 2h")
        String duration;

        @Option(names = "--comment", required = true, description = "why")
        String comment;

        @Option(names = "--created-by", description = "who (default: the user name)")
        String createdBy;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            JsonObject body = new JsonObject().put("matchers", new JsonArray(List.copyOf(matchers))).put("for", duration)
                    .put("comment", comment).put("created_by", createdBy != null ? createdBy : System.getProperty("user.name", "cli"));
            return daemon.call(spec.commandLine().getErr(), client -> {
                JsonObject made = (JsonObject) client.post("/api/v1/silences", body.encode());
                out.println(dev.swarmwatch.checks.spi.SafeText.line(made.getString("id", "")));
                out.flush();
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the silences the daemon knows, active or not yet pruned.")
    static final class ListSilences implements java.util.concurrent.Callable<Integer> {
        @Mixin
        DaemonOptions daemon;

        @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
        DaemonOptions.Format format;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            return daemon.call(spec.commandLine().getErr(), client -> {
                JsonArray all = (JsonArray) client.get("/api/v1/silences");
                out.print(format == DaemonOptions.Format.json ? all.encodePrettily() + "\n" : AlertsText.silences(all, Instant.now()));
                out.flush();
                return 0;
            });
        }
    }

    @Command(name = "expire", mixinStandardHelpOptions = true, description = "End a silence now.")
    static final class Expire implements java.util.concurrent.Callable<Integer> {
        @Mixin
        DaemonOptions daemon;

        @Parameters(paramLabel = "ID", description = "the silence's id (silence list shows it)")
        String id;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (!id.matches("[A-Za-z0-9-]{1,100}")) {
                spec.commandLine().getErr().println("swarmwatch: bad silence id: " + dev.swarmwatch.checks.spi.SafeText.line(id, 100));
                return Main.EXIT_UNKNOWN;
            }
            return daemon.call(spec.commandLine().getErr(), client -> {
                client.delete("/api/v1/silences/" + id);
                out.println("expired " + id);
                out.flush();
                return 0;
            });
        }
    }
}
